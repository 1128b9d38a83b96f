// Terms every certificate we issue shares, whichever encoder writes it: random serials, validity
// from a day count, and the usage choices (server, client, CA). Free of @peculiar/x509, so the
// DER certificate writer (cert-der.ts) loads without it.
import { UserFacingError } from '../../../shared/user-error';
import { randomBytes, type X509Certificate } from 'node:crypto';

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

export class SignError extends UserFacingError {
  constructor(message: string) {
    super('refused', message);
  }
}

/** True when the certificate may sign others (BasicConstraints cA=true). */
export function isCaCertificate(cert: X509Certificate): boolean {
  return cert.ca;
}

export function requireCaCertificate(cert: X509Certificate): void {
  if (!isCaCertificate(cert)) {
    throw new SignError(
      'The signing entry is not a CA certificate (BasicConstraints cA=true); TLS peers would reject ' +
        'what it signs. Create a CA with `rwsec keystore selfsigned --ca`.',
    );
  }
}

/**
 * Validity from now, ending no later than the issuer's certificate; the note says so when days
 * are lost (not for the seconds between the two creations).
 */
export function validityUnder(
  issuer: X509Certificate,
  days: number,
  now?: Date,
): { notBefore: Date; notAfter: Date; note?: string } {
  const range = validity(days, now);
  const issuerEnd = new Date(issuer.validTo);
  if (range.notAfter <= issuerEnd) return range;
  const note =
    range.notAfter.getTime() - issuerEnd.getTime() > 86_400_000
      ? `Validity shortened to end with the CA certificate (${issuerEnd.toISOString()}).`
      : undefined;
  return { notBefore: range.notBefore, notAfter: issuerEnd, ...(note ? { note } : {}) };
}
