// Password-based encryption used inside PKCS#12 (and encrypted PKCS#8): PBES2 (PBKDF2 + AES or
// 3DES) and the PKCS#12 PBE schemes (3DES, RC2) with the PKCS#12 key derivation (RFC 7292 B.2).
import * as nodeCrypto from 'node:crypto';
import { createCipheriv, createDecipheriv, createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import {
  Asn1Error,
  children,
  expect,
  integer,
  octetString,
  oid,
  readInt,
  readOid,
  seq,
  seqOf,
  TAG,
  type Asn1,
} from '../der/asn1';

/** Decryption produced garbage: almost always a wrong password. */
export class DecryptError extends Error {
  override name = 'DecryptError';
}
export class UnsupportedAlgorithmError extends Error {
  override name = 'UnsupportedAlgorithmError';
}

/**
 * Java's PKCS12KeyStore refuses iteration counts above this (MAX_ITERATION_COUNT), for the MAC and
 * for every encrypted piece: a 3 KB file with 2^31-1 iterations otherwise keeps whoever opens it
 * busy for minutes per bag. Checked before any key is derived.
 */
export const MAX_PBE_ITERATIONS = 5_000_000;

export class TooManyIterationsError extends Error {
  override name = 'TooManyIterationsError';
}

export function checkedIterations(count: number, what: string): number {
  if (count > MAX_PBE_ITERATIONS) {
    throw new TooManyIterationsError(
      `too many iterations: its ${what} asks for ${count.toLocaleString('en-US')}, and Java ` +
        `refuses more than ${MAX_PBE_ITERATIONS.toLocaleString('en-US')} (a file made to stall ` +
        'whoever opens it, or written with absurd settings): export it again with a normal count',
    );
  }
  return count;
}

export const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  pbeSha3Des: '1.2.840.113549.1.12.1.3',
  pbeSha2Des: '1.2.840.113549.1.12.1.4',
  pbeShaRc2_128: '1.2.840.113549.1.12.1.5',
  pbeShaRc2_40: '1.2.840.113549.1.12.1.6',
  hmacSha1: '1.2.840.113549.2.7',
  hmacSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
} as const;

const PRF: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const PBES2_CIPHERS: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};

/** The PKCS#12 password form: BMPString (UTF-16BE) with a two-byte terminator. */
export function bmpPassword(password: string): Buffer {
  const bytes = Buffer.from(password + '\0', 'utf16le');
  bytes.swap16();
  return bytes;
}

/**
 * One digest of `data`. The KDF below hashes thousands of times per key, and the one-shot
 * crypto.hash (Node >= 20.12) costs about a quarter of a createHash object each time: it
 * decides how long a fleet status takes to open every node's keystore.
 */
const digestOnce: (algorithm: string, data: Buffer) => Buffer =
  typeof nodeCrypto.hash === 'function'
    ? (algorithm, data) => nodeCrypto.hash(algorithm, data, 'buffer')
    : (algorithm, data) => createHash(algorithm).update(data).digest();

function repeatTo(src: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = src[i % src.length]!;
  return out;
}

/** RFC 7292 appendix B.2; id 1 = key, 2 = IV, 3 = MAC key. */
export function pkcs12Kdf(
  hash: string,
  password: Buffer,
  salt: Buffer,
  id: 1 | 2 | 3,
  iterations: number,
  size: number,
): Buffer {
  const v = hash === 'sha384' || hash === 'sha512' ? 128 : 64;
  const D = Buffer.alloc(v, id);
  const S = salt.length ? repeatTo(salt, v * Math.ceil(salt.length / v)) : Buffer.alloc(0);
  const P = password.length
    ? repeatTo(password, v * Math.ceil(password.length / v))
    : Buffer.alloc(0);
  const I = Buffer.concat([S, P]);
  const out = Buffer.alloc(size);
  let written = 0;
  while (written < size) {
    let A: Buffer = createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = digestOnce(hash, A);
    written += A.copy(out, written);
    if (written >= size) break;
    const B = repeatTo(A, v);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out;
}

function nodeCipher(name: string, key: Buffer, iv: Buffer, data: Buffer, encrypt: boolean): Buffer {
  if (encrypt) {
    const c = createCipheriv(name, key, iv);
    return Buffer.concat([c.update(data), c.final()]);
  }
  try {
    const d = createDecipheriv(name, key, iv);
    return Buffer.concat([d.update(data), d.final()]);
  } catch {
    throw new DecryptError('bad padding');
  }
}

function rc2Cbc(key: Buffer, iv: Buffer, data: Buffer, encrypt: boolean): Buffer {
  const bits = key.length * 8;
  const keyBuf = forge.util.createBuffer(key.toString('binary'));
  const cipher = encrypt
    ? forge.rc2.createEncryptionCipher(keyBuf, bits)
    : forge.rc2.createDecryptionCipher(keyBuf, bits);
  cipher.start(forge.util.createBuffer(iv.toString('binary')));
  cipher.update(forge.util.createBuffer(data.toString('binary')));
  if (!cipher.finish()) throw new DecryptError('bad padding');
  return Buffer.from(cipher.output.getBytes(), 'binary');
}

const PKCS12_PBE: Record<string, { keyLength: number; cipher: 'des-ede3-cbc' | 'rc2' }> = {
  [OID.pbeSha3Des]: { keyLength: 24, cipher: 'des-ede3-cbc' },
  [OID.pbeShaRc2_128]: { keyLength: 16, cipher: 'rc2' },
  [OID.pbeShaRc2_40]: { keyLength: 5, cipher: 'rc2' },
};

function pkcs12Pbe(
  algorithm: string,
  params: Asn1 | undefined,
  password: string,
  data: Buffer,
  encrypt: boolean,
): Buffer {
  const scheme = PKCS12_PBE[algorithm]!;
  const [salt, iter] = seqOf(params, 'PBE parameters');
  const saltBytes = expect(salt, TAG.OCTET_STRING, 'salt').value;
  const iterations = checkedIterations(readInt(iter), 'PKCS#12 PBE encryption');
  const pass = bmpPassword(password);
  const key = pkcs12Kdf('sha1', pass, saltBytes, 1, iterations, scheme.keyLength);
  const iv = pkcs12Kdf('sha1', pass, saltBytes, 2, iterations, 8);
  return scheme.cipher === 'rc2'
    ? rc2Cbc(key, iv, data, encrypt)
    : nodeCipher(scheme.cipher, key, iv, data, encrypt);
}

function pbes2(params: Asn1 | undefined, password: string, data: Buffer): Buffer {
  const [kdf, enc] = seqOf(params, 'PBES2 parameters');
  const [kdfOid, kdfParams] = seqOf(kdf, 'key derivation');
  if (readOid(kdfOid) !== OID.pbkdf2)
    throw new UnsupportedAlgorithmError(`key derivation ${readOid(kdfOid)}`);
  const p = seqOf(kdfParams, 'PBKDF2 parameters');
  const salt = expect(p[0], TAG.OCTET_STRING, 'salt').value;
  const iterations = checkedIterations(readInt(p[1]), 'PBES2 (PBKDF2) encryption');
  let prf = 'sha1';
  for (const extra of p.slice(2)) {
    if (extra.tag === TAG.SEQUENCE) {
      const prfOid = readOid(children(extra)[0]);
      const name = PRF[prfOid];
      if (!name) throw new UnsupportedAlgorithmError(`PBKDF2 PRF ${prfOid}`);
      prf = name;
    }
  }
  const [encOid, ivNode] = seqOf(enc, 'encryption scheme');
  const cipherOid = readOid(encOid);
  const cipher = PBES2_CIPHERS[cipherOid];
  if (!cipher) throw new UnsupportedAlgorithmError(`cipher ${cipherOid}`);
  const iv = expect(ivNode, TAG.OCTET_STRING, 'IV').value;
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, prf);
  return nodeCipher(cipher.name, key, iv, data, false);
}

/** Decrypts with the scheme named by an AlgorithmIdentifier. */
export function pbeDecrypt(algorithmId: Asn1, password: string, data: Buffer): Buffer {
  const [algOid, params] = seqOf(algorithmId, 'AlgorithmIdentifier');
  const algorithm = readOid(algOid);
  if (algorithm === OID.pbes2) return pbes2(params, password, data);
  if (PKCS12_PBE[algorithm]) return pkcs12Pbe(algorithm, params, password, data, false);
  throw new UnsupportedAlgorithmError(`encryption ${algorithm}`);
}

export type PbeScheme = 'pbes2-aes256' | 'pkcs12-3des' | 'pkcs12-rc2-40';

/** Encrypts; returns the AlgorithmIdentifier DER and the ciphertext. */
export function pbeEncrypt(
  scheme: PbeScheme,
  password: string,
  data: Buffer,
  iterations: number,
): { algorithm: Buffer; ciphertext: Buffer } {
  if (scheme === 'pbes2-aes256') {
    const salt = randomBytes(16);
    const iv = randomBytes(16);
    const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
    const algorithm = seq(
      oid(OID.pbes2),
      seq(
        seq(
          oid(OID.pbkdf2),
          seq(
            octetString(salt),
            integer(iterations),
            seq(oid(OID.hmacSha256), Buffer.from([5, 0])),
          ),
        ),
        seq(oid(OID.aes256Cbc), octetString(iv)),
      ),
    );
    return { algorithm, ciphertext: nodeCipher('aes-256-cbc', key, iv, data, true) };
  }
  const algOid = scheme === 'pkcs12-3des' ? OID.pbeSha3Des : OID.pbeShaRc2_40;
  const salt = randomBytes(20);
  const params = seq(octetString(salt), integer(iterations));
  const ciphertext = pkcs12Pbe(algOid, parseParams(params), password, data, true);
  return { algorithm: seq(oid(algOid), params), ciphertext };
}

function parseParams(der: Buffer): Asn1 {
  return { tag: TAG.SEQUENCE, constructed: true, value: der.subarray(2), der };
}

export { Asn1Error };
