import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { makeCertFiles, pure, tempDir, validateIn, type CertFiles } from './rules-support';

const tmp = tempDir('trust');
let certs: CertFiles | undefined;
before(() => {
  certs = makeCertFiles(tmp.dir);
});
after(() => tmp.cleanup());

test('*TrustedCA false warns (validation off); true and absent do not', () => {
  const found = pure('serverSettings:\n  webDAVTrustedCA: off\n  rcsTrustedCA: true\n');
  assert.deepEqual(
    found.map((d) => [d.rule, d.severity, d.path]),
    [['trust-ca-disabled', 'warning', 'serverSettings.webDAVTrustedCA']],
  );
  assert.deepEqual(pure('serverSettings:\n  rcsTrustedCA: "TRUE"\n'), []);
});

test('a *TrustedCA path that does not exist is an error (RWS exits at startup)', async () => {
  const found = await validateIn(tmp.dir, 'serverSettings:\n  rcsTrustedCA: certs/rcs-ca.pem\n');
  assert.deepEqual(
    found.map((d) => [d.rule, d.severity, d.path, d.line]),
    [['trust-ca-not-found', 'error', 'serverSettings.rcsTrustedCA', 2]],
  );
  assert.match(found[0]?.message ?? '', /exits during initialization/);
});

test('a folder is not a trust file', async () => {
  mkdirSync(join(tmp.dir, 'somedir'), { recursive: true });
  const found = await validateIn(tmp.dir, 'serverSettings:\n  webDAVTrustedCA: somedir\n');
  assert.deepEqual(
    found.map((d) => d.rule),
    ['trust-ca-not-found'],
  );
});

test('a PEM CA file needs no password', async (t) => {
  if (!certs) return t.skip('openssl or keytool not installed');
  const found = await validateIn(tmp.dir, 'serverSettings:\n  speechMinerTrustedCA: ca.pem\n');
  assert.deepEqual(found, []);
});

test('a JKS trust file (by content, even named .pem) without its password is an error', async (t) => {
  if (!certs) return t.skip('openssl or keytool not installed');
  const found = await validateIn(tmp.dir, `serverSettings:\n  webDAVTrustedCA: ${certs.jks}\n`);
  assert.deepEqual(
    found.map((d) => [d.rule, d.severity, d.path]),
    [['trust-store-password-missing', 'error', 'serverSettings.webDAVJksPassword']],
  );
  const ok = await validateIn(
    tmp.dir,
    `serverSettings:\n  webDAVTrustedCA: trust.jks\n  webDAVJksPassword: CRYPT:abc\n`,
  );
  // A CRYPT: password cannot be checked here: an info finding only.
  assert.deepEqual(
    ok.filter((d) => d.severity !== 'info'),
    [],
  );
});

test('caCertificate JKS needs jksPassword; PKCS12 too, with a format warning', async (t) => {
  if (!certs) return t.skip('openssl or keytool not installed');
  const jks = await validateIn(tmp.dir, 'serverSettings:\n  caCertificate: trust.jks\n');
  assert.deepEqual(
    jks.map((d) => [d.rule, d.path]),
    [['trust-store-password-missing', 'serverSettings.jksPassword']],
  );
  const p12 = await validateIn(
    tmp.dir,
    'serverSettings:\n  caCertificate: trust.p12\n  jksPassword: CRYPT:x\n',
  );
  assert.deepEqual(
    p12.filter((d) => d.severity !== 'info').map((d) => [d.rule, d.severity]),
    [['trust-format-unsupported', 'warning']],
  );
});

test('a DER certificate or a bare private key is not a documented trust file', async (t) => {
  if (!certs) return t.skip('openssl or keytool not installed');
  const der = await validateIn(tmp.dir, 'serverSettings:\n  rcsTrustedCA: ca.der\n');
  assert.deepEqual(
    der.map((d) => d.rule),
    ['trust-format-unsupported'],
  );
  const key = await validateIn(tmp.dir, 'serverSettings:\n  rcsTrustedCA: key.pem\n');
  assert.deepEqual(
    key.map((d) => d.rule),
    ['trust-format-unsupported'],
  );
  assert.match(key[0]?.message ?? '', /PRIVATE KEY/);
});

test('caCertificate missing: error when tlsEnabled, warning otherwise', async () => {
  const yaml = (tls: boolean) =>
    `onPremiseSettings:\n  tlsEnabled: ${tls}\nserverSettings:\n  caCertificate: /nonexistent/ca.jks\n`;
  const on = await validateIn(tmp.dir, yaml(true));
  assert.deepEqual(
    on.map((d) => [d.rule, d.severity]),
    [['ca-certificate-not-found', 'error']],
  );
  const off = await validateIn(tmp.dir, yaml(false));
  assert.deepEqual(
    off.map((d) => [d.rule, d.severity]),
    [['ca-certificate-not-found', 'warning']],
  );
});

test('caCertificate present as PEM: no findings', async (t) => {
  if (!certs) return t.skip('openssl or keytool not installed');
  const found = await validateIn(
    tmp.dir,
    'onPremiseSettings:\n  tlsEnabled: true\nserverSettings:\n  caCertificate: ca.pem\n',
  );
  assert.deepEqual(found, []);
});
