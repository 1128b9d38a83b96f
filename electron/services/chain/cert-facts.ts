// Everything the chain verifier needs to know about one certificate, read once.
// node:crypto gives names, validity, fingerprints and keys; @peculiar/x509 gives the extensions
// (key usage bits, EKU, basic constraints, AKI/SKI) that node:crypto does not expose.
import 'reflect-metadata';
import * as px from '@peculiar/x509';
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

const keyUsageNames: [px.KeyUsageFlags, string][] = [
  [px.KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [px.KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [px.KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [px.KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [px.KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [px.KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [px.KeyUsageFlags.cRLSign, 'cRLSign'],
  [px.KeyUsageFlags.encipherOnly, 'encipherOnly'],
  [px.KeyUsageFlags.decipherOnly, 'decipherOnly'],
];

export const ekuNames: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};

const signatureOids: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
};

const curveBits: Record<string, number> = {
  prime256v1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
  secp224r1: 224,
  secp192k1: 192,
  prime192v1: 192,
};

function signatureAlgorithmName(p: px.X509Certificate): string {
  let algorithm: { name?: string; hash?: { name?: string } } = {};
  try {
    algorithm = p.signatureAlgorithm as typeof algorithm;
  } catch {
    return 'unknown';
  }
  const name = algorithm.name ?? 'unknown';
  if (signatureOids[name]) return signatureOids[name];
  const hash = (algorithm.hash?.name ?? '').replace('-', '');
  if (name === 'RSASSA-PKCS1-v1_5') return `${hash.toLowerCase()}WithRSAEncryption`;
  if (name === 'ECDSA') return `ecdsa-with-${hash}`;
  if (name === 'RSA-PSS') return `rsassaPss-${hash}`;
  return name;
}

function keySize(cert: X509Certificate): number | undefined {
  const details = cert.publicKey.asymmetricKeyDetails;
  if (details?.modulusLength) return details.modulusLength;
  if (details?.namedCurve) return curveBits[details.namedCurve];
  const type = cert.publicKey.asymmetricKeyType;
  if (type === 'ed25519') return 256;
  if (type === 'ed448') return 456;
  return undefined;
}

/** The CN values of a node:crypto distinguished name (one `key=value` per line, escaped). */
function commonNames(p: px.Name): string[] {
  try {
    return p.getField('CN');
  } catch {
    return [];
  }
}

function oneLine(dn: string): string {
  return dn.split('\n').join(', ');
}

function readFacts(cert: X509Certificate): {
  facts: CertificateFacts;
  authorityKeyId?: string;
  subjectKeyId?: string;
} {
  const p = new px.X509Certificate(cert.raw);
  const san = p.getExtension(px.SubjectAlternativeNameExtension);
  const sanDns: string[] = [];
  const sanIp: string[] = [];
  const sanOther: string[] = [];
  for (const item of san?.names.items ?? []) {
    if (item.type === 'dns') sanDns.push(item.value);
    else if (item.type === 'ip') sanIp.push(item.value);
    else sanOther.push(`${item.type}:${item.value}`);
  }
  const ku = p.getExtension(px.KeyUsagesExtension);
  const eku = p.getExtension(px.ExtendedKeyUsageExtension);
  const bc = p.getExtension(px.BasicConstraintsExtension);
  const aki = p.getExtension(px.AuthorityKeyIdentifierExtension);
  const ski = p.getExtension(px.SubjectKeyIdentifierExtension);
  const size = keySize(cert);
  const facts: CertificateFacts = {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    subjectCN: commonNames(p.subjectName),
    issuerCN: commonNames(p.issuerName),
    serialNumber: cert.serialNumber.toLowerCase(),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    sha256: cert.fingerprint256,
    sanDns,
    sanIp,
    sanOther,
    keyAlgorithm: (cert.publicKey.asymmetricKeyType ?? 'unknown').toUpperCase(),
    ...(size !== undefined ? { keySize: size } : {}),
    signatureAlgorithm: signatureAlgorithmName(p),
    ...(bc ? { isCA: bc.ca } : {}),
    ...(bc?.pathLength !== undefined ? { pathLength: bc.pathLength } : {}),
    ...(ku
      ? { keyUsage: keyUsageNames.filter(([bit]) => (ku.usages & bit) !== 0).map(([, n]) => n) }
      : {}),
    ...(eku ? { extendedKeyUsage: eku.usages.map((u) => ekuNames[String(u)] ?? String(u)) } : {}),
    selfIssued: cert.subject === cert.issuer,
  };
  return {
    facts,
    ...(aki?.keyId ? { authorityKeyId: aki.keyId.toLowerCase() } : {}),
    ...(ski?.keyId ? { subjectKeyId: ski.keyId.toLowerCase() } : {}),
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
