// The kit wizards end to end: Chromium against `rwsec serve` on a copy of the sample. Each wizard
// runs to its verify step; the files it wrote are checked with the JDK's keytool, and the config
// diff shows the values it left pending for the reviewed save.
import { keytoolListing } from '../helpers/java';
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildStandInGirJar, standInCrypt } from '../helpers/gir-jar';
import { chromiumArgs, chromiumPath, startServe, type ServeRun } from './serve-process';
import { nav, screenshotDir, screenshots, uiSkipReason } from './app-page';

const skipReason = uiSkipReason({ keytool: true });

let browser: Browser;
let run: ServeRun;
let page: Page;
let jarDir: string;

function entries(listing: string): { alias: string; type: string; chain: number }[] {
  return listing
    .split(/^Alias name: /m)
    .slice(1)
    .map((block) => ({
      alias: block.split('\n')[0]?.trim() ?? '',
      type: /Entry type: (\w+)/.exec(block)?.[1] ?? '',
      chain: Number(/Certificate chain length: (\d+)/.exec(block)?.[1] ?? '1'),
    }));
}

const button = (name: string) => page.getByRole('button', { name, exact: true });
const diffText = () => page.getByLabel('Config diff').innerText();

async function openWizard(tab: string): Promise<void> {
  await nav(page, 'Wizards').click();
  await page.getByRole('tab', { name: tab }).click();
}

describe('kit wizards in the browser (rwsec serve)', { skip: skipReason }, () => {
  before(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    await mkdir(screenshotDir, { recursive: true });
    jarDir = await mkdtemp(join(tmpdir(), 'rwsec-girjar-'));
    run = await startServe();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(20_000);
    await page.goto(await run.freshUrl());
    await page.waitForSelector('#root[data-app-state="ready"]');
  });
  after(async () => {
    await browser?.close();
    await run?.stop();
    if (jarDir) await rm(jarDir, { recursive: true, force: true });
  });

  test('HTTPS: self-signed keystore written, keytool sees alias jetty, ssl.* pending with OBF', async () => {
    await openWizard('HTTPS for RWS');
    await page.getByLabel('Host names and addresses (SAN)').fill('dns:rws.example.com,ip:10.0.0.5');
    await screenshots(page, 'wizard-https-1-certificate');
    await button('Next').click();
    await page.getByLabel('Keystore file').fill('etc/keystore');
    await page.getByLabel('HTTPS port').fill('443');
    await page.getByText(/Port 443 is below 1024/).waitFor();
    await button('Use 9443').click();
    await page.getByLabel('Store password', { exact: true }).fill('jetty-pass-1');
    await page.getByLabel('Repeat the password').fill('jetty-pass-1');
    assert.match(await page.getByTestId('obf-preview').innerText(), /^OBF:/);
    await screenshots(page, 'wizard-https-2-keystore');
    await button('Review').click();
    await page.getByLabel('Files to write').waitFor();
    await screenshots(page, 'wizard-https-3-review');
    await button('Write the keystore').click();
    await page.getByLabel('Config diff').waitFor();
    const diff = await diffText();
    assert.match(diff, /^-enableSsl: false$/m);
    assert.match(diff, /^\+enableSsl: true$/m);
    assert.match(diff, /^\+ {2}port: 9443$/m);
    assert.match(diff, /^\+ {2}keyStorePassword: OBF:/m);
    await screenshots(page, 'wizard-https-4-summary');
    const store = join(run.dir, 'etc', 'keystore');
    assert.deepEqual(entries(keytoolListing(store, 'jetty-pass-1')), [
      { alias: 'jetty', type: 'PrivateKeyEntry', chain: 1 },
    ]);
    await button('Verify').click();
    await page.locator('[data-check]').first().waitFor();
    assert.equal(await page.locator('[data-check="fail"]').count(), 0);
    assert.ok((await page.locator('[data-check="ok"]').count()) >= 4);
    await screenshots(page, 'wizard-https-5-verify');
    assert.ok(await page.getByTestId('dirty-marker').isVisible(), 'the config edits are pending');
  });

  test('Cassandra: pasted nodes, preview tree, kit written (node chains of 2), useSSL pending', async () => {
    await openWizard('Cassandra TLS');
    const nodes = page.getByRole('textbox', { name: 'Cassandra nodes' });
    await nodes.fill(
      'cass-01.example.internal, cass-02.example.internal\ncass-03.example.internal cass-01.example.internal',
    );
    await page.getByText('3 nodes').waitFor();
    await screenshots(page, 'wizard-cassandra-1-nodes');
    await button('Next').click();
    await page.getByLabel('Store password', { exact: true }).fill('cass-pass-1');
    await page.getByLabel('Repeat the password').fill('cass-pass-1');
    await page.getByLabel('CA key password', { exact: true }).fill('cass-pass-1');
    assert.equal(await button('Preview').isDisabled(), true, 'CA password = store password');
    await page.getByText(/Must differ from the store password/).waitFor();
    await page.getByLabel('CA key password', { exact: true }).fill('cass-ca-pass-2');
    await page.getByLabel('Repeat the CA key password').fill('cass-ca-pass-2');
    await screenshots(page, 'wizard-cassandra-2-options');
    await button('Preview').click();
    await page.getByRole('tree', { name: 'Files to write' }).waitFor();
    const tree = await page.getByRole('tree').innerText();
    assert.match(tree, /cass-02\.example\.internal\//);
    assert.match(tree, /truststore\.jks/);
    assert.ok(!existsSync(join(run.dir, 'cassandra-tls')), 'the preview writes nothing');
    await screenshots(page, 'wizard-cassandra-3-preview');
    await button('Write the kit').click();
    await page.getByLabel('Config diff').waitFor();
    const diff = await diffText();
    assert.match(diff, /^\+ {2}useSSL: true$/m);
    assert.match(diff, /^\+ {2}trustStore: .*cassandra-tls\/client\/truststore\.jks$/m);
    await screenshots(page, 'wizard-cassandra-4-summary');
    const kit = join(run.dir, 'cassandra-tls');
    for (const node of ['cass-01.example.internal', 'cass-03.example.internal']) {
      assert.deepEqual(
        entries(keytoolListing(join(kit, 'nodes', node, 'keystore.jks'), 'cass-pass-1')),
        [{ alias: node, type: 'PrivateKeyEntry', chain: 2 }],
      );
    }
    assert.deepEqual(
      entries(keytoolListing(join(kit, 'client', 'truststore.jks'), 'cass-pass-1')),
      [{ alias: 'root-ca', type: 'trustedCertEntry', chain: 1 }],
    );
    const caKey = readFileSync(join(kit, 'ca', 'root-ca.key.pem'));
    assert.throws(() => createPrivateKey({ key: caKey, format: 'pem', passphrase: 'cass-pass-1' }));
    assert.ok(createPrivateKey({ key: caKey, format: 'pem', passphrase: 'cass-ca-pass-2' }));
    await button('Verify').click();
    await page.locator('[data-check]').first().waitFor();
    assert.equal(await page.locator('[data-check="fail"]').count(), 0);
    await screenshots(page, 'wizard-cassandra-5-verify');
  });

  test('Outbound trust from a file: JKS written with the CA, webDAVTrustedCA pending', async () => {
    await openWizard('Outbound trust');
    await page.getByRole('combobox', { name: /RWS checks the certificate of/ }).click();
    await page.getByRole('option', { name: /^WebDAV/ }).click();
    await page
      .getByLabel(/CA certificate file/)
      .fill(join(run.dir, 'cassandra-tls', 'ca', 'root-ca.pem'));
    await screenshots(page, 'wizard-trust-1-source');
    await button('Next').click();
    await page.getByLabel('Trust file to write').fill('trust/webdav.jks');
    await page.getByLabel('Store password').fill('trust-pass-1');
    await screenshots(page, 'wizard-trust-2-file');
    await button('Write the trust file').click();
    await page.getByLabel('Config diff').waitFor();
    const diff = await diffText();
    assert.match(diff, /^\+ {2}webDAVTrustedCA: .*trust\/webdav\.jks$/m);
    assert.match(diff, /^\+ {2}webDAVJksPassword: trust-pass-1$/m);
    await screenshots(page, 'wizard-trust-3-summary');
    const listed = entries(keytoolListing(join(run.dir, 'trust', 'webdav.jks'), 'trust-pass-1'));
    assert.equal(listed.length, 1);
    assert.equal(listed[0]?.type, 'trustedCertEntry');
    await button('Verify').click();
    await page.locator('[data-check]').first().waitFor();
    assert.equal(await page.locator('[data-check="fail"]').count(), 0);
    await screenshots(page, 'wizard-trust-4-verify');
  });

  test('Secret encryption: a missing gir.jar is named; the stand-in jar gives CRYPT:, never offered for ssl.keyStorePassword', async (t) => {
    let jar: string;
    try {
      jar = buildStandInGirJar(jarDir);
    } catch (e) {
      t.skip(`cannot build the stand-in gir.jar: ${(e as Error).message}`);
      return;
    }
    await openWizard('Secret encryption');
    await page.getByLabel('Password to protect').fill('ops-secret');
    await button('Next').click();
    await page.getByLabel(/^CRYPT:/).check();
    await page.getByLabel('gir.jar of your RWS installation').fill(join(jarDir, 'missing.jar'));
    await button('Encrypt with gir.jar').click();
    await page.getByText(/No gir\.jar at .*missing\.jar/).waitFor();
    await page.getByLabel('gir.jar of your RWS installation').fill(jar);
    await button('Encrypt with gir.jar').click();
    await page.getByTestId('secret-value').waitFor();
    assert.equal(await page.getByTestId('secret-value').innerText(), standInCrypt('ops-secret'));
    await screenshots(page, 'wizard-secret-2-crypt');
    await button('Next').click();
    await page.getByRole('combobox', { name: /Apply to/ }).click();
    const offered = await page.getByRole('option').allInnerTexts();
    assert.ok(offered.some((o) => o.includes('cassandraCluster.password')));
    assert.ok(!offered.some((o) => o.includes('ssl.keyStorePassword')), offered.join('; '));
    await page.getByRole('option', { name: /cassandraCluster\.password/ }).click();
    await screenshots(page, 'wizard-secret-3-apply');
    await button('Apply to the field').click();
    await page.getByLabel('Config diff').waitFor();
    const added = (await diffText()).split('\n').filter((l) => l.startsWith('+  password:'));
    // The key was quoted in the sample, and the editor keeps its quoting.
    assert.deepEqual(added, [`+  password: "${standInCrypt('ops-secret')}"`]);
    await screenshots(page, 'wizard-secret-4-summary');
  });
});
