// The Certificates page in Chromium against `rwsec serve`: the open config's certificates on a
// time axis (one bar each, today line, warning window shaded) and in a table by days left; an
// unreadable store reported; hover shows the details; Renew opens the HTTPS wizard prefilled.
import assert from 'node:assert/strict';
import { KeyObject } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeKeystore } from '../../electron/services/keystore/write';
import { obfuscate } from '../../shared/secrets/obf';
import { issue } from '../helpers/chain-pki';
import { humanDate } from '../../renderer/components/dates/human-date';
import { browserSuite, nav, screenshots, uiSkipReason } from './app-page';
import type { ServeRun } from './serve-process';

const skipReason = uiSkipReason();
const DAY = 86_400_000;
const PASS = 'page-Store-1';

let run: ServeRun;
let dir: string;

describe('Certificates page (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite();
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rwsec-certs-page-'));
    const now = Date.now();
    const server = await issue({
      subject: 'CN=rws.page.test',
      dns: ['rws.page.test'],
      ips: ['127.0.0.1'],
      notBefore: new Date(now - 350 * DAY),
      notAfter: new Date(now + 15 * DAY),
    });
    const ca = await issue({
      subject: 'CN=Config Server CA',
      ca: true,
      notAfter: new Date(now + 700 * DAY),
    });
    const old = await issue({
      subject: 'CN=Old WebDAV CA',
      ca: true,
      notBefore: new Date(now - 900 * DAY),
      notAfter: new Date(now - 20 * DAY),
    });
    await writeFile(
      join(dir, 'https.jks'),
      writeKeystore(
        {
          type: 'JKS',
          entries: [
            {
              kind: 'key',
              alias: 'jetty',
              created: new Date(now),
              chain: [server.cert],
              privateKey: KeyObject.from(server.keys.privateKey),
            },
          ],
        },
        { type: 'JKS', password: PASS },
      ),
    );
    await writeFile(join(dir, 'ca.pem'), ca.certPem);
    await writeFile(join(dir, 'webdav.pem'), old.certPem);
    const config = join(dir, 'source.yaml');
    await writeFile(
      config,
      [
        'enableSsl: true',
        'ssl:',
        '  port: 9443',
        `  keyStorePath: ${join(dir, 'https.jks')}`,
        `  keyStorePassword: ${obfuscate(PASS)}`,
        'serverSettings:',
        `  caCertificate: ${join(dir, 'ca.pem')}`,
        `  webDAVTrustedCA: ${join(dir, 'webdav.pem')}`,
        `  rcsTrustedCA: ${join(dir, 'missing-rcs.pem')}`,
        '',
      ].join('\n'),
    );
    run = await app.serve(config);
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('bars on a time axis, table by days left, unreadable store, renew opens the wizard', async () => {
    const page = await app.open({ run });
    await nav(page, 'Certificates').click();
    const chart = page.getByTestId('certificate-timeline');
    await chart.locator('svg').first().waitFor();
    // One visible bar per certificate (the invisible offset bars are not counted).
    const rows = page.locator('table[aria-label="Certificates by days left"] tbody tr');
    assert.deepEqual(
      await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state'))),
      ['expired', 'expiring', 'valid'],
    );
    const firstCells = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.children[1]?.textContent),
    );
    assert.deepEqual(firstCells, ['CN=Old WebDAV CA', 'CN=rws.page.test', 'CN=Config Server CA']);
    await page
      .getByText(/serverSettings\.rcsTrustedCA .*missing-rcs\.pem does not exist/)
      .waitFor();
    assert.equal(await chart.getByTestId('warning-window').count(), 1);
    assert.match((await chart.textContent()) ?? '', /today \d{1,2} [A-Z][a-z]{2} \d{4}\b/);
    // The table's dates in the app's one format, the exact instant on hover.
    const validity = await rows
      .nth(0)
      .locator('time')
      .evaluateAll((els) => els.map((el) => [el.textContent, el.getAttribute('title')]));
    assert.equal(validity.length, 2);
    for (const [text, title] of validity) {
      assert.match(title ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      assert.equal(text, humanDate(title ?? ''));
    }
    for (const label of ['Old WebDAV CA', 'rws.page.test (jetty)', 'Config Server CA']) {
      assert.match((await chart.textContent()) ?? '', new RegExp(label.replace(/[()]/g, '\\$&')));
    }
    await screenshots(page, 'certificates');
    // Hover the middle row, right of its axis label: the tooltip gives its dates and days left.
    const label = await chart.getByText('rws.page.test (jetty)').boundingBox();
    assert.ok(label);
    await page.mouse.move(label.x + label.width + 300, label.y + label.height / 2);
    await page.getByText(/days left · ssl\.keyStorePath/).waitFor();
    await screenshots(page, 'certificates-hover', [[1280, 800]]);
    // Renew on the HTTPS server certificate: the HTTPS wizard with its names filled in.
    await rows.nth(1).getByRole('button', { name: 'Renew' }).click();
    await page.getByRole('tab', { name: 'HTTPS for RWS', selected: true }).waitFor();
    const dname = page.getByLabel('Subject (optional)');
    await dname.waitFor();
    assert.equal(await dname.inputValue(), 'CN=rws.page.test');
    await screenshots(page, 'certificates-renew', [[1280, 800]]);
  });
});
