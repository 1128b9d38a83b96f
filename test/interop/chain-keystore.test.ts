// `rwsec chain` on stores made by keytool (PKCS12 and JKS), the guide's weak 1024-bit procedure,
// and the JDK cacerts as a trust source.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../../electron/cli/main';
import { jdkCacertsPath, loadJdkCacerts } from '../../electron/services/chain/trust-source';
import type { ChainReport } from '../../shared/tls/verdicts';
import { makeTestPki, type TestPki } from '../helpers/chain-pki';

const hasKeytool = !spawnSync('keytool', ['-help']).error;
let dir: string;
let pki: TestPki;

function keytool(...args: string[]): void {
  const result = spawnSync('keytool', args, { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr + result.stdout);
}

async function rwsec(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-chain-ks-'));
  pki = await makeTestPki();
  if (!hasKeytool) return;
  const p12 = join(dir, 'keystore.p12');
  keytool(
    '-genkeypair',
    '-alias',
    'Jetty',
    '-keyalg',
    'RSA',
    '-keysize',
    '2048',
    '-dname',
    'CN=rws-01.example.com',
    '-ext',
    'SAN=dns:rws-01.example.com,ip:127.0.0.1',
    '-validity',
    '365',
    '-keystore',
    p12,
    '-storetype',
    'PKCS12',
    '-storepass',
    'storepwd',
  );
  keytool(
    '-exportcert',
    '-rfc',
    '-alias',
    'jetty',
    '-file',
    join(dir, 'jetty.pem'),
    '-keystore',
    p12,
    '-storepass',
    'storepwd',
  );
  keytool(
    '-genkeypair',
    '-alias',
    'cassandra',
    '-keyalg',
    'RSA',
    '-keysize',
    '1024',
    '-dname',
    'CN=cass-01',
    '-validity',
    '365',
    '-keystore',
    join(dir, 'server.jks'),
    '-storetype',
    'JKS',
    '-storepass',
    'password',
    '-keypass',
    'password',
  );
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('a PKCS12 keystore alias (typed in any case), trusted through its exported certificate', async (t) => {
  if (!hasKeytool) return t.skip('keytool is not installed');
  const env = { RWSEC_STOREPASS: 'storepwd' };
  const result = await rwsec(
    env,
    'chain',
    join(dir, 'keystore.p12'),
    '--alias',
    'JETTY',
    '--trust',
    join(dir, 'jetty.pem'),
    '--host',
    'rws-01.example.com',
    '--json',
  );
  assert.equal(result.code, 0, result.out + result.err);
  const report = JSON.parse(result.out) as ChainReport & { alias: string };
  assert.equal(report.alias, 'jetty');
  assert.equal(report.verdict.reason, 'trusted');
  assert.equal(report.certificates[0]?.keyAlgorithm, 'RSA');
  assert.equal(report.certificates[0]?.keySize, 2048);
  assert.equal(report.hostname?.rfc6125.status, 'match');
  assert.equal(report.hostname?.rws.status, 'match');
});

test('wrong or missing store password: exit 2, the file named, the password never echoed', async (t) => {
  if (!hasKeytool) return t.skip('keytool is not installed');
  const wrong = await rwsec(
    {},
    'chain',
    join(dir, 'keystore.p12'),
    '--storepass',
    'wrong-secret-42',
    '--trust-system',
  );
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /keystore\.p12/);
  assert.doesNotMatch(wrong.err + wrong.out, /wrong-secret-42/);
  const missing = await rwsec({}, 'chain', join(dir, 'keystore.p12'), '--trust-system');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /RWSEC_STOREPASS|storepass/);
});

test("the guide's 1024-bit Cassandra key is flagged weak (a warning: Java 17 still accepts it)", async (t) => {
  if (!hasKeytool) return t.skip('keytool is not installed');
  const jks = join(dir, 'server.jks');
  const result = await rwsec(
    { PW: 'password' },
    'chain',
    jks,
    '--storepass-env',
    'PW',
    '--trust',
    jks,
    '--trust-password-env',
    'PW',
  );
  assert.equal(result.code, 0, result.out + result.err);
  assert.match(result.out, /! warn {2}RSA 1024-bit key is weak/);
  assert.match(result.out, /trust anchor found in .*server\.jks \(alias cassandra\)/);
});

test('JDK cacerts as the trust source: loads, and does not trust a private CA', async (t) => {
  if (!jdkCacertsPath({})) return t.skip('no JDK cacerts on this machine');
  const cacerts = loadJdkCacerts({});
  assert.ok(cacerts.anchors.length > 50, `only ${cacerts.anchors.length} anchors`);
  const file = join(dir, 'chain.pem');
  writeFileSync(file, pki.good.certPem + pki.intermediate.certPem);
  const result = await rwsec({}, 'chain', file, '--trust-jdk', '--json');
  assert.equal(result.code, 1);
  const report = JSON.parse(result.out) as ChainReport;
  assert.deepEqual(report.trustSources, ['JDK cacerts']);
  assert.equal(report.verdict.reason, 'unknown-ca');
});

test('text output: one block per certificate, verdict lines with markers and words, both host rules', async () => {
  const file = join(dir, 'cn-only.pem');
  writeFileSync(file, pki.cnOnlyMatch.certPem + pki.intermediate.certPem);
  const root = join(dir, 'root.pem');
  writeFileSync(root, pki.root.certPem);
  const result = await rwsec({}, 'chain', file, '--trust', root, '--host', 'localhost');
  assert.equal(result.code, 1);
  assert.match(result.out, /\[0\] leaf: CN=localhost/);
  assert.match(result.out, /\[1\] intermediate: CN=Test Intermediate CA/);
  assert.match(result.out, /\[2\] root: CN=Test Root CA.*\(from .*root\.pem\)/);
  assert.match(result.out, /✗ FAIL {2}RFC 6125: /);
  assert.match(result.out, /✓ ok {4}RWS rule: {2}Subject CN localhost equals the host/);
  assert.match(result.out, /NOT TRUSTED \(name-mismatch\)/);
  const rws = await rwsec(
    {},
    'chain',
    file,
    '--trust',
    root,
    '--host',
    'localhost',
    '--rule',
    'rws',
  );
  assert.equal(rws.code, 0);
  const bad = await rwsec({}, 'chain', join(dir, 'nope.pem'), '--trust', root);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /nope\.pem does not exist/);
});

test('a P7B bundle made by openssl (PEM and DER) is read as a chain and as a trust file', async (t) => {
  if (spawnSync('openssl', ['version']).error) return t.skip('openssl is not installed');
  const leaf = join(dir, 'p7-leaf.pem');
  const inter = join(dir, 'p7-inter.pem');
  const root = join(dir, 'p7-root.pem');
  writeFileSync(leaf, pki.good.certPem);
  writeFileSync(inter, pki.intermediate.certPem);
  writeFileSync(root, pki.root.certPem);
  for (const form of ['PEM', 'DER']) {
    const p7b = join(dir, `chain-${form}.p7b`);
    const made = spawnSync('openssl', [
      'crl2pkcs7',
      '-nocrl',
      '-certfile',
      leaf,
      '-certfile',
      inter,
      '-outform',
      form,
      '-out',
      p7b,
    ]);
    assert.equal(made.status, 0, made.stderr.toString());
    const trustP7b = join(dir, `root-${form}.p7b`);
    spawnSync('openssl', [
      'crl2pkcs7',
      '-nocrl',
      '-certfile',
      root,
      '-outform',
      form,
      '-out',
      trustP7b,
    ]);
    const result = await rwsec(
      {},
      'chain',
      p7b,
      '--trust',
      trustP7b,
      '--host',
      'localhost',
      '--json',
    );
    assert.equal(result.code, 0, result.out + result.err);
    const report = JSON.parse(result.out) as ChainReport;
    assert.equal(report.certificates.length, 3, form);
    assert.equal(report.anchor?.store, trustP7b);
  }
});
