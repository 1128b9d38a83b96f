// Verdict types shared by the chain verifier, the probe, the CLI and the UI.
// Everything here is plain data (strings, numbers, booleans) so it crosses IPC and `--json` as is.

/** How one check came out: ✓ ok, ✗ fail, ! warn, · info. */
export type Mark = 'ok' | 'fail' | 'warn' | 'info';

export type CheckId =
  | 'signature'
  | 'validity'
  | 'ca-flag'
  | 'path-length'
  | 'key-usage'
  | 'extended-key-usage'
  | 'key-strength'
  | 'signature-algorithm'
  | 'self-signed'
  | 'trust-anchor'
  | 'issuer';

export interface Check {
  id: CheckId;
  mark: Mark;
  message: string;
}

/** Which host-name rule: the standard one, or the one the vendor guide states for RWS. */
export type HostnameRule = 'rfc6125' | 'rws';

export type HostnameStatus = 'match' | 'mismatch' | 'unknown';

export type HostnameField = 'san-dns' | 'san-ip' | 'subject-cn' | 'issuer-cn';

export interface HostnameVerdict {
  rule: HostnameRule;
  host: string;
  /** `unknown`: only a wildcard matches under the RWS rule, and the guide does not say whether RWS honours wildcards. */
  status: HostnameStatus;
  matchedBy?: HostnameField;
  matchedValue?: string;
  message: string;
}

export interface HostnameVerdicts {
  host: string;
  rfc6125: HostnameVerdict;
  rws: HostnameVerdict;
}

/** What the certificate is for: a TLS server (the usual case) or a TLS client (Cassandra mutual TLS). */
export type TlsPurpose = 'server' | 'client';

/** Where a certificate in a built chain came from. */
export type CertificateOrigin = 'given' | 'trust-source';

export type ChainRole = 'leaf' | 'intermediate' | 'root';

export interface CertificateFacts {
  subject: string;
  issuer: string;
  subjectCN: string[];
  issuerCN: string[];
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
  sanDns: string[];
  sanIp: string[];
  /** Other SAN entries as `type:value` (email, URI ...), shown but not used for matching. */
  sanOther: string[];
  keyAlgorithm: string;
  /** RSA modulus bits or EC curve bits; undefined when unknown. */
  keySize?: number;
  /** e.g. `sha256WithRSAEncryption`, `ecdsa-with-SHA256`, `md5WithRSAEncryption`. */
  signatureAlgorithm: string;
  /** Undefined when the certificate has no basicConstraints extension. */
  isCA?: boolean;
  pathLength?: number;
  /** Key usage names (`digitalSignature`, `keyCertSign` ...); undefined when the extension is absent. */
  keyUsage?: string[];
  /** Extended key usage names or OIDs (`serverAuth`, `clientAuth` ...); undefined when absent. */
  extendedKeyUsage?: string[];
  selfIssued: boolean;
}

export interface CertificateReport extends CertificateFacts {
  /** Position in the built chain, leaf = 0. */
  index: number;
  role: ChainRole;
  origin: CertificateOrigin;
  checks: Check[];
}

/**
 * Why a chain is or is not accepted, the most important problem first.
 * `incomplete-chain`: the last certificate is a leaf whose issuer was not supplied (a server that does not
 * send its intermediate); `unknown-ca`: the chain ends at a CA the trust source does not hold.
 */
export type ChainReason =
  | 'trusted'
  | 'bad-signature'
  | 'unknown-ca'
  | 'incomplete-chain'
  | 'self-signed'
  | 'expired'
  | 'not-yet-valid'
  | 'not-a-ca'
  | 'path-length-exceeded'
  | 'wrong-key-usage'
  | 'weak-algorithm'
  | 'name-mismatch'
  | 'no-trust-source';

export interface TrustAnchorInfo {
  /** File path, `JDK cacerts` or `system bundle`. */
  store: string;
  subject: string;
  /** Keystore alias when the trust source is a keystore. */
  alias?: string;
}

export interface ChainVerdict {
  trusted: boolean;
  reason: ChainReason;
  /** Every problem found, the primary one first; empty when trusted. */
  problems: ChainReason[];
  message: string;
}

export interface ChainReport {
  purpose: TlsPurpose;
  /** Names of the trust sources used, in the order they were searched. */
  trustSources: string[];
  certificates: CertificateReport[];
  /** Given certificates that are not part of the built chain (extra or unrelated). */
  unused: CertificateFacts[];
  anchor?: TrustAnchorInfo;
  hostname?: HostnameVerdicts;
  /** Which host-name rule decides `verdict` when a host is given. */
  hostnameRule?: HostnameRule;
  verdict: ChainVerdict;
  /** ISO time the chain was judged at (expiry checks are relative to it). */
  checkedAt: string;
}

export const reasonText: Record<ChainReason, string> = {
  trusted: 'trusted',
  'bad-signature': 'bad signature',
  'unknown-ca': 'unknown CA',
  'incomplete-chain': 'incomplete chain (intermediate missing)',
  'self-signed': 'self-signed certificate not in the trust source',
  expired: 'expired',
  'not-yet-valid': 'not yet valid',
  'not-a-ca': 'issuer is not a CA',
  'path-length-exceeded': 'path length constraint exceeded',
  'wrong-key-usage': 'key usage does not allow this use',
  'weak-algorithm': 'algorithm rejected by Java (MD2/MD5)',
  'name-mismatch': 'name mismatch',
  'no-trust-source': 'no trust source given',
};

/** Why no TLS session could be made (exit 2 of `rwsec probe`). */
export type ProbeFailureKind =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'unreachable'
  | 'not-tls'
  | 'reset'
  | 'handshake'
  | 'no-certificate';

export interface ProbeReport {
  host: string;
  port: number;
  servername?: string;
  /** True when a TLS session was made (then `chain` is present). */
  connected: boolean;
  protocol?: string;
  cipher?: string;
  /** How many certificates the server sent (the served chain is `chain.certificates` with origin `given`). */
  servedCount?: number;
  chain?: ChainReport;
  failure?: { kind: ProbeFailureKind; message: string };
  durationMs: number;
}
