// What the content rules ask of a certificate: is it valid now, is it weak, whom does it name.
import type { X509Certificate } from 'node:crypto';
import type { Keystore } from '../../keystore/model';
import { describeCertificate, type CertificateDescription } from '../../x509/describe';

export const DAY_MS = 86_400_000;
/** A certificate expiring within this many days gets a warning. */
export const EXPIRY_WARNING_DAYS = 30;

/** Certificates in a store are checked when it is read; a failure here means "do not judge". */
export function describeOrUndefined(cert: X509Certificate): CertificateDescription | undefined {
  try {
    return describeCertificate(cert);
  } catch {
    return undefined;
  }
}

export type Validity =
  | { state: 'valid' }
  | { state: 'expired'; notAfter: string }
  | { state: 'expiring'; notAfter: string; days: number };

export function validityAt(d: CertificateDescription, now: number): Validity {
  const end = Date.parse(d.notAfter);
  if (Number.isNaN(end)) return { state: 'valid' };
  if (end <= now) return { state: 'expired', notAfter: d.notAfter.slice(0, 10) };
  const days = Math.floor((end - now) / DAY_MS);
  if (days < EXPIRY_WARNING_DAYS)
    return { state: 'expiring', notAfter: d.notAfter.slice(0, 10), days };
  return { state: 'valid' };
}

/** Why a server certificate is weak today, or [] when it is not. */
export function weaknesses(d: CertificateDescription): string[] {
  const out: string[] = [];
  if (
    (d.keyAlgorithm === 'RSA' || d.keyAlgorithm === 'RSASSA-PSS' || d.keyAlgorithm === 'DSA') &&
    d.keySize < 2048
  ) {
    out.push(`a ${d.keySize}-bit ${d.keyAlgorithm} key (2048 bits is the minimum today)`);
  }
  if (/^(SHA1|MD5|MD2)with/i.test(d.signatureAlgorithm)) {
    out.push(
      `a ${d.signatureAlgorithm} signature (SHA-1 and MD5 signatures are rejected by browsers and recent Java)`,
    );
  }
  return out;
}

/** Host names and addresses the certificate is valid for (SAN DNS and IP entries). */
export function hostNames(d: CertificateDescription): string[] {
  return d.san.filter((s) => /^(DNS|IP Address):/.test(s));
}

/**
 * The certificates Java trusts in a store: trusted entries and, as the JDK's TrustStoreUtil does,
 * the certificate of each key entry. PKCS12 certificates Java ignores are not among them.
 */
export function trustedCertificates(store: Keystore): { alias: string; cert: X509Certificate }[] {
  return store.entries.flatMap((e) => {
    const cert = e.chain[0];
    return cert ? [{ alias: e.alias, cert }] : [];
  });
}
