// read(write(x)) gives back x for every writable format; aliases are lower-cased with a report;
// PEM keys stay encrypted when a password is given; the certificate description is keytool-like.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Keystore } from '../../electron/services/keystore/model';
import { readKeystore } from '../../electron/services/keystore/read';
import {
  writeKeystore,
  writeKeystoreWithReport,
  type WriteOptions,
} from '../../electron/services/keystore/write';
import { describeStore } from '../../electron/services/keystore/describe-store';
import { describeCertificate } from '../../electron/services/x509/describe';
import { sampleStore, type Fixture } from '../helpers/keystore-fixtures';

let fixture: Fixture;

function summary(store: Keystore) {
  return store.entries.map((e) => ({
    alias: e.alias,
    kind: e.kind,
    chain: e.chain.map((c) => c.fingerprint256),
    key:
      e.kind === 'key'
        ? e.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('hex')
        : null,
  }));
}

describe('keystore round trip', () => {
  before(async () => {
    fixture = await sampleStore(true);
  });

  const formats: [string, WriteOptions][] = [
    ['JKS', { type: 'JKS', password: 'pw' }],
    ['PKCS12 strong', { type: 'PKCS12', password: 'pw', profile: 'strong' }],
    ['PKCS12 compatible', { type: 'PKCS12', password: 'pw', profile: 'compatible' }],
    ['PEM encrypted', { type: 'PEM', password: 'pw' }],
    ['PEM plain', { type: 'PEM', password: '' }],
  ];
  for (const [name, options] of formats) {
    it(`${name}: read(write(x)) equals x with aliases lower-cased`, () => {
      const { bytes, renamed } = writeKeystoreWithReport(fixture.store, options);
      assert.deepEqual(
        renamed.map((r) => r.to),
        ['rsa-server', 'root-ca'],
      );
      const back = readKeystore(bytes, { password: 'pw' });
      assert.equal(back.type, options.type);
      const expected = summary(fixture.store).map((e) => ({ ...e, alias: e.alias.toLowerCase() }));
      assert.deepEqual(summary(back), expected);
      if (options.type === 'JKS') {
        assert.deepEqual(
          back.entries.map((e) => e.created.getTime()),
          fixture.store.entries.map((e) => e.created.getTime()),
        );
      }
    });
  }

  it('PEM with a password holds only encrypted keys, and needs the password to read', () => {
    const text = writeKeystore(fixture.store, { type: 'PEM', password: 'pw' }).toString();
    assert.equal(text.match(/BEGIN ENCRYPTED PRIVATE KEY/g)?.length, 2);
    assert.doesNotMatch(text, /BEGIN PRIVATE KEY/);
    assert.throws(() => readKeystore(Buffer.from(text)), { code: 'password-required' });
  });

  it('refuses two aliases that differ only in case', () => {
    const [first] = fixture.store.entries;
    const store: Keystore = {
      type: 'JKS',
      entries: [first!, { ...first!, alias: first!.alias.toUpperCase() }],
    };
    assert.throws(() => writeKeystore(store, { type: 'JKS', password: 'pw' }), {
      code: 'alias-exists',
    });
  });

  it('describes certificates like keytool (fingerprints, key facts, extensions)', () => {
    const rsaLeaf = fixture.store.entries[0]!.chain[0]!;
    const d = describeCertificate(rsaLeaf);
    assert.equal(d.subject, 'CN=rws.example.com');
    assert.equal(d.keyAlgorithm, 'RSA');
    assert.equal(d.keySize, 2048);
    assert.equal(d.signatureAlgorithm, 'SHA256withRSA');
    assert.deepEqual(d.san, ['DNS:rws.example.com']);
    assert.deepEqual(d.keyUsage, ['digitalSignature']);
    assert.equal(d.isCA, false);
    assert.match(d.sha256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.equal(d.sha256, rsaLeaf.fingerprint256);
    assert.equal(new Date(d.notAfter).getTime(), new Date(rsaLeaf.validTo).getTime());
    const ecRoot = describeCertificate(fixture.store.entries[3]!.chain[0]!);
    assert.deepEqual(
      [ecRoot.keyAlgorithm, ecRoot.keySize, ecRoot.curve, ecRoot.isCA],
      ['EC', 256, 'secp256r1', true],
    );
    assert.equal(ecRoot.signatureAlgorithm, 'SHA256withECDSA');
    assert.deepEqual(ecRoot.keyUsage, ['keyCertSign', 'cRLSign']);
    const listed = describeStore(fixture.store);
    assert.deepEqual(
      listed.entries.map((e) => [e.kind, e.chain.length]),
      [
        ['key', 3],
        ['key', 2],
        ['trusted', 1],
        ['trusted', 1],
      ],
    );
    assert.equal(JSON.parse(JSON.stringify(listed)).entries[0].chain[1].isCA, true);
  });
});
