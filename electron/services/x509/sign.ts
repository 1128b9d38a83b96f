// Signing a CSR with a CA key entry (keytool -gencert), with the extensions a TLS peer checks:
// the request is read with @peculiar/x509 (csr.ts), the certificate issued by ca-issue.ts.
import { createPublicKey, type KeyObject, type X509Certificate } from 'node:crypto';
import { issueFromCa } from './ca-issue';
import type { UsageOptions } from './cert-terms';
import type { x509 } from './extensions';
import type { SanEntry } from './names';

export { isCaCertificate, SignError } from './cert-terms';

const SAN_OID = '2.5.29.17';

export interface SignOptions {
  days?: number;
  /** Default: serverAuth and clientAuth, not a CA. */
  usage?: Partial<UsageOptions>;
  /** Replaces the SANs the request asks for (default: copy them). */
  san?: readonly SanEntry[];
  now?: Date;
}

export interface SignResult {
  certificate: X509Certificate;
  /** Things the user should know (validity shortened, no SAN, ...). */
  notes: string[];
}

/** Sync underneath (one signature); async for the callers written against the old builder. */
export async function signCsr(
  csr: x509.Pkcs10CertificateRequest,
  issuerCert: X509Certificate,
  issuerKey: KeyObject,
  options: SignOptions = {},
): Promise<SignResult> {
  const requested = csr.extensions.find((e) => e.type === SAN_OID);
  const san =
    options.san ?? (requested ? { extension: Buffer.from(requested.rawData) } : undefined);
  return issueFromCa(
    {
      subject: Buffer.from(csr.subjectName.toArrayBuffer()),
      publicKey: csrPublicKeyObject(csr),
      san,
    },
    { cert: issuerCert, key: issuerKey },
    options,
  );
}

function csrPublicKeyObject(csr: x509.Pkcs10CertificateRequest): KeyObject {
  return createPublicKey({ key: Buffer.from(csr.publicKey.rawData), format: 'der', type: 'spki' });
}
