// Bad input never crashes and never touches the file: a wrong password says so and names the
// file; truncated or bit-flipped stores are 'corrupt' (or, where the bytes cannot tell, a wrong
// password), never a stack trace.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KeystoreError } from '../../electron/services/keystore/model';
import { readKeystore, readKeystoreFile } from '../../electron/services/keystore/read';
import { writeKeystore, type WriteOptions } from '../../electron/services/keystore/write';
import { sampleStore, type Fixture } from '../helpers/keystore-fixtures';

const PASS = 'changeit';
let fixture: Fixture;
let dir = '';
const formats: [string, WriteOptions][] = [
  ['JKS', { type: 'JKS', password: PASS }],
  ['PKCS12 strong', { type: 'PKCS12', password: PASS, profile: 'strong' }],
  ['PKCS12 compatible', { type: 'PKCS12', password: PASS, profile: 'compatible' }],
];

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof KeystoreError, `expected a KeystoreError, got ${String(err)}`);
    return err.code;
  }
  return 'no-error';
}

describe('keystore read errors', () => {
  before(async () => {
    fixture = await sampleStore();
    dir = mkdtempSync(join(tmpdir(), 'rwsec-kserr-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, options] of formats) {
    it(`${name}: a wrong password names the file, and the file is left untouched`, () => {
      const file = join(dir, `wrong-${name.replace(/\W/g, '')}`);
      writeFileSync(file, writeKeystore(fixture.store, options));
      const before = createHash('sha256').update(readFileSync(file)).digest('hex');
      assert.throws(
        () => readKeystoreFile(file, { password: 'not-it' }),
        (err: unknown) =>
          err instanceof KeystoreError &&
          err.code === 'wrong-password' &&
          err.file === file &&
          err.message.includes(file) &&
          /not modified/.test(err.message),
      );
      assert.throws(() => readKeystoreFile(file), { code: 'password-required' });
      assert.equal(createHash('sha256').update(readFileSync(file)).digest('hex'), before);
    });

    it(`${name}: every truncation is reported as corrupt`, () => {
      const bytes = writeKeystore(fixture.store, options);
      for (let cut = 0; cut < bytes.length; cut += Math.max(1, Math.floor(bytes.length / 97))) {
        const code = codeOf(() =>
          readKeystore(bytes.subarray(0, cut), { password: PASS, file: 'x.store' }),
        );
        assert.equal(code, 'corrupt', `cut at ${cut} of ${bytes.length}`);
      }
      assert.equal(
        codeOf(() => readKeystore(bytes.subarray(0, bytes.length - 1), { password: PASS })),
        'corrupt',
      );
    });

    it(`${name}: flipped bits are corrupt or (where undetectable) a wrong password, never a crash`, () => {
      const bytes = writeKeystore(fixture.store, options);
      for (let i = 0; i < 60; i++) {
        const pos = (i * 7919) % bytes.length;
        const damaged = Buffer.from(bytes);
        damaged[pos] = damaged[pos]! ^ (1 << (i % 8));
        const code = codeOf(() => readKeystore(damaged, { password: PASS }));
        assert.ok(
          ['corrupt', 'wrong-password', 'no-error'].includes(code),
          `flip at ${pos}: ${code}`,
        );
        // A flip that is accepted must have hit bytes that carry no data (impossible with a MAC).
        assert.notEqual(code, 'no-error', `flip at ${pos} went unnoticed`);
      }
    });
  }

  it('a flipped byte inside a certificate is corrupt, not a wrong password (JKS, PKCS12)', () => {
    const jks = writeKeystore(fixture.store, { type: 'JKS', password: PASS });
    const cert = fixture.store.entries[2]!.chain[0]!.raw;
    const at = jks.indexOf(cert) + Math.floor(cert.length / 2);
    const damaged = Buffer.from(jks);
    damaged[at] = damaged[at]! ^ 0x10;
    assert.equal(
      codeOf(() => readKeystore(damaged, { password: PASS })),
      'corrupt',
    );
    // In PKCS12 the certificates are encrypted at the front; the keys still open, so it is damage.
    const p12 = writeKeystore(fixture.store, { type: 'PKCS12', password: PASS });
    const p12Damaged = Buffer.from(p12);
    const mid = Math.floor(p12.length * 0.3);
    p12Damaged[mid] = p12Damaged[mid]! ^ 0x10;
    assert.equal(
      codeOf(() => readKeystore(p12Damaged, { password: PASS })),
      'corrupt',
    );
  });

  it('garbage, empty and missing files get clear messages', () => {
    assert.equal(
      codeOf(() => readKeystore(Buffer.from('hello, not a keystore'))),
      'corrupt',
    );
    assert.equal(
      codeOf(() => readKeystore(Buffer.alloc(0))),
      'corrupt',
    );
    assert.equal(
      codeOf(() => readKeystoreFile(join(dir, 'missing.jks'))),
      'not-found',
    );
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n';
    assert.equal(
      codeOf(() => readKeystore(Buffer.from(pem), { file: 'cut.pem' })),
      'corrupt',
    );
  });
});
