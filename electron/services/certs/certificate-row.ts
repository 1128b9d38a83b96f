// One certificate as an inventory row: the facts an administrator needs to renew it in time.
import type { X509Certificate } from 'node:crypto';
import {
  expiryState,
  type CertificateRole,
  type InventoryCertificate,
} from '../../../shared/certs/inventory';
import { describeCertificate } from '../x509/describe';

/**
 * The first CN of a node:crypto name ("CN=a\nO=b"), unescaped, or "" when there is none. Node
 * escapes special characters with a backslash (RFC 4514) and joins multi-valued RDNs with " + ".
 */
export function commonName(name: string): string {
  const line = name.split('\n').find((l) => l.startsWith('CN='));
  if (!line) return '';
  const value = line.slice(3).split(/(?<!\\) \+ /)[0] ?? '';
  return value.replace(/\\(.)/g, '$1').trim();
}

export interface RowPlace {
  role: CertificateRole;
  node: string;
  file: string;
  alias?: string;
  index: number;
  configKey: string;
  origin: InventoryCertificate['origin'];
}

export interface RowClock {
  now: number;
  warnDays: number;
}

export function certificateRow(
  cert: X509Certificate,
  place: RowPlace,
  clock: RowClock,
): InventoryCertificate {
  const d = describeCertificate(cert);
  const { state, daysLeft } = expiryState(d.notBefore, d.notAfter, clock.now, clock.warnDays);
  return {
    role: place.role,
    subject: d.subject,
    issuer: d.issuer,
    subjectCN: commonName(cert.subject),
    issuerCN: commonName(cert.issuer),
    serial: d.serial,
    san: d.san,
    notBefore: d.notBefore,
    notAfter: d.notAfter,
    daysLeft,
    state,
    sha256: d.sha256,
    node: place.node,
    file: place.file,
    ...(place.alias !== undefined ? { alias: place.alias } : {}),
    index: place.index,
    configKey: place.configKey,
    origin: place.origin,
  };
}

/** A self-signed certificate: issuer equals subject and its own key verifies it. */
export function isSelfSigned(cert: X509Certificate): boolean {
  if (cert.subject !== cert.issuer) return false;
  try {
    return cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

/** The role of a certificate at `index` of a chain a server presents (leaf first). */
export function chainRole(cert: X509Certificate, index: number): CertificateRole {
  if (index === 0) return 'server';
  return isSelfSigned(cert) ? 'root' : 'intermediate';
}
