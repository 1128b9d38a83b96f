// Reads any supported store from its bytes, detecting the format by content (never by name).
import { MAX_STORE_BYTES, readRegularFileSync } from '../files/bounded-read';
import { FileReadError } from '../files/file-errors';
import { X509Certificate } from 'node:crypto';
import { detectFormat } from '../files/detect-format';
import { Asn1Error } from './asn1';
import { assembleEntries } from './assemble';
import { corrupt, passwordRequired, wrongPassword } from './errors';
import { readJceks } from './jceks';
import { readJks } from './jks';
import { KeystoreError, type Keystore } from './model';
import { parsePem, PemError } from './pem';
import { pkcs7Certificates } from './pkcs7';
import { readPkcs12 } from './pkcs12-read';
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
    case 'JKS':
      return readJks(buf, options);
    case 'JCEKS':
      return readJceks(buf, options);
    case 'PKCS12':
      return readPkcs12(buf, options);
    case 'PEM':
      return readPem(buf, options);
    case 'DER':
      try {
        return { type: 'DER', entries: assembleEntries([], [{ cert: new X509Certificate(buf) }]) };
      } catch {
        throw corrupt(file, 'DER certificate', 'the certificate cannot be parsed');
      }
    case 'PKCS7':
      try {
        const certs = pkcs7Certificates(buf).map((der) => ({ cert: new X509Certificate(der) }));
        return { type: 'PKCS7', entries: assembleEntries([], certs) };
      } catch (err) {
        if (err instanceof KeystoreError) throw err;
        throw corrupt(
          file,
          'PKCS7',
          err instanceof Asn1Error ? err.message : 'a certificate cannot be parsed',
        );
      }
    case 'empty':
      throw new KeystoreError(
        'corrupt',
        `${file ?? 'The keystore'} is empty. It was not modified.`,
        file,
      );
    default:
      throw new KeystoreError(
        'corrupt',
        `${file ?? 'The file'} is not a keystore or certificate file this tool recognises ` +
          '(JKS, JCEKS, PKCS12, PEM, DER or PKCS7), or it is damaged. It was not modified.',
        file,
      );
  }
}

function readPem(buf: Buffer, options: ReadOptions): Keystore {
  const { file } = options;
  try {
    const { keys, certs } = parsePem(buf.toString('utf8'), options.password);
    return { type: 'PEM', entries: assembleEntries(keys, certs) };
  } catch (err) {
    if (!(err instanceof PemError)) throw err;
    if (err.reason === 'password-required') throw passwordRequired(file, `because ${err.message}`);
    if (err.reason === 'wrong-password') throw wrongPassword(file, ` (${err.message})`);
    throw corrupt(file, 'PEM', err.message);
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
