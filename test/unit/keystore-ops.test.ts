import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { KeyEntry, Keystore } from '../../electron/services/keystore/model';
import {
  addSelfSigned,
  createCsr,
  deleteAlias,
  exportCertificate,
  exportPrivateKey,
  importCaReply,
  importKeyPair,
  importTrusted,
  renameAlias,
  signCsrWith,
} from '../../electron/services/keystore/operations';
import { parsePrivateKeyPem } from '../../electron/services/keystore/private-key-pem';
import { keySpec } from '../../electron/services/x509/keys';
import { parseDname, parseSanList, dnameToJsonName } from '../../electron/services/x509/names';
import { readCsr } from '../../electron/services/x509/csr';
import { toPeculiar, x509 } from '../../electron/services/x509/extensions';

const empty = (): Keystore => ({ type: 'PKCS12', entries: [] });
const ec = keySpec('ec', 256);

function keyEntry(store: Keystore, alias: string): KeyEntry {
  const e = store.entries.find((x) => x.alias === alias);
  assert.ok(e && e.kind === 'key', `key entry ${alias}`);
  return e;
}

async function caAndServer() {
  let store = empty();
  store = (
    await addSelfSigned(store, { alias: 'root', dname: 'CN=Root CA, O=Test', key: ec, ca: true })
  ).store;
  store = (
    await addSelfSigned(store, {
      alias: 'server',
      dname: 'CN=rws.example.com, O=Test',
      san: parseSanList('dns:rws.example.com,ip:10.0.0.5'),
      key: ec,
    })
  ).store;
  return store;
}

test('dnames: typed order reads back as keytool prints it; escaped commas stay in the value', () => {
  assert.deepEqual(parseDname('CN=a\\, b, OU=IT, C=US'), [
    [{ type: 'CN', value: 'a, b' }],
    [{ type: 'OU', value: 'IT' }],
    [{ type: 'C', value: 'US' }],
  ]);
  // Encoding order is reversed (RFC 2253), as keytool does.
  assert.deepEqual(dnameToJsonName('CN=x, C=US'), [{ C: ['US'] }, { CN: ['x'] }]);
  assert.throws(() => parseDname('CN=x, C=USA'), /two-letter/);
  assert.throws(() => parseDname('XX=1'), /Unknown name attribute/);
});

test('SAN lists: dns/ip parsed, bad entries refused with the reason', () => {
  assert.deepEqual(parseSanList('dns:a.example, ip:10.1.2.3,IP:::1'), [
    { type: 'dns', value: 'a.example' },
    { type: 'ip', value: '10.1.2.3' },
    { type: 'ip', value: '::1' },
  ]);
  assert.throws(() => parseSanList('ip:10.1.2'), /not an IPv4 or IPv6/);
  assert.throws(() => parseSanList('host:x'), /not a SAN entry/);
  assert.throws(() => parseSanList('dns:bad name'), /not a DNS name/);
});

test('addSelfSigned: lower-cases the alias and says so; refuses an existing alias', async () => {
  const first = await addSelfSigned(empty(), {
    alias: 'Jetty',
    dname: 'CN=localhost',
    san: parseSanList('dns:localhost'),
    key: ec,
    days: 30,
  });
  assert.equal(first.entry.alias, 'jetty');
  assert.ok(first.notes.some((n) => n.includes('"Jetty" is stored as "jetty"')));
  const cert = first.entry.chain[0];
  assert.ok(cert);
  assert.equal(cert.subject, 'CN=localhost');
  assert.equal(cert.subjectAltName, 'DNS:localhost');
  assert.equal(cert.ca, false);
  assert.ok(cert.checkPrivateKey(first.entry.privateKey));
  const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
  assert.equal(days, 30);
  await assert.rejects(
    addSelfSigned(first.store, { alias: 'JETTY', dname: 'CN=x', key: ec }),
    (err: Error & { code?: string }) => err.code === 'alias-exists',
  );
});

test('RSA key sizes are honoured and weak sizes refused', async () => {
  const { entry } = await addSelfSigned(empty(), {
    alias: 'r',
    dname: 'CN=r',
    key: keySpec('rsa', 2048),
  });
  assert.equal(entry.privateKey.asymmetricKeyDetails?.modulusLength, 2048);
  assert.throws(() => keySpec('rsa', 1024), /2048, 3072 or 4096/);
  assert.throws(() => keySpec('dsa'), /rsa or ec/);
});

test('CSR carries the SANs; signing copies them, sets EKU, CA flag only on request', async () => {
  const store = await caAndServer();
  const pem = await createCsr(store, 'server');
  const csr = await readCsr(Buffer.from(pem));
  const signed = await signCsrWith(store, 'root', csr, { days: 90, usage: { clientAuth: false } });
  const cert = signed.certificate;
  assert.equal(cert.subjectAltName, 'DNS:rws.example.com, IP Address:10.0.0.5');
  assert.equal(cert.ca, false);
  assert.ok(cert.verify(keyEntry(store, 'root').chain[0]!.publicKey));
  const px = toPeculiar(cert);
  const eku = px.getExtension(x509.ExtendedKeyUsageExtension);
  assert.deepEqual(Array.from(eku?.usages ?? [], String), [
    x509.ExtendedKeyUsage.serverAuth as string,
  ]);
  // Serial: 16 random bytes, positive.
  assert.equal(cert.serialNumber.length, 32);
  assert.ok(parseInt(cert.serialNumber.slice(0, 2), 16) < 0x80);
  // AKI of the issued certificate is the CA's SKI.
  const caSki = toPeculiar(keyEntry(store, 'root').chain[0]!).getExtension(
    x509.SubjectKeyIdentifierExtension,
  );
  assert.equal(px.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId, caSki?.keyId);
  assert.deepEqual(signed.chain.length, 2);

  const intermediate = await signCsrWith(store, 'root', csr, { usage: { ca: true } });
  assert.equal(intermediate.certificate.ca, true);
});

test('signing with a non-CA entry is refused', async () => {
  const store = await caAndServer();
  const csr = await readCsr(Buffer.from(await createCsr(store, 'server')));
  await assert.rejects(signCsrWith(store, 'server', csr), /not a CA certificate/);
});

test('a tampered CSR is refused', async () => {
  const store = await caAndServer();
  const pem = await createCsr(store, 'server');
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  der.writeUInt8(der.readUInt8(der.length - 20) ^ 0xff, der.length - 20); // inside the signature
  await assert.rejects(readCsr(der), /does not verify|not a certificate signing request/);
});

test('CA reply: attaches the chain; refuses a reply for another key or one that does not chain', async () => {
  const store = await caAndServer();
  const csr = await readCsr(Buffer.from(await createCsr(store, 'server')));
  const { certificate, chain } = await signCsrWith(store, 'root', csr);

  const replied = importCaReply(store, 'server', chain);
  assert.deepEqual(
    keyEntry(replied.store, 'server').chain.map((c) => c.subject),
    ['O=Test\nCN=rws.example.com', 'O=Test\nCN=Root CA'],
  );
  // The input store is untouched.
  assert.equal(keyEntry(store, 'server').chain.length, 1);

  // Only the leaf, and the root is not trusted in the store: refused.
  const bare: Keystore = { ...store, entries: store.entries.filter((e) => e.alias !== 'root') };
  assert.throws(() => importCaReply(bare, 'server', [certificate]), /does not chain/);
  // Only the leaf, root trusted in the store: accepted.
  const trusting = importTrusted(bare, [keyEntry(store, 'root').chain[0]!], {
    alias: 'root',
  }).store;
  assert.equal(
    keyEntry(importCaReply(trusting, 'server', [certificate]).store, 'server').chain.length,
    2,
  );
  // A reply for another key.
  assert.throws(
    () => importCaReply(store, 'root', [certificate]),
    /matches this entry's private key/,
  );
});

test('importTrusted takes every certificate of a bundle, derives and de-duplicates aliases', async () => {
  const store = await caAndServer();
  const certs = store.entries.map((e) => e.chain[0]!);
  const result = importTrusted(empty(), [...certs, certs[0]!]);
  assert.deepEqual(result.added, ['root-ca', 'rws.example.com']);
  assert.ok(result.notes.some((n) => n.includes('already trusted')));
  const named = importTrusted(empty(), certs.map(makeCopy), { alias: 'Ca' });
  assert.deepEqual(named.added, ['ca', 'ca-2']);
  assert.ok(named.notes.some((n) => n.includes('"Ca" is stored as "ca"')));
  assert.throws(
    () => importTrusted(result.store, [certs[0]!], { alias: 'root-ca' }),
    /already has an entry/,
  );
});

function makeCopy(cert: X509Certificate): X509Certificate {
  return new X509Certificate(cert.raw);
}

test('importKeyPair: key + chain in any order become a key entry; a foreign key is refused', async () => {
  const store = await caAndServer();
  const csr = await readCsr(Buffer.from(await createCsr(store, 'server')));
  const { chain } = await signCsrWith(store, 'root', csr);
  const keyPem = exportPrivateKey(store, 'server', 'secret-pass');
  assert.match(keyPem, /BEGIN ENCRYPTED PRIVATE KEY/);
  const key = parsePrivateKeyPem(keyPem, 'secret-pass');
  const imported = importKeyPair(empty(), 'Imported', key, [...chain].reverse());
  assert.deepEqual(
    keyEntry(imported.store, 'imported').chain.map((c) => c.serialNumber),
    chain.map((c) => c.serialNumber),
  );
  assert.throws(() => parsePrivateKeyPem(keyPem, 'wrong-pass'), /Cannot decrypt/);
  assert.throws(() => parsePrivateKeyPem(keyPem), /encrypted/);
  const other = keyEntry(store, 'root').privateKey;
  assert.throws(() => importKeyPair(empty(), 'x', other, [chain[0]!]), /None of the certificates/);
  // Unencrypted PKCS#1 works too.
  const pkcs1 = (await addSelfSigned(empty(), { alias: 'r', dname: 'CN=r', key: keySpec('rsa') }))
    .entry;
  const pem = pkcs1.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  assert.ok(parsePrivateKeyPem(pem).equals(createPrivateKey(pem)));
});

test('rename, delete and export', async () => {
  const store = await caAndServer();
  const renamed = renameAlias(store, 'server', 'Web');
  assert.deepEqual(
    renamed.store.entries.map((e) => e.alias),
    ['root', 'web'],
  );
  assert.throws(() => renameAlias(store, 'server', 'root'), /already has an entry/);
  assert.deepEqual(
    deleteAlias(store, 'root').entries.map((e) => e.alias),
    ['server'],
  );
  assert.throws(() => deleteAlias(store, 'nope'), /No entry "nope"/);
  const der = exportCertificate(store, 'server', { format: 'DER' });
  assert.ok(new X509Certificate(der).checkPrivateKey(keyEntry(store, 'server').privateKey));
  const pem = exportCertificate(store, 'root', { format: 'PEM', chain: true }).toString();
  assert.equal(pem.match(/BEGIN CERTIFICATE/g)?.length, 1);
  assert.throws(() => exportPrivateKey(store, 'server', '123'), /at least 6/);
});
