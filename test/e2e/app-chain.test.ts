// The chain preview end to end: a throw-away PKI (root → intermediate → leaf) judged through the
// UI of a real `rwsec serve` against the config's trust file, another trust, a keystore alias and
// a live TLS server started by the test.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:tls';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fieldId } from '../../renderer/app/sections';
import { makeTestPki, type TestPki } from '../helpers/chain-pki';
import type { ServeRun } from './serve-process';
import { browserSuite, nav, screenshots, uiSkipReason } from './app-page';

const skipReason = uiSkipReason();

let pki: TestPki;

const verdict = (page: Page) => page.getByTestId('chain-verdict');
const boxes = (page: Page) =>
  page.getByRole('list', { name: 'Certificate chain, leaf first' }).locator('[data-role]');
const hostVerdict = (page: Page, rule: 'rfc6125' | 'rws') => page.locator(`[data-rule="${rule}"]`);

async function pickTrust(page: Page, option: RegExp) {
  await page.locator('#chain-trust').click();
  await page.getByRole('option', { name: option }).click();
}

async function check(page: Page, button = 'Check chain') {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('button', { name: button }).waitFor();
}

describe('chain preview in the browser (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite();

  /** A serve run with the test PKI's files beside its config. */
  async function serve(): Promise<ServeRun> {
    const run = await app.serve();
    await writeFile(join(run.dir, 'root.pem'), pki.root.certPem);
    await writeFile(join(run.dir, 'foreign-root.pem'), pki.foreignRoot.certPem);
    // A leaf whose Subject CN is localhost but whose only SAN DNS is other.example: the two
    // host-name rules disagree about "localhost".
    await writeFile(join(run.dir, 'chain.pem'), pki.cnOnlyMatch.certPem + pki.intermediate.certPem);
    return run;
  }
  before(async () => {
    pki = await makeTestPki();
  });

  test('trusted by the config trust file, unknown CA under another trust, and the two name rules', async () => {
    const run = await serve();
    const page = await app.open({ run });
    await nav(page, 'Chain preview').click();
    await page.locator('#chain-file').waitFor();
    await screenshots(page, 'chain-empty');

    // The trust option's field leads here with its file chosen as the trust.
    await nav(page, 'Outbound TLS').click();
    await page.locator(`#${fieldId('serverSettings.caCertificate')}`).fill('root.pem');
    await page.waitForFunction(() => !document.querySelector('[data-pending]'));
    await page
      .locator('[data-option="serverSettings.caCertificate"]')
      .getByRole('button', { name: 'Preview chain' })
      .click();
    await page.locator('#chain-file').fill('chain.pem');
    // The page takes the trust from the field's value after it opens: wait for it, as a user would.
    // (fails with a timeout when the trust never names root.pem)
    await page
      .locator('#chain-trust')
      .filter({ hasText: /root\.pem/ })
      .waitFor({ timeout: 10_000 });
    await check(page);

    await verdict(page).waitFor();
    assert.equal(await verdict(page).getAttribute('data-reason'), 'trusted');
    assert.match(await verdict(page).innerText(), /^Trusted/);
    assert.deepEqual(
      await boxes(page).evaluateAll((els) =>
        els.map((el) => [el.getAttribute('data-role'), el.getAttribute('data-verdict')]),
      ),
      [
        ['leaf', 'ok'],
        ['intermediate', 'ok'],
        ['root', 'ok'],
      ],
    );

    await page.locator('#chain-host').fill('localhost');
    assert.equal(await hostVerdict(page, 'rfc6125').getAttribute('data-status'), 'mismatch');
    assert.match(await hostVerdict(page, 'rfc6125').innerText(), /name mismatch/);
    assert.equal(await hostVerdict(page, 'rws').getAttribute('data-status'), 'match');
    assert.match(
      await hostVerdict(page, 'rws').innerText(),
      /Subject CN localhost equals the host/,
    );

    // One rule fails: the banner is no longer a plain green "Trusted", the leaf warns.
    await page.locator('[data-testid="chain-verdict"][data-host-verdict="warn"]').waitFor();
    assert.match(await verdict(page).innerText(), /^Trusted chain, host name in doubt/);
    assert.equal(await boxes(page).first().getAttribute('data-verdict'), 'warn');

    // A host that fails both rules: the chain is trusted, but not for this host.
    await page.locator('#chain-host').fill('rws-01.example.internal');
    assert.equal(await hostVerdict(page, 'rfc6125').getAttribute('data-status'), 'mismatch');
    assert.equal(await hostVerdict(page, 'rws').getAttribute('data-status'), 'mismatch');
    await page.locator('[data-testid="chain-verdict"][data-host-verdict="fail"]').waitFor();
    assert.match(
      (await verdict(page).getAttribute('class')) ?? '',
      /MuiAlert-(colorError|standardError)/,
    );
    assert.match(await verdict(page).innerText(), /^Trusted chain, but not for this host/);
    assert.match(
      await verdict(page).innerText(),
      /not valid for rws-01\.example\.internal under either rule/,
    );
    assert.equal(await boxes(page).first().getAttribute('data-verdict'), 'fail');
    assert.match(await boxes(page).first().innerText(), /✗ problem/);
    await screenshots(page, 'chain-trusted-wrong-host');
    await page.locator('#chain-host').fill('localhost');

    // The leaf is unfolded from the start; the root unfolds in place with all its fields.
    await page.getByRole('region', { name: 'Fields of localhost' }).waitFor();
    await boxes(page).nth(2).getByRole('button', { name: 'All fields' }).click();
    const details = page.getByRole('region', { name: 'Fields of Test Root CA' });
    assert.match(await details.innerText(), /CN=Test Root CA/);
    assert.match(await details.innerText(), /Basic constraints\s*CA/);
    await screenshots(page, 'chain-trusted');

    await pickTrust(page, /Another file/);
    await page.locator('#chain-trust-path').fill('foreign-root.pem');
    await check(page);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="chain-verdict"]')?.getAttribute('data-reason') ===
        'unknown-ca',
    );
    assert.match(await verdict(page).innerText(), /^Not trusted: unknown CA/);
    assert.deepEqual(
      await boxes(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-role'))),
      ['leaf', 'intermediate', 'missing'],
      'the chain stops where the trust ends, and the missing issuer is drawn',
    );
    assert.match(await boxes(page).last().innerText(), /Test Root CA/);
    await screenshots(page, 'chain-unknown-ca');
  });

  test('a chain file chosen with "Choose file…" is judged from its bytes', async () => {
    const run = await serve();
    const page = await app.open({ run });
    await nav(page, 'Chain preview').click();
    await page.getByRole('button', { name: 'Choose file…' }).waitFor();
    // The input Playwright fills is the one the button opens: the path field gives way to the file.
    await page.locator('#chain-file-input').setInputFiles(join(run.dir, 'chain.pem'));
    const chosen = page.getByTestId('chain-chosen-file');
    await chosen.waitFor();
    assert.match(await chosen.innerText(), /chain\.pem \(1 KiB\)/);
    assert.equal(await page.locator('#chain-file').count(), 0);
    await screenshots(page, 'chain-file-picked', [[1280, 800]]);
    await pickTrust(page, /Another file/);
    await page.locator('#chain-trust-path').fill('root.pem');
    await check(page);
    await verdict(page).waitFor();
    assert.equal(await verdict(page).getAttribute('data-reason'), 'trusted');
    assert.match(await verdict(page).innerText(), /Checked: chain\.pem/);
    assert.deepEqual(
      await boxes(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-role'))),
      ['leaf', 'intermediate', 'root'],
    );

    // Back to a path: closing the chosen file brings the field back.
    await chosen.getByRole('button', { name: 'Close' }).click();
    await page.locator('#chain-file').waitFor();
  });

  test('"Preview chain" on a keystore entry judges its chain', async () => {
    const run = await serve();
    const page = await app.open({ run });
    await nav(page, 'Keystores').click();
    await page.locator('#keystore-path').fill(join(run.dir, 'server.p12'));
    await page.locator('#keystore-password').fill('changeit');
    await page.getByRole('button', { name: 'Create new store' }).click();
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByRole('button', { name: 'Paste PEM' }).click();
    await page
      .locator('#import-pem')
      .fill(pki.good.keyPem + pki.good.certPem + pki.intermediate.certPem);
    await page.locator('#import-alias').fill('server');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('tr[data-alias="server"]').waitFor();
    await page.getByRole('button', { name: 'Preview chain' }).click();

    await page.locator('#chain-alias').waitFor();
    assert.match(await page.locator('#chain-alias').innerText(), /^server/);
    await pickTrust(page, /Another file/);
    await page.locator('#chain-trust-path').fill('root.pem');
    await check(page);
    await verdict(page).waitFor();
    assert.equal(await verdict(page).getAttribute('data-reason'), 'trusted');
    assert.match(await verdict(page).innerText(), /alias "server"/);
  });

  test('a live endpoint: the app probes a local TLS server and judges what it serves', async (t) => {
    const server: Server = createServer({
      key: pki.good.keyPem,
      cert: pki.good.certPem + pki.intermediate.certPem,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.address() as AddressInfo).port;

    const run = await serve();
    const page = await app.open({ run });
    await nav(page, 'Chain preview').click();
    await page.getByRole('tab', { name: 'Live endpoint' }).click();
    await page.locator('#chain-endpoint').fill(`127.0.0.1:${port}`);
    await pickTrust(page, /Another file/);
    await page.locator('#chain-trust-path').fill('root.pem');
    await check(page, 'Connect and check');
    await verdict(page).waitFor();
    assert.equal(await verdict(page).getAttribute('data-reason'), 'trusted');
    assert.match(
      await verdict(page).innerText(),
      new RegExp(`127\\.0\\.0\\.1:${port} \\(TLSv1\\.3`),
    );
    assert.equal(await boxes(page).count(), 3);
    // The host defaults to the probed one: an IP matches the SAN IP under RFC 6125, while the RWS
    // rule compares names only.
    assert.equal(await page.locator('#chain-host').inputValue(), '127.0.0.1');
    assert.equal(await hostVerdict(page, 'rfc6125').getAttribute('data-status'), 'match');
    assert.equal(await hostVerdict(page, 'rws').getAttribute('data-status'), 'mismatch');
    await screenshots(page, 'chain-endpoint');

    server.close();
    await page.locator('#chain-endpoint').fill('127.0.0.1:1');
    await check(page, 'Connect and check');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /No TLS session with 127\.0\.0\.1:1/);
  });
});
