// Reads certificates from any file an admin may hold: PEM bundle, DER, PKCS#7 (.p7b, PEM or DER),
// or a keystore (JKS, JCEKS, PKCS12) through the keystore reader.
import { UserFacingError } from '../../../shared/user-error';
import { px } from '../x509/peculiar';
import { X509Certificate } from 'node:crypto';
import { MAX_STORE_BYTES, readRegularFileSync } from '../files/bounded-read';
import { FileReadError } from '../files/file-errors';
import { KeystoreError, type Keystore } from '../keystore/model';
import { readKeystore } from '../keystore/read';

export interface LabelledCertificate {
  cert: X509Certificate;
  /** Keystore alias, when the certificate came from a keystore entry. */
  alias?: string;
}

export interface CertificateFile {
  file: string;
  format: 'PEM' | 'DER' | 'PKCS7' | 'keystore';
  /** Certificates in file order; for a keystore, every entry's chain in entry order. */
  certificates: LabelledCertificate[];
  keystore?: Keystore;
}

/** A file that cannot be used, with a message that names it and says what to do. */
export class CertificateFileError extends UserFacingError {
  constructor(
    message: string,
    readonly file: string,
    readonly code: 'not-found' | 'unreadable' | 'password' | 'empty' = 'unreadable',
  ) {
    super('unreadable', message);
  }
}

const pemBlock = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

function fromPkcs7(der: Uint8Array): X509Certificate[] {
  const bundle = new px.X509Certificates();
  bundle.import(Uint8Array.from(der));
  return bundle.map((c) => new X509Certificate(Buffer.from(c.rawData)));
}

function fromPem(
  text: string,
  file: string,
): { certs: X509Certificate[]; pkcs7: boolean } | undefined {
  const certs: X509Certificate[] = [];
  let pkcs7 = false;
  let found = false;
  for (const match of text.matchAll(pemBlock)) {
    const label = match[1] ?? '';
    const der = Buffer.from((match[2] ?? '').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    try {
      if (
        label === 'CERTIFICATE' ||
        label === 'TRUSTED CERTIFICATE' ||
        label === 'X509 CERTIFICATE'
      ) {
        found = true;
        certs.push(new X509Certificate(der));
      } else if (label === 'PKCS7') {
        found = true;
        pkcs7 = true;
        certs.push(...fromPkcs7(der));
      }
    } catch (err) {
      throw new CertificateFileError(
        `${file}: a ${label} block is not a valid certificate (${(err as Error).message}). Re-export it from its source.`,
        file,
      );
    }
  }
  return found ? { certs, pkcs7 } : undefined;
}

function looksLikeKeystore(bytes: Uint8Array): boolean {
  const magic = Buffer.from(bytes.subarray(0, 4)).toString('hex');
  return magic === 'feedfeed' || magic === 'cececece';
}

function fromKeystore(
  bytes: Uint8Array,
  file: string,
  password: string | undefined,
): CertificateFile {
  let store: Keystore;
  try {
    store = readKeystore(bytes, { ...(password !== undefined ? { password } : {}), file });
  } catch (err) {
    if (err instanceof KeystoreError) {
      const code =
        err.code === 'wrong-password' || err.code === 'password-required'
          ? 'password'
          : 'unreadable';
      throw new CertificateFileError(err.message, file, code);
    }
    throw err;
  }
  const certificates = store.entries.flatMap((entry) =>
    entry.chain.map((cert) => ({ cert, alias: entry.alias })),
  );
  return { file, format: 'keystore', certificates, keystore: store };
}

/** Parses certificate bytes; `password` is only used for keystores. */
export function parseCertificateBytes(
  bytes: Uint8Array,
  file: string,
  password?: string,
): CertificateFile {
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('-----BEGIN ')) {
    const pem = fromPem(text, file);
    if (pem) {
      return {
        file,
        format: pem.pkcs7 ? 'PKCS7' : 'PEM',
        certificates: pem.certs.map((cert) => ({ cert })),
      };
    }
    // PEM with only keys (or other blocks) falls through to the keystore reader, which knows PEM keys.
  }
  if (!looksLikeKeystore(bytes)) {
    try {
      return {
        file,
        format: 'DER',
        certificates: [{ cert: new X509Certificate(Buffer.from(bytes)) }],
      };
    } catch {
      // not one DER certificate: try PKCS#7, then PKCS12 below
    }
    try {
      const certs = fromPkcs7(bytes);
      if (certs.length > 0) {
        return { file, format: 'PKCS7', certificates: certs.map((cert) => ({ cert })) };
      }
    } catch {
      // not PKCS#7 either
    }
  }
  return fromKeystore(bytes, file, password);
}

export function readCertificateFile(file: string, password?: string): CertificateFile {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(file, MAX_STORE_BYTES);
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    if (err.code === 'missing') {
      throw new CertificateFileError(`${file} does not exist. Check the path.`, file, 'not-found');
    }
    throw new CertificateFileError(err.message, file, 'unreadable');
  }
  if (bytes.length === 0) throw new CertificateFileError(`${file} is empty.`, file, 'empty');
  return parseCertificateBytes(bytes, file, password);
}
