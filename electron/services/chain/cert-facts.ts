// Everything the chain verifier needs to know about one certificate, read once.
// node:crypto gives names, validity, fingerprints and keys; the one certificate reader
// (x509/cert-fields.ts) gives what node:crypto does not expose: extensions, CNs, signature.
import { CURVES } from '../der/oids';
import { readCertificateFields, readSubjectAltNames } from '../x509/cert-fields';
import type { X509Certificate } from 'node:crypto';
import type { CertificateFacts } from '../../../shared/tls/verdicts';

export interface ParsedCertificate {
  cert: X509Certificate;
  readonly facts: CertificateFacts;
  /** Hex, lower case; undefined when the extension is absent. */
  readonly authorityKeyId?: string | undefined;
  readonly subjectKeyId?: string | undefined;
  notBefore: Date;
  notAfter: Date;
}

function keySize(cert: X509Certificate): number | undefined {
  const details = cert.publicKey.asymmetricKeyDetails;
  if (details?.modulusLength) return details.modulusLength;
  if (details?.namedCurve) return CURVES[details.namedCurve]?.bits;
  const type = cert.publicKey.asymmetricKeyType;
  if (type === 'ed25519') return 256;
  if (type === 'ed448') return 456;
  return undefined;
}

function oneLine(dn: string): string {
  return dn.split('\n').join(', ');
}

function readFacts(cert: X509Certificate): {
  facts: CertificateFacts;
  authorityKeyId?: string;
  subjectKeyId?: string;
} {
  const fields = readCertificateFields(cert);
  const san = readSubjectAltNames(cert);
  const bc = fields.basicConstraints;
  const size = keySize(cert);
  const facts: CertificateFacts = {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    // Copies: the fields are shared by every reader of this certificate.
    subjectCN: [...fields.subjectCN],
    issuerCN: [...fields.issuerCN],
    serialNumber: cert.serialNumber.toLowerCase(),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    sha256: cert.fingerprint256,
    sanDns: san.dns,
    sanIp: san.ip,
    sanOther: san.other,
    keyAlgorithm: (cert.publicKey.asymmetricKeyType ?? 'unknown').toUpperCase(),
    ...(size !== undefined ? { keySize: size } : {}),
    signatureAlgorithm: fields.signatureOpenssl,
    ...(bc ? { isCA: bc.ca } : {}),
    ...(bc?.pathLength !== undefined ? { pathLength: bc.pathLength } : {}),
    ...(fields.keyUsage ? { keyUsage: [...fields.keyUsage] } : {}),
    ...(fields.extendedKeyUsage ? { extendedKeyUsage: [...fields.extendedKeyUsage] } : {}),
    selfIssued: cert.subject === cert.issuer,
  };
  return {
    facts,
    ...(fields.authorityKeyId ? { authorityKeyId: fields.authorityKeyId } : {}),
    ...(fields.subjectKeyId ? { subjectKeyId: fields.subjectKeyId } : {}),
  };
}

/**
 * Extension parsing is the slow part (~3 ms a certificate), so it waits until asked: a trust source
 * of 144 anchors costs only node's parse until an anchor's name matches.
 */
export function parseCertificate(cert: X509Certificate): ParsedCertificate {
  let read: ReturnType<typeof readFacts> | undefined;
  const facts = (): ReturnType<typeof readFacts> => (read ??= readFacts(cert));
  return {
    cert,
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    get facts() {
      return facts().facts;
    },
    get authorityKeyId() {
      return facts().authorityKeyId;
    },
    get subjectKeyId() {
      return facts().subjectKeyId;
    },
  };
}
