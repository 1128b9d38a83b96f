// The kit wizards end to end: Chromium against `rwsec serve` on a copy of the sample. Each wizard
// runs to its verify step; the files it wrote are checked with the JDK's keytool, and the config
// diff shows the values it left pending for the reviewed save.
import { keytoolListing } from '../helpers/java';
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildStandInGirJar, standInCrypt } from '../helpers/gir-jar';
import { snakeValue, snakeYamlMissing } from '../helpers/snake-yaml';
import { browserSuite, nav, screenshots, uiSkipReason } from './app-page';

const skipReason = uiSkipReason({ keytool: true }) ?? snakeYamlMissing();

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
  const app = browserSuite({ serve: true });
  before(async () => {
    jarDir = await mkdtemp(join(tmpdir(), 'rwsec-girjar-'));
    page = await app.open({ timeout: 20_000 });
  });
  after(async () => {
    if (jarDir) await rm(jarDir, { recursive: true, force: true });
  });

  test('HTTPS: SANs checked as typed, review restates the certificate, relative path kept, every SAN verified, Review and save', async () => {
    await openWizard('HTTPS for RWS');
    const sanField = page.getByLabel('Host names and addresses (SAN)');
    // The example: an address without ip: is refused on this step, not later.
    await sanField.fill('dns:rws-01.example.internal, 10.0.0.5');
    await page.getByText(/'10\.0\.0\.5' is not a SAN entry: write dns:NAME, ip:ADDRESS/).waitFor();
    assert.equal(await sanField.getAttribute('aria-invalid'), 'true');
    assert.equal(await button('Next').isDisabled(), true, 'Next waits for a valid SAN list');
    await screenshots(page, 'wizard-https-1-san-error');
    await sanField.fill('dns:rws.example.com,ip:10.0.0.5');
    assert.equal(await sanField.getAttribute('aria-invalid'), 'false');
    await screenshots(page, 'wizard-https-1-certificate');
    await button('Next').click();
    await page.getByLabel('Keystore file').fill('etc/keystore');
    // Where a relative path points, shown before anything is written.
    await page.getByText(`as RWS reads it: ${join(app.run.dir, 'etc', 'keystore')}`).waitFor();
    await page.getByLabel('HTTPS port').fill('443');
    await page.getByText(/Port 443 is below 1024/).waitFor();
    await button('Use 9443').click();
    await page.getByLabel('Store password', { exact: true }).fill('jetty-pass-1');
    await page.getByLabel('Repeat the password').fill('jetty-pass-2');
    await page.getByText('The two entries differ.').waitFor();
    assert.equal(await button('Review').isDisabled(), true);
    await page.getByLabel('Repeat the password').fill('jetty-pass-1');
    assert.match(await page.getByTestId('obf-preview').innerText(), /^OBF:/);
    await screenshots(page, 'wizard-https-2-keystore');
    await button('Review').click();
    await page.getByLabel('Files to write').waitFor();
    const recap = (label: string) => page.locator(`[data-recap="${label}"]`).innerText();
    assert.equal(await recap('Subject'), 'CN=rws.example.com');
    assert.equal(await recap('Host names (SAN)'), 'DNS:rws.example.com, IP Address:10.0.0.5');
    assert.equal(await recap('Key'), 'RSA 2048-bit');
    assert.match(await recap('Valid'), /\(825 days\)$/);
    assert.equal(await recap('Issued by'), 'itself (self-signed)');
    const folders = await page.getByTestId('new-folders').innerText();
    assert.ok(folders.includes(join(app.run.dir, 'etc')), folders);
    assert.ok(!existsSync(join(app.run.dir, 'etc')), 'the review writes nothing');
    assert.match(
      await page.getByLabel('Configuration values').innerText(),
      /^ssl\.keyStorePath: etc\/keystore$/m,
    );
    await screenshots(page, 'wizard-https-3-review');
    await button('Write the keystore').click();
    await page.getByLabel('Config diff').waitFor();
    const diff = await diffText();
    assert.match(diff, /^-enableSsl: false$/m);
    assert.match(diff, /^\+enableSsl: true$/m);
    assert.match(diff, /^\+ {2}port: 9443$/m);
    assert.match(diff, /^\+ {2}keyStorePassword: OBF:/m);
    // As typed, relative to the config's folder: not the absolute path of this copy.
    assert.match(diff, /^\+ {2}keyStorePath: etc\/keystore$/m);
    await screenshots(page, 'wizard-https-4-summary');
    const store = join(app.run.dir, 'etc', 'keystore');
    assert.deepEqual(entries(keytoolListing(store, 'jetty-pass-1')), [
      { alias: 'jetty', type: 'PrivateKeyEntry', chain: 1 },
    ]);
    await button('Verify').click();
    await page.locator('[data-check]').first().waitFor();
    const checks = await page.getByLabel('Verification').innerText();
    assert.equal(await page.locator('[data-check="fail"]').count(), 0, checks);
    for (const host of ['rws.example.com', '10.0.0.5']) {
      assert.match(
        checks,
        new RegExp(`Host name ${host.replace(/\./g, '\\.')} \\(standard rule\\)`),
        checks,
      );
    }
    await screenshots(page, 'wizard-https-5-verify');
    assert.ok(await page.getByTestId('dirty-marker').isVisible(), 'the config edits are pending');

    // The closing step saves through the same reviewed save as the top bar.
    await button('Start again').waitFor();
    await button('Review and save').click();
    await page.getByRole('button', { name: 'Save to disk' }).click();
    await page.getByTestId('dirty-marker').waitFor({ state: 'hidden' });
    const saved = snakeValue(app.run.config) as { ssl: { keyStorePath: string } };
    assert.equal(saved.ssl.keyStorePath, 'etc/keystore');
    // RWS resolves it beside the config: that file is the keystore keytool just listed.
    assert.equal(resolve(dirname(app.run.config), saved.ssl.keyStorePath), store);
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
    assert.ok(!existsSync(join(app.run.dir, 'cassandra-tls')), 'the preview writes nothing');
    await screenshots(page, 'wizard-cassandra-3-preview');
    await button('Write the kit').click();
    await page.getByLabel('Config diff').waitFor();
    const diff = await diffText();
    assert.match(diff, /^\+ {2}useSSL: true$/m);
    assert.match(diff, /^\+ {2}trustStore: .*cassandra-tls\/client\/truststore\.jks$/m);
    await screenshots(page, 'wizard-cassandra-4-summary');
    const kit = join(app.run.dir, 'cassandra-tls');
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
    const checks = await page.getByLabel('Verification').innerText();
    assert.equal(await page.locator('[data-check="fail"]').count(), 0, checks);
    // Every node, not only the first: each keystore judged for its own name.
    for (const node of ['cass-01', 'cass-02', 'cass-03']) {
      const name = `${node}.example.internal`;
      assert.ok(checks.includes(`${name}: Host name ${name} (RWS's rule)`), checks);
      assert.ok(checks.includes(`${name}: Chain against`), checks);
    }
    await screenshots(page, 'wizard-cassandra-5-verify');
  });

  test('Outbound trust from a file: JKS written with the CA, webDAVTrustedCA pending', async () => {
    await openWizard('Outbound trust');
    await page.getByRole('combobox', { name: /RWS checks the certificate of/ }).click();
    await page.getByRole('option', { name: /^WebDAV/ }).click();
    await page
      .getByLabel(/CA certificate file/)
      .fill(join(app.run.dir, 'cassandra-tls', 'ca', 'root-ca.pem'));
    await screenshots(page, 'wizard-trust-1-source');
    await button('Next').click();
    await page.getByLabel('Trust file to write').fill('trust/webdav.jks');
    await page.getByLabel('Store password').fill('trust-pass-1');
    await page.getByLabel('Repeat the password').fill('trust-pass-1');
    await screenshots(page, 'wizard-trust-2-file');
    await button('Review').click();
    // The review comes before any write: the missing folder is named while the path can change.
    const newFolders = page.getByTestId('new-folders');
    await newFolders.waitFor();
    assert.match(await newFolders.innerText(), /trust$/);
    assert.equal(existsSync(join(app.run.dir, 'trust')), false, 'the review writes nothing');
    await screenshots(page, 'wizard-trust-3-review');
    await button('Write the trust file').click();
    await page.getByLabel('Config diff').waitFor();
    const diff = await diffText();
    assert.match(diff, /^\+ {2}webDAVTrustedCA: .*trust\/webdav\.jks$/m);
    assert.match(diff, /^\+ {2}webDAVJksPassword: trust-pass-1$/m);
    await screenshots(page, 'wizard-trust-4-summary');
    const listed = entries(
      keytoolListing(join(app.run.dir, 'trust', 'webdav.jks'), 'trust-pass-1'),
    );
    assert.equal(listed.length, 1);
    assert.equal(listed[0]?.type, 'trustedCertEntry');
    await button('Verify').click();
    await page.locator('[data-check]').first().waitFor();
    assert.equal(await page.locator('[data-check="fail"]').count(), 0);
    await screenshots(page, 'wizard-trust-5-verify');
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
    await page.getByLabel('Repeat the password').fill('ops-secret');
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
