// Certificates written straight in DER and signed with node:crypto. @peculiar/x509's object model
// costs 50-70 ms of main-thread JavaScript per certificate (its ASN.1 schema serialiser, parsers
// and WebCrypto key imports); a 10-node Cassandra kit issues 11 certificates while its keys are
// still being generated on the same cores, so that cost was most of the kit's time over the bare
// key generation. Here a certificate costs its one signature and a few buffer copies. The bytes
// are those @peculiar/x509 wrote for the same inputs (test/unit/cert-der.test.ts).
import { sign, X509Certificate, type KeyObject } from 'node:crypto';
import { explicit, nullValue, oid, parseDer, seq, seqOf, tlv, TAG } from '../der/asn1';
import { signingAlgorithmFor } from './keys';

export interface CertificateSpec {
  /** Positive serial as hex (see randomSerial()). */
  serial: string;
  /** Encoded Names (name-der.ts, or taken from an issuer certificate). */
  subject: Buffer;
  issuer: Buffer;
  notBefore: Date;
  notAfter: Date;
  publicKey: KeyObject;
  /** The issuer's private key (the subject's own for a self-signed certificate). */
  signingKey: KeyObject;
  /** Encoded Extension elements (extensions-der.ts), in the order they are written. */
  extensions: Buffer[];
}

const SIGNATURE_OIDS: Record<string, string> = {
  'RSASSA-PKCS1-v1_5 SHA-256': '1.2.840.113549.1.1.11',
  'ECDSA SHA-256': '1.2.840.10045.4.3.2',
  'ECDSA SHA-384': '1.2.840.10045.4.3.3',
  'ECDSA SHA-512': '1.2.840.10045.4.3.4',
};

/** The AlgorithmIdentifier and node:crypto hash name the key signs with (as signingAlgorithmFor). */
function signatureAlgorithm(key: KeyObject): { der: Buffer; hash: string } {
  const { name, hash } = signingAlgorithmFor(key) as { name: string; hash: string };
  const id = SIGNATURE_OIDS[`${name} ${hash}`];
  if (!id) throw new Error(`No signature algorithm for ${name} with ${hash}`);
  // RSA's parameters are an explicit NULL; ECDSA's are absent (RFC 5758).
  const der = name === 'ECDSA' ? seq(oid(id)) : seq(oid(id), nullValue());
  return { der, hash: hash.replace('-', '').toLowerCase() };
}

/** UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5). */
function time(date: Date): Buffer {
  const digits = date.toISOString().slice(0, 19).replace(/[-T:]/g, '');
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? tlv(TAG.UTC_TIME, Buffer.from(`${digits.slice(2)}Z`, 'ascii'))
    : tlv(TAG.GENERALIZED_TIME, Buffer.from(`${digits}Z`, 'ascii'));
}

/** A signed X.509 v3 certificate. */
export function buildCertificate(spec: CertificateSpec): X509Certificate {
  const algorithm = signatureAlgorithm(spec.signingKey);
  const tbs = seq(
    explicit(0, tlv(TAG.INTEGER, Buffer.from([2]))),
    tlv(TAG.INTEGER, Buffer.from(spec.serial, 'hex')),
    algorithm.der,
    spec.issuer,
    seq(time(spec.notBefore), time(spec.notAfter)),
    spec.subject,
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    ...(spec.extensions.length > 0 ? [explicit(3, seq(...spec.extensions))] : []),
  );
  const signature = sign(algorithm.hash, tbs, { key: spec.signingKey, dsaEncoding: 'der' });
  const bits = tlv(TAG.BIT_STRING, Buffer.from([0]), signature);
  return new X509Certificate(seq(tbs, algorithm.der, bits));
}

/** The encoded subject Name of a certificate (the issuer Name of what it signs). */
export function subjectNameDer(cert: X509Certificate): Buffer {
  const [tbs] = seqOf(parseDer(cert.raw), 'Certificate');
  const fields = seqOf(tbs, 'TBSCertificate');
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const subject = fields[offset + 4];
  if (!subject) throw new Error('certificate without a subject');
  return subject.der;
}
