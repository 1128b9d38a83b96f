// The hand-rolled iterated MD5 behind JCEKS key derivation must agree with node:crypto exactly,
// for every message length the password can produce (one, two and three 64-byte blocks, and the
// padding boundaries at 55/56 and 119/120 bytes).
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { md5Chain } from '../../electron/services/keystore/md5-block';

function reference(seed: Buffer, suffix: Buffer, rounds: number): Buffer {
  let digest = seed;
  for (let i = 0; i < rounds; i++)
    digest = createHash('md5').update(digest).update(suffix).digest();
  return digest;
}

test('md5Chain equals node:crypto MD5 iterated, for random seeds and suffix lengths', () => {
  const lengths = [0, 1, 7, 8, 38, 39, 40, 41, 47, 48, 63, 64, 103, 104, 120, 200];
  for (let n = 0; n < 60; n++) lengths.push(Math.floor(Math.random() * 260));
  for (const length of lengths) {
    const seed = randomBytes(16);
    const suffix = randomBytes(length);
    for (const rounds of [0, 1, 2, 5]) {
      assert.equal(
        md5Chain(seed, suffix, rounds).toString('hex'),
        reference(seed, suffix, rounds).toString('hex'),
        `suffix of ${length} bytes, ${rounds} rounds`,
      );
    }
  }
});

test('md5Chain over many rounds matches (the state carries between rounds)', () => {
  const seed = createHash('md5').update('salt').digest();
  const suffix = Buffer.from('changeit');
  assert.equal(
    md5Chain(seed, suffix, 2000).toString('hex'),
    reference(seed, suffix, 2000).toString('hex'),
  );
});

test('md5Chain refuses a seed that is not a 16-byte digest', () => {
  assert.throws(() => md5Chain(randomBytes(4), Buffer.alloc(0), 1), RangeError);
});
