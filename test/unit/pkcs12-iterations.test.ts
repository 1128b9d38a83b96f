// PKCS#12 iteration counts are capped like Java caps them (5,000,000), for the MAC and for every
// encrypted piece (PBES2/PBKDF2 and the legacy PKCS#12 PBE): a small file asking for millions of
// iterations is refused at once as "too many iterations", never derived for minutes, and a valid
// file whose only fault is its MAC count is not called damaged. Files are made by openssl with
// 65,536 iterations (INTEGER 02 03 01 00 00) and patched to 8,388,607 (02 03 7f ff ff).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readKeystore } from '../../electron/services/keystore/read';
import { KeystoreError } from '../../electron/services/keystore/model';
import { rwsecSync } from '../helpers/rwsec-run';

const haveOpenssl = spawnSync('openssl', ['version']).status === 0;
const skip = haveOpenssl ? false : 'openssl is not installed';
const PASS = 'secret-1';
const ITER_65536 = Buffer.from([2, 3, 1, 0, 0]);
const ITER_HUGE = Buffer.from([2, 3, 0x7f, 0xff, 0xff]);

let dir = '';
before(() => {
  if (!haveOpenssl) return;
  dir = mkdtempSync(join(tmpdir(), 'rwsec-p12iter-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(dir, 'k.pem'),
      '-out',
      join(dir, 'c.pem'),
      '-subj',
      '/CN=iter.test',
      '-days',
      '2',
    ],
    { stdio: 'ignore' },
  );
});
after(() => dir && rmSync(dir, { recursive: true, force: true }));

function export12(name: string, extra: string[]): Buffer {
  const out = join(dir, name);
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-in',
    join(dir, 'c.pem'),
    '-inkey',
    join(dir, 'k.pem'),
    '-out',
    out,
    '-passout',
    `pass:${PASS}`,
    '-iter',
    '65536',
    ...extra,
  ]);
  return readFileSync(out);
}

/** Offsets of every 65,536 iteration count; the MAC's is the last (MacData ends the PFX). */
function counts(bytes: Buffer): number[] {
  const at: number[] = [];
  for (let i = bytes.indexOf(ITER_65536); i !== -1; i = bytes.indexOf(ITER_65536, i + 1))
    at.push(i);
  return at;
}

function patched(bytes: Buffer, offsets: number[]): Buffer {
  const copy = Buffer.from(bytes);
  for (const o of offsets) ITER_HUGE.copy(copy, o);
  return copy;
}

function refusal(bytes: Buffer): string {
  const started = Date.now();
  try {
    readKeystore(bytes, { password: PASS, file: 'patched.p12' });
  } catch (error) {
    assert.ok(error instanceof KeystoreError, String(error));
    assert.ok(Date.now() - started < 20_000, 'refused before deriving anything');
    return error.message;
  }
  assert.fail('the patched file was opened');
}

describe('PKCS#12 iteration caps', { skip }, () => {
  it('PBES2 (openssl 3 default): bags over the cap are "too many iterations"', () => {
    const bytes = export12('pbes2.p12', []);
    assert.equal(readKeystore(bytes, { password: PASS }).entries.length, 1, 'the original opens');
    const at = counts(bytes);
    assert.equal(at.length, 3, 'two bags and the MAC');
    const message = refusal(patched(bytes, at.slice(0, -1)));
    assert.match(
      message,
      /too many iterations: its PBES2 \(PBKDF2\) encryption asks for 8,388,607/,
    );
    assert.doesNotMatch(message, /damaged|corrupt/i);
  });

  it('legacy PKCS#12 PBE (SHA1-3DES): over the cap is refused the same way', () => {
    const bytes = export12('pbe.p12', [
      '-certpbe',
      'PBE-SHA1-3DES',
      '-keypbe',
      'PBE-SHA1-3DES',
      '-macalg',
      'sha1',
    ]);
    const at = counts(bytes);
    const message = refusal(patched(bytes, at.slice(0, -1)));
    assert.match(message, /too many iterations: its PKCS#12 PBE encryption asks for 8,388,607/);
  });

  it('a valid file whose MAC count is over the cap is "too many iterations", not damaged; the CLI says so', () => {
    const bytes = export12('mac.p12', []);
    const file = join(dir, 'mac-over-cap.p12');
    writeFileSync(file, patched(bytes, counts(bytes).slice(-1)));
    const message = refusal(readFileSync(file));
    assert.match(message, /too many iterations: its integrity check \(MAC\) asks for 8,388,607/);
    assert.doesNotMatch(message, /damaged|corrupt/i);
    const r = rwsecSync(['keystore', 'list', file, '--storepass', PASS]);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /too many iterations/);
  });
});
