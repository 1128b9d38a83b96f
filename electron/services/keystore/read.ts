// Reads any supported store from its bytes, detecting the format by content (never by name).
import { MAX_STORE_BYTES, readRegularFileSync } from '../files/bounded-read';
import { FileReadError } from '../files/file-errors';
import { detectFormat } from '../files/detect-format';
import { codecs } from './codecs';
import { corrupt } from './errors';
import { KeystoreError, type Keystore } from './model';
import { describeCertificate } from '../x509/describe';

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
 * a file is damaged; say so here, where the file is named.
 */
function checkCertificates(store: Keystore, file: string | undefined): void {
  const certs = [
    ...store.entries.flatMap((e) => e.chain.map((cert) => ({ cert, alias: e.alias }))),
    ...(store.hiddenCertificates ?? []).map((cert) => ({ cert, alias: undefined })),
  ];
  for (const { cert, alias } of certs) {
    try {
      void cert.publicKey;
      describeCertificate(cert);
    } catch {
      const which = alias === undefined ? 'a certificate' : `a certificate of "${alias}"`;
      throw corrupt(file, store.type, `${which} cannot be decoded`);
    }
  }
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
