// The certificate inventory of one RWS deployment: every certificate its application.yaml depends
// on, where it lives and when it expires. Produced by `rwsec certs` (and its --json), read by the
// Certificates page and turned into Prometheus metrics. Pure data: no Node, no DOM.

/**
 * What the certificate is to RWS: the HTTPS server's own certificate, an intermediate of a chain,
 * the self-signed root at the end of a served chain, or a trust anchor (every certificate in a
 * trust file is one, CA or not, as in Java's PKIX).
 */
export type CertificateRole = 'server' | 'intermediate' | 'root' | 'trust-anchor';

export const roleText: Record<CertificateRole, string> = {
  server: 'server certificate',
  intermediate: 'intermediate',
  root: 'root CA',
  'trust-anchor': 'trust anchor',
};

/** expired; expiring = within the warning window; valid; not-yet-valid = before notBefore. */
export type ExpiryState = 'expired' | 'expiring' | 'valid' | 'not-yet-valid';

export interface InventoryCertificate {
  role: CertificateRole;
  subject: string;
  issuer: string;
  /** Empty when the name has no CN. */
  subjectCN: string;
  issuerCN: string;
  /** Lower-case hex, as keytool prints it. */
  serial: string;
  /** e.g. ["DNS:rws.example.com", "IP Address:10.0.0.5"]. */
  san: string[];
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  /** Whole days until notAfter, rounded down; negative once expired. */
  daysLeft: number;
  state: ExpiryState;
  sha256: string;
  /** The host the file or endpoint belongs to. */
  node: string;
  /** Absolute path of the store, or HOST:PORT for a probed endpoint. */
  file: string;
  /** Keystore alias (absent for PEM files and probed chains). */
  alias?: string;
  /** Position in its chain or file (0 = first). */
  index: number;
  /** The application.yaml key that brings this certificate in. */
  configKey: string;
  /** Read from a file, or served by an endpoint (--probe). */
  origin: 'file' | 'probe';
}

export type ReadErrorKind =
  'missing' | 'wrong-password' | 'password-unknown' | 'unreadable' | 'unreachable';

export interface InventoryReadError {
  node: string;
  file: string;
  configKey: string;
  kind: ReadErrorKind;
  /** Names the file and what to do; never holds a password. */
  message: string;
}

/** The JVM's cacerts, which RWS uses where a `*TrustedCA: true` flag says so: summarised only. */
export interface CacertsSummary {
  node: string;
  file: string;
  configKeys: string[];
  count: number;
  expired: number;
  /** The earliest notAfter among its certificates (ISO), when it holds any. */
  earliestNotAfter?: string;
}

export interface Inventory {
  /** The application.yaml the inventory was taken from. */
  config: string;
  node: string;
  /** ISO time the days were counted from. */
  takenAt: string;
  warnDays: number;
  /** Sorted by days left, soonest first. */
  certificates: InventoryCertificate[];
  errors: InventoryReadError[];
  cacerts: CacertsSummary[];
}

export const DAY_MS = 86_400_000;

export function expiryState(
  notBefore: string,
  notAfter: string,
  now: number,
  warnDays: number,
): { state: ExpiryState; daysLeft: number } {
  const end = Date.parse(notAfter);
  const daysLeft = Math.floor((end - now) / DAY_MS);
  if (end <= now) return { state: 'expired', daysLeft };
  if (end - now < warnDays * DAY_MS) return { state: 'expiring', daysLeft };
  if (Date.parse(notBefore) > now) return { state: 'not-yet-valid', daysLeft };
  return { state: 'valid', daysLeft };
}

/** Soonest expiry first; ties by file, alias and position so the order is stable. */
export function compareByDaysLeft(a: InventoryCertificate, b: InventoryCertificate): number {
  return (
    Date.parse(a.notAfter) - Date.parse(b.notAfter) ||
    a.node.localeCompare(b.node) ||
    a.file.localeCompare(b.file) ||
    (a.alias ?? '').localeCompare(b.alias ?? '') ||
    a.index - b.index
  );
}

/** 0 nothing due, 1 a certificate expires within the window (or has expired), 2 a file unreadable. */
export function inventoryExitCode(inventory: Pick<Inventory, 'certificates' | 'errors'>): number {
  if (inventory.errors.length > 0) return 2;
  return inventory.certificates.some((c) => c.state === 'expired' || c.state === 'expiring')
    ? 1
    : 0;
}
