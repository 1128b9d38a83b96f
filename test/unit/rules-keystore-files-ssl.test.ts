import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { importKeyPair } from '../../electron/services/keystore/operations';
import { parsePrivateKeyPem } from '../../electron/services/keystore/private-key-pem';
import { obfuscate } from '../../shared/secrets/obf';
import { sampleStore } from '../helpers/keystore-fixtures';
import { tempDir, validateIn } from './rules-support';
import {
  DAY,
  run,
  selfSignedEntry,
  toolsMissing,
  writeStore,
} from './rules-keystore-files-support';
import { X509Certificate } from 'node:crypto';

const tmp = tempDir('ks-ssl');
after(() => tmp.cleanup());

/** The rules of this module only (the pure rules judge the password's form, for instance). */
const CONTENT =
  /^ssl-(keystore-(wrong-password|unreadable|unchecked|no-key|several-keys)|certificate-)/;

async function sslFindings(store: string, password: string) {
  const found = await validateIn(
    tmp.dir,
    `enableSsl: true\nssl:\n  port: 9443\n  keyStorePath: ${store}\n  keyStorePassword: "${password}"\n`,
  );
  return found.filter((d) => CONTENT.test(d.rule));
}

const rules = (list: { rule: string; severity: string }[]) => list.map((d) => [d.rule, d.severity]);

let good: string;
before(async () => {
  const entry = await selfSignedEntry({ dns: ['rws.example.com'] });
  good = writeStore(tmp.dir, 'good.p12', [entry], 'PKCS12', 'storepwd');
});

test('a keystore with one valid key entry opens with its plain or OBF: password: no findings', async () => {
  assert.deepEqual(await sslFindings('good.p12', 'storepwd'), []);
  assert.deepEqual(await sslFindings(good, obfuscate('storepwd')), []);
});

test('a wrong keyStorePassword is an error naming the file, at the password', async () => {
  const found = await sslFindings('good.p12', obfuscate('changeit'));
  assert.deepEqual(rules(found), [['ssl-keystore-wrong-password', 'error']]);
  assert.equal(found[0]?.path, 'ssl.keyStorePassword');
  assert.ok(found[0]?.message.includes(good), found[0]?.message);
});

test('a one-way MD5:/CRYPT: keyStorePassword is left to the secrets rule (no guessing)', async () => {
  assert.deepEqual(await sslFindings('good.p12', 'CRYPT:abc'), []);
  assert.deepEqual(await sslFindings('good.p12', 'MD5:0123'), []);
});

test('a keystore with trusted certificates only has no key for Jetty: error', async () => {
  const ca = await selfSignedEntry({ ca: true, dname: 'CN=Only A CA' });
  writeStore(
    tmp.dir,
    'trust-only.jks',
    [{ ...ca, kind: 'trusted', chain: [ca.chain[0]!] }],
    'JKS',
    'pw',
  );
  const found = await sslFindings('trust-only.jks', 'pw');
  assert.deepEqual(rules(found), [['ssl-keystore-no-key', 'error']]);
  assert.match(found[0]?.message ?? '', /no private-key entry/);
});

test('several key entries: info that Jetty picks the first unless certAlias is set', async () => {
  const { store } = await sampleStore();
  writeStore(tmp.dir, 'two-keys.jks', store.entries, 'JKS', 'pw');
  const found = await sslFindings('two-keys.jks', 'pw');
  assert.deepEqual(rules(found), [['ssl-keystore-several-keys', 'info']]);
  assert.match(found[0]?.message ?? '', /rsa-server, ec-server.*certAlias/);
});

test('an expired server certificate is an error; one expiring within 30 days a warning', async () => {
  const expired = await selfSignedEntry({
    dns: ['rws.example.com'],
    now: new Date(Date.now() - 400 * DAY),
    days: 30,
  });
  writeStore(tmp.dir, 'expired.p12', [expired], 'PKCS12', 'pw');
  assert.deepEqual(rules(await sslFindings('expired.p12', 'pw')), [
    ['ssl-certificate-expired', 'error'],
  ]);
  const soon = await selfSignedEntry({
    dns: ['rws.example.com'],
    now: new Date(Date.now() - 10 * DAY),
    days: 20,
  });
  writeStore(tmp.dir, 'soon.p12', [soon], 'PKCS12', 'pw');
  const found = await sslFindings('soon.p12', 'pw');
  assert.deepEqual(rules(found), [['ssl-certificate-expiring', 'warning']]);
  assert.match(found[0]?.message ?? '', /in 9 days/);
  const fine = await selfSignedEntry({ dns: ['rws.example.com'], days: 31 });
  writeStore(tmp.dir, 'fine.p12', [fine], 'PKCS12', 'pw');
  assert.deepEqual(await sslFindings('fine.p12', 'pw'), []);
});

test('a server certificate without SAN: warning (clients ignore the CN)', async () => {
  const bare = await selfSignedEntry({});
  writeStore(tmp.dir, 'no-san.jks', [bare], 'JKS', 'pw');
  const found = await sslFindings('no-san.jks', 'pw');
  assert.deepEqual(rules(found), [['ssl-certificate-no-san', 'warning']]);
  assert.match(found[0]?.message ?? '', /ignore the CN/);
});

test('an RSA-1024 / SHA-1 certificate (the guide’s old example) is weak: warning', async (t) => {
  const missing = toolsMissing();
  if (missing) return t.skip(missing);
  run(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:1024',
      '-sha1',
      '-nodes',
      '-subj',
      '/CN=old.example.com',
    ].concat(
      ['-addext', 'subjectAltName=DNS:old.example.com', '-days', '365'],
      ['-keyout', 'old-key.pem', '-out', 'old.pem'],
    ),
    tmp.dir,
  );
  const key = parsePrivateKeyPem(readFileSync(join(tmp.dir, 'old-key.pem'), 'utf8'));
  const cert = new X509Certificate(readFileSync(join(tmp.dir, 'old.pem')));
  const { store } = importKeyPair({ type: 'JKS', entries: [] }, 'jetty', key, [cert]);
  writeStore(tmp.dir, 'old.jks', store.entries, 'JKS', 'pw');
  const found = await sslFindings('old.jks', 'pw');
  assert.deepEqual(rules(found), [['ssl-certificate-weak', 'warning']]);
  assert.match(found[0]?.message ?? '', /1024-bit RSA key.*SHA1withRSA signature.*1024-bit/);
});

test('a keytool JKS with an RSA-2048 key and SAN: no findings; its wrong password: error', async (t) => {
  const missing = toolsMissing();
  if (missing) return t.skip(missing);
  run(
    'keytool',
    [
      '-genkeypair',
      '-alias',
      'jetty',
      '-keyalg',
      'RSA',
      '-keysize',
      '2048',
      '-validity',
      '365',
    ].concat(
      ['-dname', 'CN=rws.example.com', '-ext', 'san=dns:rws.example.com'],
      [
        '-keystore',
        'keytool.jks',
        '-storetype',
        'JKS',
        '-storepass',
        'changeit',
        '-keypass',
        'changeit',
      ],
    ),
    tmp.dir,
  );
  assert.deepEqual(await sslFindings('keytool.jks', obfuscate('changeit')), []);
  assert.deepEqual(rules(await sslFindings('keytool.jks', 'storepwd')), [
    ['ssl-keystore-wrong-password', 'error'],
  ]);
});

test('a truncated keystore is an error; nothing is judged while HTTPS is off', async () => {
  const bytes = readFileSync(good);
  writeFileSync(join(tmp.dir, 'cut.p12'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  const found = await sslFindings('cut.p12', 'storepwd');
  assert.deepEqual(rules(found), [['ssl-keystore-unreadable', 'error']]);
  const off = await validateIn(
    tmp.dir,
    'enableSsl: false\nssl:\n  keyStorePath: cut.p12\n  keyStorePassword: storepwd\n',
  );
  assert.deepEqual(
    off.filter((d) => CONTENT.test(d.rule)),
    [],
  );
});
