// Pieces every certificate we issue shares: serials, validity, key usages, key identifiers.
import { UserFacingError } from '../../../shared/user-error';
import { X509Certificate, randomBytes, type KeyObject } from 'node:crypto';
import { px as x509 } from './peculiar';

export { x509 };

/** Random 16-byte positive serial (top bit clear, first byte non-zero so DER stays minimal). */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

export class ValidityError extends UserFacingError {
  constructor(message: string) {
    super('unreadable', message);
  }
}

/** Validity from now for `days` days (seconds precision, as X.509 encodes it). */
export function validity(days: number, now = new Date()): { notBefore: Date; notAfter: Date } {
  if (!Number.isInteger(days) || days < 1 || days > 36500) {
    throw new ValidityError(
      `Validity must be a whole number of days from 1 to 36500 (got ${days}).`,
    );
  }
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
  return { notBefore, notAfter: new Date(notBefore.getTime() + days * 86_400_000) };
}

export interface UsageOptions {
  serverAuth: boolean;
  clientAuth: boolean;
  /** Issue a CA certificate (BasicConstraints cA=true, keyCertSign). Only on explicit request. */
  ca: boolean;
  pathLength?: number;
}

/** KeyUsage, ExtendedKeyUsage and BasicConstraints for a certificate of this key type. */
export function usageExtensions(usage: UsageOptions, subjectKey: KeyObject): x509.Extension[] {
  const exts: x509.Extension[] = [];
  let ku = x509.KeyUsageFlags.digitalSignature;
  // RSA key exchange (TLS 1.2 RSA suites) needs keyEncipherment; EC keys never encipher.
  if (subjectKey.asymmetricKeyType === 'rsa') ku |= x509.KeyUsageFlags.keyEncipherment;
  if (usage.ca) {
    ku |= x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign;
    exts.push(new x509.BasicConstraintsExtension(true, usage.pathLength, true));
  }
  exts.push(new x509.KeyUsagesExtension(ku, true));
  const eku: string[] = [];
  if (usage.serverAuth) eku.push(x509.ExtendedKeyUsage.serverAuth);
  if (usage.clientAuth) eku.push(x509.ExtendedKeyUsage.clientAuth);
  if (eku.length > 0) exts.push(new x509.ExtendedKeyUsageExtension(eku, false));
  return exts;
}

/** node:crypto's certificate object (the entry model's) for a @peculiar/x509 certificate. */
export function toNodeCertificate(cert: x509.X509Certificate): X509Certificate {
  return new X509Certificate(Buffer.from(cert.rawData));
}

/** @peculiar/x509's view of a node:crypto certificate (for its extensions and names). */
export function toPeculiar(cert: X509Certificate): x509.X509Certificate {
  return new x509.X509Certificate(cert.raw);
}

/** The SANs a certificate carries, in @peculiar/x509's JSON form. */
export function sansOf(
  cert: x509.X509Certificate | x509.Pkcs10CertificateRequest,
): x509.JsonGeneralNames {
  const ext = cert.extensions.find((e) => e.type === '2.5.29.17');
  return ext ? new x509.SubjectAlternativeNameExtension(ext.rawData).names.toJSON() : [];
}
