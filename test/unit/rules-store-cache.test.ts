// Validation runs on every keystroke: an unchanged store must not be read and decrypted again,
// a changed one must be, and a different password must not find the other password's result.
import assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { StoreCache, type StoreFileReader } from '../../electron/services/validate/store-cache';
import { validateConfig } from '../../electron/services/validate/validate-config';
import { RwsDocument } from '../../shared/yaml/document';
import { asTrusted, selfSignedEntry, writeStore } from './rules-keystore-files-support';
import { tempDir } from './rules-support';

const tmp = tempDir('store-cache');
after(() => tmp.cleanup());

function countingReader(): StoreFileReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    stat: (path) => stat(path),
    async readFile(path) {
      reads.push(path);
      return readFile(path);
    },
  };
}

const CONFIG = [
  'enableSsl: true',
  'ssl:',
  '  keyStorePath: server.p12',
  '  keyStorePassword: secret',
  'serverSettings:',
  '  caCertificate: ca.jks',
  '  jksPassword: secret',
  '  webDAVTrustedCA: ca.jks',
  '  webDAVJksPassword: secret',
  '  rcsTrustedCA: ca.p12',
  '  rcsJksPassword: secret',
  '',
].join('\n');

let server: string;
let caJks: string;
let caP12: string;
before(async () => {
  const ca = await selfSignedEntry({ ca: true, alias: 'root', dname: 'CN=Cache Test Root' });
  const key = await selfSignedEntry({ alias: 'jetty', dns: ['rws.example.com'] });
  server = writeStore(tmp.dir, 'server.p12', [key], 'PKCS12', 'secret');
  caJks = writeStore(tmp.dir, 'ca.jks', [asTrusted(ca)], 'JKS', 'secret');
  caP12 = writeStore(tmp.dir, 'ca.p12', [asTrusted(ca)], 'PKCS12', 'secret');
});

async function validate(stores: StoreCache, yaml = CONFIG) {
  const file = join(tmp.dir, 'application.yaml');
  writeFileSync(file, yaml);
  return validateConfig(RwsDocument.parse(yaml), file, { stores });
}

const storeRules = (list: { rule: string }[]) =>
  list.filter((d) => /keystore|trust-store|ca-certificate/.test(d.rule)).map((d) => d.rule);

test('a second validation of the same config reads no store again, with the same findings', async () => {
  const reader = countingReader();
  const stores = new StoreCache(reader);
  const first = await validate(stores);
  // ca.jks is named twice but read once, even within one run.
  assert.deepEqual([...reader.reads].sort(), [caJks, caP12, server].sort());
  const second = await validate(stores);
  assert.equal(reader.reads.length, 3, 'the second run read a store file again');
  assert.deepEqual(second, first);
});

test('a touched store is read again; the others are not', async () => {
  const reader = countingReader();
  const stores = new StoreCache(reader);
  await validate(stores);
  const later = new Date(Date.now() + 5_000);
  utimesSync(caP12, later, later);
  await validate(stores);
  assert.deepEqual(reader.reads.slice(3), [caP12]);
});

test('a different password is a different entry: a wrong one is reported, the right one still opens', async () => {
  const reader = countingReader();
  const stores = new StoreCache(reader);
  assert.deepEqual(storeRules(await validate(stores)), []);
  const wrong = CONFIG.replace('rcsJksPassword: secret', 'rcsJksPassword: nope');
  assert.deepEqual(storeRules(await validate(stores, wrong)), ['trust-store-wrong-password']);
  assert.deepEqual(reader.reads.slice(3), [caP12]);
  // Back to the right password: found again, no read.
  assert.deepEqual(storeRules(await validate(stores)), []);
  assert.equal(reader.reads.length, 4);
});

test('the cache keeps at most its limit of stores, dropping the least recently used', async () => {
  const reader = countingReader();
  const stores = new StoreCache(reader, 2);
  await stores.open(caJks, 'secret');
  await stores.open(caP12, 'secret');
  await stores.open(caJks, 'secret'); // caJks is now the most recent
  await stores.open(server, 'secret'); // evicts caP12
  assert.equal(stores.size, 2);
  await stores.open(caJks, 'secret');
  assert.equal(reader.reads.length, 3);
  await stores.open(caP12, 'secret');
  assert.equal(reader.reads.length, 4);
});

test('a replaced file of the same size is read again (new inode or mtime)', async () => {
  const reader = countingReader();
  const stores = new StoreCache(reader);
  const before = await stores.open(caJks, 'secret');
  const other = await selfSignedEntry({ ca: true, alias: 'root', dname: 'CN=Cache Test Root' });
  writeStore(tmp.dir, 'ca.jks', [asTrusted(other)], 'JKS', 'secret');
  const after = await stores.open(caJks, 'secret');
  assert.equal(reader.reads.length, 2);
  assert.notDeepEqual(after.entries[0], before.entries[0]);
});
