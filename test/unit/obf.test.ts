import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  classifySecret,
  deobfuscate,
  jettyKeystorePassword,
  obfuscate,
  ObfFormatError,
} from '../../shared/secrets/obf';

// Published vectors (rws-options.md, from Jetty's docs and source).
const vectors: [string, string][] = [
  ['password', 'OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v'],
  ['storepwd', 'OBF:1vny1zlo1x8e1vnw1vn61x8g1zlu1vn4'],
  ['a', 'OBF:1ri7'],
  ['é', 'OBF:U12ndU0xj7'],
];

test('obfuscate matches the published Jetty vectors', () => {
  for (const [plain, obf] of vectors) assert.equal(obfuscate(plain), obf, plain);
});

test('deobfuscate reads the published Jetty vectors, with or without the OBF: prefix', () => {
  for (const [plain, obf] of vectors) {
    assert.equal(deobfuscate(obf), plain);
    assert.equal(deobfuscate(obf.slice(4)), plain);
  }
});

test('any Unicode password survives obfuscate then deobfuscate', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (plain) => {
      assert.equal(deobfuscate(obfuscate(plain)), plain);
    }),
    { numRuns: 500 },
  );
});

test('a lone surrogate is encoded as Java encodes it (as "?")', () => {
  assert.equal(obfuscate('a\uD800b'), obfuscate('a?b'));
});

test('a malformed OBF: value is refused with the position, not decoded to garbage', () => {
  assert.throws(() => deobfuscate('OBF:1v2j1u'), ObfFormatError);
  assert.throws(() => deobfuscate('OBF:1v2j!!!!'), /position 8/);
  assert.throws(() => deobfuscate('OBF:U12n'), ObfFormatError);
});

test('classifySecret names the form of a password value', () => {
  assert.equal(classifySecret(''), 'empty');
  assert.equal(classifySecret('storepwd'), 'plain');
  assert.equal(classifySecret('OBF:1ri7'), 'OBF');
  assert.equal(classifySecret('MD5:3406877694691ddd1dfb0aca54681407'), 'MD5');
  assert.equal(classifySecret('CRYPT:usTqCSt2QeT/2'), 'CRYPT');
  // Prefixes are case-sensitive, as in Jetty: this is a plain password.
  assert.equal(classifySecret('obf:1ri7'), 'plain');
});

test('the keystore password Jetty uses: OBF decoded, one-way hashes give none', () => {
  assert.equal(jettyKeystorePassword('OBF:1vny1zlo1x8e1vnw1vn61x8g1zlu1vn4'), 'storepwd');
  assert.equal(jettyKeystorePassword('storepwd'), 'storepwd');
  assert.equal(jettyKeystorePassword('MD5:3406877694691ddd1dfb0aca54681407'), undefined);
  assert.equal(jettyKeystorePassword('CRYPT:usTqCSt2QeT/2'), undefined);
});
