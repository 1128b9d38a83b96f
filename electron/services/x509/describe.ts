// A plain, JSON-ready description of a certificate (what `keystore list --json` and the UI show).
// node:crypto's X509Certificate has no signature algorithm, key usage or basic constraints, so
// those (and keytool-style names and exact dates) come from the one certificate reader.
import type { X509Certificate } from 'node:crypto';
import { CURVES } from '../der/oids';
import { readCertificateFields } from './cert-fields';

export interface CertificateDescription {
  /** keytool style: most specific RDN first, e.g. "CN=host, O=Org, C=US". */
  subject: string;
  issuer: string;
  /** Lower-case hex without leading zeros, as keytool prints it. */
  serial: string;
  notBefore: string;
  notAfter: string;
  /** Colon-separated upper-case hex, as keytool prints it. */
  sha256: string;
  sha1: string;
  /** RSA, EC, Ed25519, DSA ... */
  keyAlgorithm: string;
  /** RSA modulus bits; EC curve size. */
  keySize: number;
  /** EC only, as Java names it (secp256r1, secp384r1 ...). */
  curve?: string;
  /** Java name, e.g. SHA256withRSA. */
  signatureAlgorithm: string;
  /** e.g. ["DNS:host", "IP Address:127.0.0.1"]. */
  san: string[];
  /** e.g. ["digitalSignature", "keyEncipherment"]. */
  keyUsage: string[];
  /** Names where known (serverAuth, clientAuth ...), else dotted OIDs. */
  extendedKeyUsage: string[];
  isCA: boolean;
  /** BasicConstraints pathLenConstraint, when present. */
  pathLen?: number;
  /** Subject and authority key identifiers, colon-separated upper-case hex, when present. */
  subjectKeyId?: string;
  authorityKeyId?: string;
}

/** "a1b2" -> "A1:B2", the way fingerprints are written. */
function colonHex(hex: string): string {
  return (hex.toUpperCase().match(/../g) ?? []).join(':');
}

function splitSan(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/, (?=(?:DNS|IP Address|email|URI|DirName|othername|Registered ID):)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function keyFacts(
  cert: X509Certificate,
): Pick<CertificateDescription, 'keyAlgorithm' | 'keySize' | 'curve'> {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { keyAlgorithm: 'RSA', keySize: details.modulusLength ?? 0 };
    case 'rsa-pss':
      return { keyAlgorithm: 'RSASSA-PSS', keySize: details.modulusLength ?? 0 };
    case 'dsa':
      return { keyAlgorithm: 'DSA', keySize: details.modulusLength ?? 0 };
    case 'ec': {
      const curve = CURVES[details.namedCurve ?? ''];
      return {
        keyAlgorithm: 'EC',
        keySize: curve?.bits ?? 0,
        curve: curve?.java ?? details.namedCurve ?? 'unknown',
      };
    }
    case 'ed25519':
      return { keyAlgorithm: 'Ed25519', keySize: 255 };
    case 'ed448':
      return { keyAlgorithm: 'Ed448', keySize: 448 };
    default:
      return { keyAlgorithm: String(key.asymmetricKeyType ?? 'unknown').toUpperCase(), keySize: 0 };
  }
}

export function describeCertificate(cert: X509Certificate): CertificateDescription {
  const fields = readCertificateFields(cert);
  const serial = cert.serialNumber.toLowerCase().replace(/^0+(?=.)/, '');
  return {
    subject: fields.subject,
    issuer: fields.issuer,
    serial,
    notBefore: fields.notBefore,
    notAfter: fields.notAfter,
    sha256: cert.fingerprint256,
    sha1: cert.fingerprint,
    ...keyFacts(cert),
    signatureAlgorithm: fields.signatureJava,
    san: splitSan(cert.subjectAltName),
    // Copies: the fields are shared by every reader of this certificate.
    keyUsage: [...(fields.keyUsage ?? [])],
    extendedKeyUsage: [...(fields.extendedKeyUsage ?? [])],
    isCA: fields.basicConstraints?.ca ?? false,
    ...(fields.basicConstraints?.pathLength !== undefined
      ? { pathLen: fields.basicConstraints.pathLength }
      : {}),
    ...(fields.subjectKeyId ? { subjectKeyId: colonHex(fields.subjectKeyId) } : {}),
    ...(fields.authorityKeyId ? { authorityKeyId: colonHex(fields.authorityKeyId) } : {}),
  };
}
