// JCEKS (read only). Same container as JKS; keys use Sun's PBEWithMD5AndTripleDES
// (OID 1.3.6.1.4.1.42.2.19.1): MD5-iterated key derivation over each salt half, DESede-CBC.
import { createDecipheriv, createHash } from 'node:crypto';
import { expect, parseDer, readInt, readOid, seqOf, TAG } from '../der/asn1';
import { corrupt, unsupported } from './errors';
import { parseJavaStore, StoreFormatError, type RawStore } from './java-store';
import {
  javaStoreEntries,
  unprotectJksKey,
  KEY_PROTECTOR_OID,
  type JavaStoreReadOptions,
} from './jks';
import { md5Chain } from './md5-block';
import type { Keystore } from './model';

export const JCEKS_KEY_PROTECTION_OID = '1.3.6.1.4.1.42.2.19.1';

/** com.sun.crypto.provider.PBES1Core's DESede key and IV derivation. */
function deriveKeyAndIv(
  password: string,
  saltIn: Buffer,
  iterations: number,
): { key: Buffer; iv: Buffer } {
  const salt = Buffer.from(saltIn);
  if (salt.subarray(0, 4).equals(salt.subarray(4, 8))) {
    // Identical halves would give identical key halves: Sun reverses the first half.
    for (let i = 0; i < 2; i++) {
      const tmp = salt[i]!;
      salt[i] = salt[3 - i]!;
      salt[3 - i] = tmp;
    }
  }
  // PBEKey keeps the low 7 bits of each character.
  const pass = Buffer.from(Array.from(password, (c) => c.charCodeAt(0) & 0x7f));
  const result = Buffer.alloc(32);
  for (let half = 0; half < 2; half++) {
    let digest: Buffer = salt.subarray(half * 4, half * 4 + 4);
    if (iterations > 0) {
      // Only the first round hashes the 4-byte salt half; every later one a 16-byte digest.
      digest = createHash('md5').update(digest).update(pass).digest();
      digest = md5Chain(digest, pass, iterations - 1);
    }
    digest.copy(result, half * 16);
  }
  return { key: result.subarray(0, 24), iv: result.subarray(24, 32) };
}

function unprotectJceksKey(protectedKey: Buffer, password: string): Buffer | undefined {
  const [alg, data] = seqOf(parseDer(protectedKey), 'EncryptedPrivateKeyInfo');
  const [algOidNode, params] = seqOf(alg, 'AlgorithmIdentifier');
  const algOid = readOid(algOidNode);
  // A JKS store converted by type can still hold KeyProtector keys.
  if (algOid === KEY_PROTECTOR_OID) return unprotectJksKey(protectedKey, password);
  if (algOid !== JCEKS_KEY_PROTECTION_OID) throw new StoreFormatError(`key protection ${algOid}`);
  const [saltNode, iterNode] = seqOf(params, 'PBE parameters');
  const salt = expect(saltNode, TAG.OCTET_STRING, 'salt').value;
  if (salt.length !== 8) throw new StoreFormatError('salt must be 8 bytes');
  const iterations = readInt(iterNode);
  if (iterations > 10_000_000) throw new StoreFormatError('implausible iteration count');
  const { key, iv } = deriveKeyAndIv(password, salt, iterations);
  const encrypted = expect(data, TAG.OCTET_STRING, 'encrypted key').value;
  let plain: Buffer;
  try {
    const d = createDecipheriv('des-ede3-cbc', key, iv);
    plain = Buffer.concat([d.update(encrypted), d.final()]);
  } catch {
    return undefined;
  }
  try {
    parseDer(plain);
  } catch {
    return undefined;
  }
  return plain;
}

export function readJceks(bytes: Buffer, options: JavaStoreReadOptions = {}): Keystore {
  let raw: RawStore;
  try {
    raw = parseJavaStore(bytes, options.password);
  } catch (err) {
    if (err instanceof StoreFormatError) throw corrupt(options.file, 'JCEKS', err.message);
    throw err;
  }
  const secret = raw.entries.find((e) => e.tag === 3);
  if (secret) {
    throw unsupported(
      options.file,
      `the entry "${secret.alias}" is a secret key, which this tool does not handle (use keytool)`,
    );
  }
  return {
    type: 'JCEKS',
    entries: javaStoreEntries(raw, 'JCEKS', unprotectJceksKey, options, false),
  };
}
