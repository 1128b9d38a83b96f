import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { detectFileFormat, detectFormat } from '../../electron/services/files/detect-format';
import { makeCertFiles, tempDir, type CertFiles } from './rules-support';

const tmp = tempDir('sniff');
let certs: CertFiles | undefined;
before(() => {
  certs = makeCertFiles(tmp.dir);
});
after(() => tmp.cleanup());

test('keytool stores are told apart by content, not by name', async (t) => {
  if (!certs) return t.skip('openssl or keytool not installed');
  // Misleading names on purpose: admins do this.
  copyFileSync(certs.jks, join(tmp.dir, 'looks-like.pem'));
  copyFileSync(certs.p12, join(tmp.dir, 'looks-like.jks'));
  assert.equal((await detectFileFormat(join(tmp.dir, 'looks-like.pem'))).format, 'JKS');
  assert.equal((await detectFileFormat(join(tmp.dir, 'looks-like.jks'))).format, 'PKCS12');
  assert.equal((await detectFileFormat(certs.jceks)).format, 'JCEKS');
});

test('PEM (with labels), DER certificate and PKCS#7 bundles are recognised', async (t) => {
  if (!certs) return t.skip('openssl or keytool not installed');
  assert.deepEqual(await detectFileFormat(certs.pem), {
    format: 'PEM',
    pemLabels: ['CERTIFICATE'],
  });
  assert.deepEqual((await detectFileFormat(certs.keyPem)).pemLabels, ['PRIVATE KEY']);
  assert.equal((await detectFileFormat(certs.der)).format, 'DER');
  const p7b = join(tmp.dir, 'bundle.p7b');
  const made = spawnSync('openssl', [
    'crl2pkcs7',
    '-nocrl',
    '-certfile',
    certs.pem,
    '-outform',
    'DER',
    '-out',
    p7b,
  ]);
  assert.equal(made.status, 0);
  assert.equal((await detectFileFormat(p7b)).format, 'PKCS7');
});

test('an OpenSSL-made PKCS12 with a key is PKCS12', async (t) => {
  if (!certs) return t.skip('openssl or keytool not installed');
  const p12 = join(tmp.dir, 'openssl.p12');
  const made = spawnSync('openssl', [
    'pkcs12',
    '-export',
    '-in',
    certs.pem,
    '-inkey',
    certs.keyPem,
    '-out',
    p12,
    '-passout',
    'pass:changeit',
  ]);
  assert.equal(made.status, 0);
  assert.equal((await detectFileFormat(p12)).format, 'PKCS12');
});

test('PEM text after a preamble (openssl "Bag Attributes") is still PEM', (t) => {
  if (!certs) return t.skip('openssl or keytool not installed');
  const text = 'Bag Attributes\n    friendlyName: ca\n' + readFileSync(certs.pem, 'utf8');
  assert.equal(detectFormat(Buffer.from(text)).format, 'PEM');
});

test('empty, random and truncated inputs are not mistaken for stores', () => {
  assert.equal(detectFormat(new Uint8Array()).format, 'empty');
  assert.equal(detectFormat(Buffer.from('  \n')).format, 'empty');
  assert.equal(detectFormat(Buffer.from('hello: world\n')).format, 'unknown');
  assert.equal(detectFormat(Uint8Array.from([0x30, 0x82, 0x01])).format, 'unknown');
  assert.equal(detectFormat(Uint8Array.from([0xfe, 0xed])).format, 'unknown');
  // SEQUENCE { INTEGER 3, SEQUENCE { OID signedData } }: version 3 but not pkcs7-data
  const notPfx = [0x30, 0x10, 0x02, 0x01, 0x03, 0x30, 0x0b, 0x06, 0x09];
  notPfx.push(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02);
  assert.equal(detectFormat(Uint8Array.from(notPfx)).format, 'unknown');
  notPfx[notPfx.length - 1] = 0x01;
  assert.equal(detectFormat(Uint8Array.from(notPfx)).format, 'PKCS12');
});
