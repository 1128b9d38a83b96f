// JKS read and write. Keys are protected by Sun's KeyProtector (OID 1.3.6.1.4.1.42.2.17.1.1):
// a SHA-1 keystream from the UTF-16BE password and a 20-byte salt, plus a SHA-1 check digest.
import {
  createHash,
  createPrivateKey,
  randomBytes,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import {
  Asn1Error,
  expect,
  nullValue,
  octetString,
  oid,
  parseDer,
  readOid,
  seq,
  seqOf,
  TAG,
} from '../der/asn1';
import { corrupt, passwordRequired, wrongPassword } from './errors';
import {
  JKS_MAGIC,
  parseJavaStore,
  passwordUtf16be,
  serializeJavaStore,
  StoreFormatError,
  type RawStore,
  type WritableRawEntry,
} from './java-store';
import type { Keystore, StoreEntry } from './model';

export const KEY_PROTECTOR_OID = '1.3.6.1.4.1.42.2.17.1.1';

function keystream(password: Buffer, salt: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  let digest = salt;
  for (let pos = 0; pos < length; pos += 20) {
    digest = createHash('sha1').update(password).update(digest).digest();
    digest.copy(out, pos, 0, Math.min(20, length - pos));
  }
  return out;
}

function xor(a: Buffer, b: Buffer): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/** Returns the PKCS#8 bytes, or undefined when the password does not match the check digest. */
export function unprotectJksKey(
  encryptedPrivateKeyInfo: Buffer,
  password: string,
): Buffer | undefined {
  const [alg, data] = seqOf(parseDer(encryptedPrivateKeyInfo), 'EncryptedPrivateKeyInfo');
  const algOid = readOid(seqOf(alg, 'AlgorithmIdentifier')[0]);
  if (algOid !== KEY_PROTECTOR_OID)
    throw new StoreFormatError(`key protection ${algOid} in a JKS file`);
  const blob = expect(data, TAG.OCTET_STRING, 'protected key').value;
  if (blob.length < 41) throw new StoreFormatError('protected key too short');
  const pass = passwordUtf16be(password);
  const salt = blob.subarray(0, 20);
  const encrypted = blob.subarray(20, blob.length - 20);
  const check = blob.subarray(blob.length - 20);
  const plain = xor(encrypted, keystream(pass, salt, encrypted.length));
  const expected = createHash('sha1').update(pass).update(plain).digest();
  return expected.equals(check) ? plain : undefined;
}

export function protectJksKey(pkcs8: Buffer, password: string): Buffer {
  const pass = passwordUtf16be(password);
  const salt = randomBytes(20);
  const encrypted = xor(pkcs8, keystream(pass, salt, pkcs8.length));
  const check = createHash('sha1').update(pass).update(pkcs8).digest();
  return seq(
    seq(oid(KEY_PROTECTOR_OID), nullValue()),
    octetString(Buffer.concat([salt, encrypted, check])),
  );
}

export type KeyUnprotector = (protectedKey: Buffer, password: string) => Buffer | undefined;

export interface JavaStoreReadOptions {
  password?: string;
  keyPassword?: string;
  file?: string;
}

/**
 * Turns a parsed JKS/JCEKS container into entries; `unprotect` opens a key (undefined = wrong
 * password). `lowerCase` mirrors the JDK (JKS lower-cases aliases, JCEKS keeps them).
 */
export function javaStoreEntries(
  raw: RawStore,
  format: 'JKS' | 'JCEKS',
  unprotect: KeyUnprotector,
  options: JavaStoreReadOptions,
  lowerCase: boolean,
): StoreEntry[] {
  const { file, password } = options;
  const keyPassword = options.keyPassword ?? password;
  const keys = raw.entries.filter((e) => e.tag === 1);
  if (raw.integrity === false) {
    // The trailer did not match: a key that opens with this password proves the password is
    // right, so the bytes must have changed.
    const opens = keys.some((k) => {
      try {
        return unprotect(k.protectedKey, password ?? '') !== undefined;
      } catch {
        return false;
      }
    });
    if (opens)
      throw corrupt(file, format, 'the integrity check failed although the password is right');
    throw wrongPassword(file, ' (or the file was modified: its integrity check failed)');
  }
  if (keys.length > 0 && keyPassword === undefined) {
    throw passwordRequired(file, 'to open its private keys');
  }
  const cert = (der: Buffer): X509Certificate => {
    try {
      return new X509Certificate(der);
    } catch {
      throw corrupt(file, format, 'a certificate cannot be parsed');
    }
  };
  const entries: StoreEntry[] = [];
  for (const e of raw.entries) {
    const alias = lowerCase ? e.alias.toLowerCase() : e.alias;
    if (e.tag === 2) {
      entries.push({ kind: 'trusted', alias, created: e.created, chain: [cert(e.cert)] });
    } else if (e.tag === 1) {
      let pkcs8: Buffer | undefined;
      try {
        pkcs8 = unprotect(e.protectedKey, keyPassword!);
      } catch (err) {
        if (err instanceof Asn1Error || err instanceof StoreFormatError) {
          throw corrupt(file, format, `the key "${alias}" is malformed`);
        }
        throw err;
      }
      if (!pkcs8) {
        throw wrongPassword(
          file,
          options.keyPassword === undefined
            ? ` for the key "${alias}" (its key password differs from the store password; give the key password)`
            : ` for the key "${alias}" (key password)`,
        );
      }
      let privateKey: KeyObject;
      try {
        privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
      } catch {
        throw corrupt(file, format, `the key "${alias}" cannot be decoded`);
      }
      entries.push({
        kind: 'key',
        alias,
        created: e.created,
        chain: e.chain.map(cert),
        privateKey,
      });
    }
  }
  return entries;
}

export function readJks(bytes: Buffer, options: JavaStoreReadOptions = {}): Keystore {
  let raw: RawStore;
  try {
    raw = parseJavaStore(bytes, options.password);
  } catch (err) {
    if (err instanceof StoreFormatError) throw corrupt(options.file, 'JKS', err.message);
    throw err;
  }
  return { type: 'JKS', entries: javaStoreEntries(raw, 'JKS', unprotectJksKey, options, true) };
}

/** Serialises a JKS store; aliases are written as given (callers lower-case them first). */
export function writeJks(store: Keystore, password: string, keyPassword = password): Buffer {
  const entries: WritableRawEntry[] = store.entries.map((e) =>
    e.kind === 'key'
      ? {
          tag: 1,
          alias: e.alias,
          created: e.created,
          chain: e.chain,
          protectedKey: protectJksKey(
            e.privateKey.export({ format: 'der', type: 'pkcs8' }),
            keyPassword,
          ),
        }
      : { tag: 2, alias: e.alias, created: e.created, cert: e.chain[0] },
  );
  return serializeJavaStore(JKS_MAGIC, entries, password);
}
