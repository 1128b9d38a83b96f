import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { KeyEntry } from '../../electron/services/keystore/model';
import { tempDir, validateIn } from './rules-support';
import {
  asTrusted,
  DAY,
  run,
  selfSignedEntry,
  toolsMissing,
  writeStore,
} from './rules-keystore-files-support';

const tmp = tempDir('ks-trust');
after(() => tmp.cleanup());

/** The rules of this module only (existence and format rules are tested elsewhere). */
const CONTENT =
  /^(trust-store-(wrong-password|unreadable|unchecked|empty|invisible-to-java)|trust-certificate-expired|ca-certificate-(several|not-ca))$/;

async function findings(yaml: string) {
  return (await validateIn(tmp.dir, yaml)).filter((d) => CONTENT.test(d.rule));
}
const rules = (list: { rule: string; severity: string }[]) => list.map((d) => [d.rule, d.severity]);
const pem = (...entries: KeyEntry[]) => entries.map((e) => e.chain[0]!.toString()).join('');

let ca: KeyEntry;
let otherCa: KeyEntry;
let server: KeyEntry;
before(async () => {
  ca = await selfSignedEntry({ ca: true, alias: 'root', dname: 'CN=Genesys Test Root CA' });
  otherCa = await selfSignedEntry({ ca: true, alias: 'other', dname: 'CN=Another Root CA' });
  server = await selfSignedEntry({ alias: 'server', dns: ['cfg.example.com'] });
  writeFileSync(join(tmp.dir, 'ca.pem'), pem(ca));
  writeFileSync(join(tmp.dir, 'two-cas.pem'), pem(ca, otherCa));
  writeFileSync(join(tmp.dir, 'server.pem'), pem(server));
  writeStore(tmp.dir, 'ca.jks', [asTrusted(ca)], 'JKS', 'secret');
  writeStore(tmp.dir, 'ca.p12', [asTrusted(ca)], 'PKCS12', 'secret');
  writeStore(tmp.dir, 'empty.jks', [], 'JKS', 'secret');
});

test('caCertificate with exactly one CA (PEM or JKS with its password): no findings', async () => {
  assert.deepEqual(await findings('serverSettings:\n  caCertificate: ca.pem\n'), []);
  assert.deepEqual(
    await findings('serverSettings:\n  caCertificate: ca.jks\n  jksPassword: secret\n'),
    [],
  );
});

test('caCertificate with several certificates: warning that which one RWS uses is UNKNOWN', async () => {
  const found = await findings('serverSettings:\n  caCertificate: two-cas.pem\n');
  assert.deepEqual(rules(found), [['ca-certificate-several', 'warning']]);
  assert.match(found[0]?.message ?? '', /Genesys Test Root CA.*Another Root CA.*UNKNOWN/);
  // The other trust options may hold several CAs.
  assert.deepEqual(await findings('serverSettings:\n  rcsTrustedCA: two-cas.pem\n'), []);
});

test('caCertificate holding a certificate without the CA flag: warning', async () => {
  const found = await findings('serverSettings:\n  caCertificate: server.pem\n');
  assert.deepEqual(rules(found), [['ca-certificate-not-ca', 'warning']]);
  assert.match(found[0]?.message ?? '', /server's own certificate/);
});

test('a wrong jksPassword / *JksPassword / truststorePassword is an error naming the file', async () => {
  const file = join(tmp.dir, 'ca.jks');
  const ca1 = await findings('serverSettings:\n  caCertificate: ca.jks\n  jksPassword: nope\n');
  assert.deepEqual(rules(ca1), [['trust-store-wrong-password', 'error']]);
  assert.equal(ca1[0]?.path, 'serverSettings.jksPassword');
  assert.ok(ca1[0]?.message.includes(file), ca1[0]?.message);
  const webdav = await findings(
    'serverSettings:\n  webDAVTrustedCA: ca.p12\n  webDAVJksPassword: nope\n',
  );
  assert.deepEqual(rules(webdav), [['trust-store-wrong-password', 'error']]);
  const cassandra = await findings(
    'cassandraCluster:\n  useSSL: true\n  trustStore: ca.jks\n  truststorePassword: nope\n',
  );
  assert.deepEqual(rules(cassandra), [['trust-store-wrong-password', 'error']]);
  assert.equal(cassandra[0]?.path, 'cassandraCluster.truststorePassword');
  const right = await findings(
    'cassandraCluster:\n  useSSL: true\n  trustStore: ca.p12\n  truststorePassword: secret\n',
  );
  assert.deepEqual(right, []);
  // Without useSSL the truststore is not used: nothing to judge.
  assert.deepEqual(
    await findings(
      'cassandraCluster:\n  useSSL: false\n  trustStore: ca.jks\n  truststorePassword: nope\n',
    ),
    [],
  );
});

test('a CRYPT: password is never guessed: JKS certificates still checked, PKCS12 unchecked (info)', async () => {
  const jks = await findings(
    'serverSettings:\n  rcsTrustedCA: empty.jks\n  rcsJksPassword: CRYPT:abc\n',
  );
  assert.deepEqual(rules(jks), [
    ['trust-store-empty', 'error'],
    ['trust-store-unchecked', 'info'],
  ]);
  const p12 = await findings(
    'serverSettings:\n  rcsTrustedCA: ca.p12\n  rcsJksPassword: CRYPT:abc\n',
  );
  assert.deepEqual(rules(p12), [['trust-store-unchecked', 'info']]);
  assert.match(p12[0]?.message ?? '', /could not be checked/);
});

test('a trust store without any certificate: error', async () => {
  const found = await findings(
    'serverSettings:\n  speechMinerTrustedCA: empty.jks\n  speechMinerJksPassword: secret\n',
  );
  assert.deepEqual(rules(found), [['trust-store-empty', 'error']]);
});

test('an expired trusted certificate: warning; a valid one: none', async () => {
  const old = await selfSignedEntry({
    ca: true,
    alias: 'old-root',
    dname: 'CN=Expired Root',
    now: new Date(Date.now() - 400 * DAY),
    days: 100,
  });
  writeStore(tmp.dir, 'mixed.jks', [asTrusted(old), asTrusted(ca)], 'JKS', 'secret');
  const found = await findings(
    'serverSettings:\n  webDAVTrustedCA: mixed.jks\n  webDAVJksPassword: secret\n',
  );
  assert.deepEqual(rules(found), [['trust-certificate-expired', 'warning']]);
  assert.match(found[0]?.message ?? '', /"old-root" \(CN=Expired Root\) expired on/);
});

test('a PKCS12 from openssl -nokeys is invisible to Java: error; ours (Java-trusted) is fine', async (t) => {
  const missing = toolsMissing();
  if (missing) return t.skip(missing);
  run(
    'openssl',
    ['pkcs12', '-export', '-nokeys', '-in', 'ca.pem', '-out', 't.p12', '-passout', 'pass:x'],
    tmp.dir,
  );
  const found = await findings(
    'serverSettings:\n  webDAVTrustedCA: t.p12\n  webDAVJksPassword: x\n',
  );
  assert.deepEqual(rules(found), [['trust-store-invisible-to-java', 'error']]);
  assert.match(found[0]?.message ?? '', /trustAnchors parameter must be non-empty/);
  assert.match(found[0]?.fix ?? '', /rwsec kit trust/);
  assert.deepEqual(
    await findings('serverSettings:\n  webDAVTrustedCA: ca.p12\n  webDAVJksPassword: secret\n'),
    [],
  );
});

test('a keytool JKS truststore opens with its password', async (t) => {
  const missing = toolsMissing();
  if (missing) return t.skip(missing);
  run(
    'keytool',
    ['-importcert', '-noprompt', '-alias', 'ca', '-file', 'ca.pem', '-keystore', 'kt.jks'].concat([
      '-storetype',
      'JKS',
      '-storepass',
      'changeit',
    ]),
    tmp.dir,
  );
  assert.deepEqual(
    await findings('serverSettings:\n  caCertificate: kt.jks\n  jksPassword: changeit\n'),
    [],
  );
  assert.deepEqual(
    rules(await findings('serverSettings:\n  caCertificate: kt.jks\n  jksPassword: change-it\n')),
    [['trust-store-wrong-password', 'error']],
  );
});

test('missing or wrong-format trust files are left to the existence and format rules', async () => {
  writeFileSync(
    join(tmp.dir, 'key-only.pem'),
    server.privateKey.export({ type: 'pkcs8', format: 'pem' }),
  );
  assert.deepEqual(
    await findings(
      'serverSettings:\n  caCertificate: nowhere.jks\n  jksPassword: x\n  rcsTrustedCA: key-only.pem\n',
    ),
    [],
  );
  assert.deepEqual(
    await findings(
      'cassandraCluster:\n  useSSL: true\n  trustStore: ca.pem\n  truststorePassword: x\n',
    ),
    [],
  );
});
