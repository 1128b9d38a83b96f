// Reads any supported store from its bytes, detecting the format by content (never by name).
import type { X509Certificate } from 'node:crypto';
import { MAX_STORE_BYTES, readRegularFileSync } from '../files/bounded-read';
import { FileReadError } from '../files/file-errors';
import { detectFormat } from '../files/detect-format';
import { codecs } from './codecs';
import { corrupt } from './errors';
import { KeystoreError, type Keystore } from './model';
import { readCertificateFields } from '../x509/cert-fields';

export interface ReadOptions {
  /** Store password (JKS/JCEKS integrity, PKCS12 MAC and bags, encrypted PEM keys). */
  password?: string;
  /** Password of the private keys when it differs from the store password (JKS/JCEKS). */
  keyPassword?: string;
  /** Shown in error messages. */
  file?: string;
}

/**
 * Parses a store. Throws KeystoreError: 'wrong-password', 'password-required', 'corrupt'
 * (truncated, garbled or not a store at all) or 'unsupported'.
 */
export function readKeystore(bytes: Uint8Array, options: ReadOptions = {}): Keystore {
  const store = readAnyFormat(bytes, options);
  checkCertificates(store, options.file);
  return store;
}

/**
 * OpenSSL parses a certificate lazily: one whose public key or key usage is garbled still makes
 * an X509Certificate, and fails later in whatever reads it (describe, chain checks, kits). Such
 * a file is damaged; say so here, where the file is named. What can fail is checked: the public
 * key and the fields the one certificate reader decodes (read once, kept for the later readers).
 * Fingerprints, serial and the SAN text are node:crypto getters that do not throw on a
 * certificate it parsed.
 */
function checkCertificates(store: Keystore, file: string | undefined): void {
  const check = (cert: X509Certificate, alias: string | undefined): void => {
    try {
      void cert.publicKey;
      readCertificateFields(cert);
    } catch {
      const which = alias === undefined ? 'a certificate' : `a certificate of "${alias}"`;
      throw corrupt(file, store.type, `${which} cannot be decoded`);
    }
  };
  for (const entry of store.entries) for (const cert of entry.chain) check(cert, entry.alias);
  for (const cert of store.hiddenCertificates ?? []) check(cert, undefined);
}

function readAnyFormat(bytes: Uint8Array, options: ReadOptions): Keystore {
  const buf = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { file } = options;
  const { format } = detectFormat(buf);
  switch (format) {
    case 'empty':
      throw new KeystoreError(
        'corrupt',
        `${file ?? 'The keystore'} is empty. It was not modified.`,
        file,
      );
    case 'unknown':
      throw new KeystoreError(
        'corrupt',
        `${file ?? 'The file'} is not a keystore or certificate file this tool recognises ` +
          '(JKS, JCEKS, PKCS12, PEM, DER or PKCS7), or it is damaged. It was not modified.',
        file,
      );
    default:
      return codecs[format].read(buf, options);
  }
}

/**
 * Reads a store file (never modifies it); a missing file is KeystoreError 'not-found'. The bytes
 * read come back too, for saveStore's `expectedOriginal` when the store is to be changed.
 */
export function readKeystoreFile(
  file: string,
  options: Omit<ReadOptions, 'file'> = {},
): { store: Keystore; bytes: Buffer } {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(file, MAX_STORE_BYTES);
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    throw new KeystoreError(err.code === 'missing' ? 'not-found' : 'corrupt', err.message, file);
  }
  return { store: readKeystore(bytes, { ...options, file }), bytes };
}
