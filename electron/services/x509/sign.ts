// Signing a CSR with a CA key entry (keytool -gencert), with the extensions a TLS peer checks.
import { UserFacingError } from '../../../shared/user-error';
import { createPublicKey, type KeyObject, type X509Certificate } from 'node:crypto';
import { signingAlgorithmFor, toWebPrivateKey } from './keys';
import type { SanEntry } from './names';
import {
  randomSerial,
  sansOf,
  toNodeCertificate,
  toPeculiar,
  usageExtensions,
  validity,
  x509,
  type UsageOptions,
} from './extensions';

export class SignError extends UserFacingError {
  constructor(message: string) {
    super('refused', message);
  }
}

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

/** True when the certificate may sign others (BasicConstraints cA=true). */
export function isCaCertificate(cert: X509Certificate): boolean {
  return cert.ca;
}

export async function signCsr(
  csr: x509.Pkcs10CertificateRequest,
  issuerCert: X509Certificate,
  issuerKey: KeyObject,
  options: SignOptions = {},
): Promise<SignResult> {
  const notes: string[] = [];
  if (!isCaCertificate(issuerCert)) {
    throw new SignError(
      'The signing entry is not a CA certificate (BasicConstraints cA=true); TLS peers would reject ' +
        'what it signs. Create a CA with `rwsec keystore selfsigned --ca`.',
    );
  }
  const issuer = toPeculiar(issuerCert);
  const usage: UsageOptions = { serverAuth: true, clientAuth: true, ca: false, ...options.usage };
  const range = validity(options.days ?? 365, options.now);
  const notBefore = range.notBefore;
  let notAfter = range.notAfter;
  const issuerEnd = new Date(issuerCert.validTo);
  if (notAfter > issuerEnd) {
    // Only worth a word when days are lost, not the seconds between the two creations.
    if (notAfter.getTime() - issuerEnd.getTime() > 86_400_000) {
      notes.push(`Validity shortened to end with the CA certificate (${issuerEnd.toISOString()}).`);
    }
    notAfter = issuerEnd;
  }
  const san = options.san ?? sansOf(csr);
  if (san.length === 0)
    notes.push(
      'The certificate has no subjectAltName: clients that check host names will reject it.',
    );

  const issuerSki = issuer.getExtension(x509.SubjectKeyIdentifierExtension);
  const extensions: x509.Extension[] = [
    ...usageExtensions(usage, csrPublicKeyObject(csr)),
    await x509.SubjectKeyIdentifierExtension.create(csr.publicKey),
    issuerSki
      ? new x509.AuthorityKeyIdentifierExtension(issuerSki.keyId)
      : await x509.AuthorityKeyIdentifierExtension.create(issuer.publicKey),
  ];
  if (san.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension([...san], false));

  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: csr.subjectName,
    issuer: issuer.subjectName,
    notBefore,
    notAfter,
    publicKey: csr.publicKey,
    signingKey: await toWebPrivateKey(issuerKey),
    signingAlgorithm: signingAlgorithmFor(issuerKey),
    extensions,
  });
  return { certificate: toNodeCertificate(cert), notes };
}

function csrPublicKeyObject(csr: x509.Pkcs10CertificateRequest): KeyObject {
  return createPublicKey({ key: Buffer.from(csr.publicKey.rawData), format: 'der', type: 'spki' });
}
