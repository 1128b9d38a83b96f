// The wizard modes app-wizards.test.ts leaves out, end to end in Chromium against `rwsec serve`:
// HTTPS by CSR and CA reply (the CSR signed here by openssl with a test CA), HTTPS from an
// existing PEM key and chain, and outbound trust from a live TLS server. Stores are checked with
// keytool; each verify step's verdict is read from the page.
import { keytoolListing } from '../helpers/java';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { afterEach, before, beforeEach, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeTestPki, type TestPki } from '../helpers/chain-pki';
import type { ServeRun } from './serve-process';
import { browserSuite, nav, screenshots, uiSkipReason } from './app-page';

const skipReason = uiSkipReason({ keytool: true, openssl: true });

let run: ServeRun;
let page: Page;
let pki: TestPki;
let work: string;

/** keytool's entries: alias, type, chain length and the SHA-256 of every certificate shown. */
function entries(listing: string) {
  return listing
    .split(/^Alias name: /m)
    .slice(1)
    .map((block) => ({
      alias: block.split('\n')[0]?.trim() ?? '',
      type: /Entry type: (\w+)/.exec(block)?.[1] ?? '',
      chain: Number(/Certificate chain length: (\d+)/.exec(block)?.[1] ?? '1'),
      sha256: [...block.matchAll(/SHA256: ([0-9A-F:]+)/g)].map((m) => m[1]),
    }));
}

function openssl(args: string[]): void {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `openssl ${args.join(' ')}: ${r.stderr}`);
}

/** The test intermediate's key and certificate on disk, as openssl's -CA/-CAkey want them. */
async function caFiles(): Promise<{ cert: string; key: string; ext: string }> {
  const cert = join(work, 'intermediate.pem');
  const key = join(work, 'intermediate.key');
  const ext = join(work, 'leaf.ext');
  await writeFile(cert, pki.intermediate.certPem);
  await writeFile(key, pki.intermediate.keyPem, { mode: 0o600 });
  await writeFile(
    ext,
    [
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth',
      'authorityKeyIdentifier = keyid',
      '',
    ].join('\n'),
  );
  return { cert, key, ext };
}

/** Signs a CSR with the test intermediate; the SANs of the request are copied. */
async function signCsr(csr: string, out: string): Promise<void> {
  const ca = await caFiles();
  openssl(
    // prettier-ignore
    ['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-set_serial', '0x5eed01',
      '-days', '60', '-sha256', '-copy_extensions', 'copy', '-extfile', ca.ext, '-out', out],
  );
}

function sha256Of(pem: string): string {
  return createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
}

const colonHex = (hex: string) => hex.toUpperCase().match(/../g)?.join(':') ?? '';

const button = (name: string) => page.getByRole('button', { name, exact: true });
const diffText = () => page.getByLabel('Config diff').innerText();

async function openWizard(tab: string): Promise<void> {
  await nav(page, 'Wizards').click();
  await page.getByRole('tab', { name: tab }).click();
}

async function setPassword(password: string): Promise<void> {
  await page.getByLabel('Store password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the password').fill(password);
}

/** The verify step's checks as [mark, text] once they are shown. */
async function verdicts(): Promise<[string, string][]> {
  await page.locator('[data-check]').first().waitFor();
  const items = page.getByRole('list', { name: 'Verification' }).locator('[data-check]');
  const out: [string, string][] = [];
  for (const item of await items.all()) {
    out.push([(await item.getAttribute('data-check')) ?? '', await item.innerText()]);
  }
  return out;
}

function hasCheck(checks: [string, string][], mark: string, text: RegExp): boolean {
  return checks.some(([m, t]) => m === mark && text.test(t));
}

/**
 * A TLS server on loopback sending `chain` (leaf first) with the good leaf's key, reached by the
 * name localhost: RWS's host-name rule ignores IP SANs, so 127.0.0.1 would (rightly) mismatch.
 */
async function tlsServer(chain: string[]): Promise<{ server: Server; endpoint: string }> {
  const server = createServer({ key: pki.good.keyPem, cert: chain.join('') }, (socket) =>
    socket.end(),
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return { server, endpoint: `localhost:${(server.address() as AddressInfo).port}` };
}

describe('kit wizard modes in the browser (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite();
  before(async () => {
    pki = await makeTestPki();
  });
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'rwsec-wizmodes-'));
    run = await app.serve();
    page = await app.open({ run, timeout: 20_000 });
  });
  afterEach(async () => {
    await page?.close();
    await run?.stop();
    await rm(work, { recursive: true, force: true });
  });

  test('HTTPS by CSR: key + CSR written, HTTPS untouched; the signed reply gives jetty a chain of 3 and ssl.* pending', async () => {
    await openWizard('HTTPS for RWS');
    await page.getByLabel('Certificate request (CSR) for your CA').check();
    await page
      .getByLabel('Host names and addresses (SAN)')
      .fill('dns:rws-csr.example.com,ip:10.0.0.7');
    await page.getByRole('combobox', { name: 'Key' }).click();
    await page.getByRole('option', { name: 'EC P-256' }).click();
    await page.getByLabel('Write the CSR to').fill('etc/rws.csr');
    await screenshots(page, 'wizard-https-csr-1-request', [[1280, 800]]);
    await button('Next').click();
    await page.getByLabel('Keystore file').fill('etc/keystore');
    await setPassword('csr-pass-1');
    await button('Review').click();
    await page.getByLabel('Files to write').waitFor();
    assert.match(await page.getByText(/HTTPS stays as it is/).innerText(), /CA reply/);
    await screenshots(page, 'wizard-https-csr-2-review', [[1280, 800]]);
    await button('Write the keystore').click();
    await page.getByLabel('Files written').waitFor();
    assert.equal(await diffText(), '(no change)', 'a CSR alone must not switch HTTPS on');
    await screenshots(page, 'wizard-https-csr-3-summary', [[1280, 800]]);

    const csr = join(run.dir, 'etc', 'rws.csr');
    const csrText = spawnSync('openssl', ['req', '-in', csr, '-noout', '-text', '-verify'], {
      encoding: 'utf8',
    });
    assert.equal(csrText.status, 0, csrText.stderr);
    assert.match(csrText.stdout, /Subject: CN ?= ?rws-csr\.example\.com/);
    assert.match(csrText.stdout, /DNS:rws-csr\.example\.com, IP Address:10\.0\.0\.7/);
    const store = join(run.dir, 'etc', 'keystore');
    assert.deepEqual(
      entries(keytoolListing(store, 'csr-pass-1')).map((e) => [e.alias, e.type, e.chain]),
      [['jetty', 'PrivateKeyEntry', 1]],
    );

    // The CA answers with its leaf and the chain above it (PEM bundle, leaf first).
    const signed = join(work, 'signed.pem');
    await signCsr(csr, signed);
    const reply = join(work, 'reply.pem');
    await writeFile(
      reply,
      (await readFile(signed, 'utf8')) + pki.intermediate.certPem + pki.root.certPem,
    );

    await button("Import the CA's reply").click();
    assert.ok(await page.getByLabel("Import your CA's reply").isChecked());
    await page.getByLabel('CA reply (signed certificate, PEM/DER/P7B)').fill(reply);
    assert.equal(
      await page.getByLabel('Host name clients connect to (optional)').inputValue(),
      'rws-csr.example.com',
    );
    await screenshots(page, 'wizard-https-csr-4-reply', [[1280, 800]]);
    await button('Next').click();
    assert.equal(await page.getByLabel('Keystore file').inputValue(), 'etc/keystore');
    await button('Review').click();
    await page.getByLabel('Configuration values').waitFor();
    await button('Write the keystore').click();
    await page.getByLabel('Config diff').waitFor();
    const diff = await diffText();
    assert.match(diff, /^\+enableSsl: true$/m);
    assert.match(diff, /^\+ {2}keyStorePath: .*etc\/keystore$/m);
    assert.match(diff, /^\+ {2}keyStorePassword: OBF:/m);
    assert.match(diff, /^\+ {2}port: 9443$/m);
    await screenshots(page, 'wizard-https-csr-5-reply-summary', [[1280, 800]]);

    const [jetty, ...others] = entries(keytoolListing(store, 'csr-pass-1'));
    assert.deepEqual(others, []);
    assert.equal(jetty?.alias, 'jetty');
    assert.equal(jetty?.type, 'PrivateKeyEntry');
    assert.equal(jetty?.chain, 3);
    assert.deepEqual(
      jetty?.sha256,
      [await readFile(signed, 'utf8'), pki.intermediate.certPem, pki.root.certPem].map((p) =>
        colonHex(sha256Of(p)),
      ),
      'keytool shows leaf, intermediate, root in order',
    );

    await button('Verify').click();
    const checks = await verdicts();
    await screenshots(page, 'wizard-https-csr-6-verify', [[1280, 800]]);
    assert.ok(hasCheck(checks, 'ok', /key \+ chain of 3/), JSON.stringify(checks));
    assert.ok(hasCheck(checks, 'ok', /private key matches the certificate CN=rws-csr/));
    assert.ok(hasCheck(checks, 'ok', /Chain against .*: trusted/));
    assert.ok(hasCheck(checks, 'ok', /Host name rws-csr\.example\.com \(standard rule\)/));
    assert.equal(checks.filter(([m]) => m === 'fail').length, 0, JSON.stringify(checks));
  });

  test('HTTPS from an existing EC key (openssl, SEC1 PEM) and chain: PKCS12 entry with a chain of 3; verify names a host mismatch', async () => {
    const key = join(work, 'rws.key');
    const csr = join(work, 'rws.csr');
    const leaf = join(work, 'rws.pem');
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', key]);
    openssl(
      // prettier-ignore
      ['req', '-new', '-key', key, '-subj', '/CN=rws-import.example.com',
        '-addext', 'subjectAltName=DNS:rws-import.example.com', '-out', csr],
    );
    await signCsr(csr, leaf);
    const chain = join(work, 'chain.pem');
    // Root first and leaf last: the wizard must put them in order.
    await writeFile(
      chain,
      pki.root.certPem + pki.intermediate.certPem + (await readFile(leaf, 'utf8')),
    );

    await openWizard('HTTPS for RWS');
    await page.getByLabel('Import an existing PEM key and certificate').check();
    await page.getByRole('textbox', { name: 'Private key (PEM)' }).fill(key);
    await page.getByRole('textbox', { name: 'Certificate chain (PEM)' }).fill(chain);
    await page.getByLabel('Host name clients connect to (optional)').fill('rws-other.example.com');
    await screenshots(page, 'wizard-https-import-1-source', [[1280, 800]]);
    await button('Next').click();
    await page.getByLabel('Keystore file').fill('etc/rws.p12');
    await page.getByRole('combobox', { name: 'Type (new store)' }).click();
    await page.getByRole('option', { name: 'PKCS12' }).click();
    await setPassword('import-pass-1');
    await button('Review').click();
    await page.getByLabel('Files to write').waitFor();
    await button('Write the keystore').click();
    await page.getByLabel('Config diff').waitFor();
    assert.match(await diffText(), /^\+ {2}keyStorePath: .*etc\/rws\.p12$/m);
    await screenshots(page, 'wizard-https-import-2-summary', [[1280, 800]]);

    const listing = keytoolListing(join(run.dir, 'etc', 'rws.p12'), 'import-pass-1');
    assert.match(listing, /Keystore type: PKCS12/);
    const listed = entries(listing);
    assert.deepEqual(
      listed.map((e) => [e.alias, e.type, e.chain]),
      [['jetty', 'PrivateKeyEntry', 3]],
    );
    assert.equal(listed[0]?.sha256[0], colonHex(sha256Of(await readFile(leaf, 'utf8'))));

    await button('Verify').click();
    const checks = await verdicts();
    await screenshots(page, 'wizard-https-import-3-verify', [[1280, 800]]);
    assert.ok(hasCheck(checks, 'ok', /private key matches the certificate CN=rws-import/));
    assert.ok(hasCheck(checks, 'ok', /Chain against .*: trusted/), JSON.stringify(checks));
    // The host typed on the first step is the one checked, and it is not in the certificate.
    // Browsers and API clients connect to RWS's HTTPS: the standard rule judges the name.
    assert.ok(
      hasCheck(checks, 'fail', /Host name rws-other\.example\.com \(standard rule\)/),
      JSON.stringify(checks),
    );
    assert.equal(checks.filter(([m]) => m === 'fail').length, 1, 'only the host-name line');
  });

  test('Outbound trust from a live server: served chain shown, missing root warned; full chain gives a JKS with exactly the root; verify probes trusted', async () => {
    const partial = await tlsServer([pki.good.certPem, pki.intermediate.certPem]);
    const full = await tlsServer([pki.good.certPem, pki.intermediate.certPem, pki.root.certPem]);
    try {
      await openWizard('Outbound trust');
      await page.getByRole('combobox', { name: /RWS checks the certificate of/ }).click();
      await page.getByRole('option', { name: /^Recording Crypto Server/ }).click();
      await page.getByLabel('From a live server').check();
      await page.getByLabel('HOST:PORT').fill(partial.endpoint);
      await button('Fetch its chain').click();
      const chain = page.getByRole('list', { name: 'Served chain' });
      await chain.waitFor();
      const partialItems = await chain.getByRole('listitem').allInnerTexts();
      assert.equal(partialItems.length, 2);
      assert.match(partialItems[0] ?? '', /^CN=localhost.*issued by CN=Test Intermediate CA/);
      assert.match(partialItems[1] ?? '', /^CN=Test Intermediate CA.*\(CA\)$/);
      await page.getByText('The server does not send its root CA').waitFor();
      assert.ok(await button('Next').isEnabled(), 'the top certificate may still be trusted');
      await screenshots(page, 'wizard-trust-probe-1-no-root', [[1280, 800]]);

      await page.getByLabel('HOST:PORT').fill(full.endpoint);
      assert.equal(await chain.count(), 0, 'a new endpoint clears the chain shown');
      await button('Fetch its chain').click();
      await chain.waitFor();
      const fullItems = await chain.getByRole('listitem').allInnerTexts();
      assert.equal(fullItems.length, 3);
      assert.match(fullItems[2] ?? '', /^CN=Test Root CA.*\(root: will be trusted\)$/);
      assert.equal(await page.getByText('The server does not send its root CA').count(), 0);
      await screenshots(page, 'wizard-trust-probe-2-full-chain', [[1280, 800]]);

      await button('Next').click();
      await page.getByLabel('Trust file to write').fill('trust/rcs.jks');
      await page.getByLabel('Store password').fill('rcs-pass-1');
      await page.getByLabel('Repeat the password').fill('rcs-pass-1');
      await button('Review').click();
      await button('Write the trust file').click();
      await page.getByLabel('Config diff').waitFor();
      const diff = await diffText();
      assert.match(diff, /^\+ {2}rcsTrustedCA: .*trust\/rcs\.jks$/m);
      assert.match(diff, /^\+ {2}rcsJksPassword: rcs-pass-1$/m);
      await screenshots(page, 'wizard-trust-probe-3-summary', [[1280, 800]]);
      const listed = entries(keytoolListing(join(run.dir, 'trust', 'rcs.jks'), 'rcs-pass-1'));
      assert.deepEqual(
        listed.map((e) => [e.type, e.sha256]),
        [['trustedCertEntry', [colonHex(sha256Of(pki.root.certPem))]]],
        'exactly the root, not the leaf or the intermediate',
      );

      await button('Verify').click();
      const checks = await verdicts();
      await screenshots(page, 'wizard-trust-probe-4-verify', [[1280, 800]]);
      assert.ok(hasCheck(checks, 'ok', /answered over TLSv1\.[23] and sent 3 certificate/));
      assert.ok(
        hasCheck(checks, 'ok', /With .*rcs\.jks.*: trusted: chain ends at CN=Test Root CA/),
        JSON.stringify(checks),
      );
      assert.ok(hasCheck(checks, 'ok', /Host name \(RWS's rule\)/), JSON.stringify(checks));
      assert.equal(checks.filter(([m]) => m === 'fail').length, 0);
    } finally {
      partial.server.close();
      full.server.close();
    }
  });
});
