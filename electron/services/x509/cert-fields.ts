// The one certificate reader: the fields node:crypto's X509Certificate does not expose (signature
// algorithm, key usage, extended key usage, basic constraints, key identifiers, names as keytool
// prints them), read once from the DER with der/ and named from der/oids.ts. Both the keytool-style
// description (describe.ts) and the chain verifier's facts (chain/cert-facts.ts) take them from
// here. On der/ rather than @peculiar/x509 because every certificate of every store read is
// described (a JDK cacerts holds ~140): @peculiar/x509 costs ~3 ms a certificate for this, der/ a
// few microseconds, and a store must still list when an extension it does not show is odd. The
// subject alternative names, which only the chain verifier needs structured, come from
// @peculiar/x509 (node:crypto gives them only as escaped text).
import type { X509Certificate } from 'node:crypto';
import {
  children,
  expect,
  parseDer,
  readOid,
  readString,
  seqOf,
  TAG,
  type Asn1,
} from '../der/asn1';
import {
  EXTENDED_KEY_USAGES,
  KEY_USAGES,
  NAME_ATTRIBUTES,
  SIGNATURE_ALGORITHMS,
} from '../der/oids';
import type * as Peculiar from './peculiar';

/**
 * @peculiar/x509 (with reflect-metadata and tsyringe, ~200 modules) loads on the first SAN read,
 * not with every store read: `rwsec validate` starts without it. Sync, as the reader is.
 */
function peculiar(): typeof Peculiar.px {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy load above
  return (require('./peculiar') as typeof Peculiar).px;
}

export interface CertificateFields {
  /** keytool style: most specific RDN first, e.g. "CN=host, O=Org, C=US". */
  subject: string;
  issuer: string;
  subjectCN: string[];
  issuerCN: string[];
  /** ISO dates read from the DER (exact, as keytool shows them). */
  notBefore: string;
  notAfter: string;
  signatureOid: string;
  /** Java's and OpenSSL's names; the dotted OID when unknown. */
  signatureJava: string;
  signatureOpenssl: string;
  /** Absent extension: undefined (not the same as an empty list). */
  keyUsage?: string[];
  extendedKeyUsage?: string[];
  basicConstraints?: { ca: boolean; pathLength?: number };
  /** Lower-case hex. */
  authorityKeyId?: string;
  subjectKeyId?: string;
}

const OID_KEY_USAGE = '2.5.29.15';
const OID_EXT_KEY_USAGE = '2.5.29.37';
const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_AUTHORITY_KEY_ID = '2.5.29.35';
const OID_SUBJECT_KEY_ID = '2.5.29.14';
const OID_RSASSA_PSS = '1.2.840.113549.1.1.10';
const HASH_NAMES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA1',
  '2.16.840.1.101.3.4.2.1': 'SHA256',
  '2.16.840.1.101.3.4.2.2': 'SHA384',
  '2.16.840.1.101.3.4.2.3': 'SHA512',
};

/** Java's X500Name quoting for values with special characters. */
function quote(value: string): string {
  return /[,+=";<>\\#]|^\s|\s$/.test(value) ? `"${value.replace(/(["\\])/g, '\\$1')}"` : value;
}

interface NameAttribute {
  key: string;
  oid: string;
  text: string;
}

function attributes(name: Asn1): NameAttribute[][] {
  return children(expect(name, TAG.SEQUENCE, 'Name')).map((rdn) =>
    children(rdn).map((atv) => {
      const [type, value] = seqOf(atv, 'AttributeTypeAndValue');
      const oid = readOid(type);
      let text: string;
      try {
        text = readString(value);
      } catch {
        text = `#${value?.der.toString('hex') ?? ''}`;
      }
      return { key: NAME_ATTRIBUTES[oid] ?? `OID.${oid}`, oid, text };
    }),
  );
}

/** keytool order: the last RDN (most specific) first. */
function nameText(rdns: NameAttribute[][]): string {
  return rdns
    .map((rdn) => rdn.map((a) => `${a.key}=${quote(a.text)}`).join(' + '))
    .reverse()
    .join(', ');
}

interface ReadName {
  text: string;
  commonNames: string[];
}

/** A name as keytool prints it and its CNs, from one pass over its attributes. */
function readName(name: Asn1 | undefined): ReadName {
  if (!name) return { text: '', commonNames: [] };
  const rdns = attributes(name);
  return {
    text: nameText(rdns),
    commonNames: rdns
      .flat()
      .filter((a) => a.oid === '2.5.4.3')
      .map((a) => a.text),
  };
}

function readTime(node: Asn1 | undefined): string {
  if (!node) return '';
  const s = node.value.toString('latin1');
  const m =
    node.tag === TAG.UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(s);
  if (!m) return '';
  let year = Number(m[1]);
  if (node.tag === TAG.UTC_TIME) year += year < 50 ? 2000 : 1900;
  const date = Date.UTC(
    year,
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
  );
  return new Date(date).toISOString();
}

/** RSASSA-PSS names its hash in the parameters (default SHA-1): "rsassaPss-SHA256". */
function pssName(sigAlg: Asn1[]): string {
  try {
    const params = sigAlg[1] ? children(sigAlg[1]) : [];
    const hashField = params.find((p) => p.tag === 0xa0);
    const hashOid = hashField ? readOid(seqOf(children(hashField)[0], 'hashAlgorithm')[0]) : '';
    return `rsassaPss-${HASH_NAMES[hashOid] ?? (hashOid === '' ? 'SHA1' : hashOid)}`;
  } catch {
    return 'rsassaPss';
  }
}

function keyIdentifier(inner: Asn1, authority: boolean): string | undefined {
  // SKI: OCTET STRING; AKI: SEQUENCE { [0] keyIdentifier OPTIONAL, ... }.
  if (!authority) return inner.tag === TAG.OCTET_STRING ? inner.value.toString('hex') : undefined;
  const id = children(inner).find((n) => n.tag === 0x80);
  return id ? id.value.toString('hex') : undefined;
}

function readExtensions(tbsFields: Asn1[], out: CertificateFields): void {
  const wrapper = tbsFields.find((n) => n.tag === 0xa3);
  if (!wrapper) return;
  for (const ext of seqOf(children(wrapper)[0], 'Extensions')) {
    const parts = children(ext);
    const oid = readOid(parts[0]);
    const value = parts[parts.length - 1];
    if (!value || value.tag !== TAG.OCTET_STRING) continue;
    // Only these are decoded: others may hold anything (even non-DER bytes).
    if (oid === OID_KEY_USAGE) {
      const bits = parseDer(value.value).value.subarray(1);
      out.keyUsage = KEY_USAGES.filter((_, i) => (bits[i >> 3] ?? 0) & (0x80 >> (i & 7)));
    } else if (oid === OID_EXT_KEY_USAGE) {
      out.extendedKeyUsage = children(parseDer(value.value)).map((n) => {
        const o = readOid(n);
        return EXTENDED_KEY_USAGES[o] ?? o;
      });
    } else if (oid === OID_BASIC_CONSTRAINTS) {
      const constraints: { ca: boolean; pathLength?: number } = { ca: false };
      for (const field of children(parseDer(value.value))) {
        if (field.tag === TAG.BOOLEAN) constraints.ca = field.value[0] !== 0;
        if (field.tag === TAG.INTEGER) {
          constraints.pathLength = field.value.reduce((n, b) => n * 256 + b, 0);
        }
      }
      out.basicConstraints = constraints;
    } else if (oid === OID_AUTHORITY_KEY_ID || oid === OID_SUBJECT_KEY_ID) {
      try {
        const id = keyIdentifier(parseDer(value.value), oid === OID_AUTHORITY_KEY_ID);
        if (id) out[oid === OID_AUTHORITY_KEY_ID ? 'authorityKeyId' : 'subjectKeyId'] = id;
      } catch {
        // A damaged key identifier only costs the issuer lookup its shortcut.
      }
    }
  }
}

/**
 * The fields of each certificate already read. A store's certificates are read (and checked) when
 * the store is opened, and read again by whatever shows or verifies them: the chain verifier, the
 * description, the trust source. An X509Certificate never changes, so its fields are read once.
 */
const readFields = new WeakMap<X509Certificate, Readonly<CertificateFields>>();

/**
 * Reads the fields; throws Asn1Error on a certificate whose structure cannot be decoded. The
 * answer is shared between callers (read once per certificate): do not change it.
 */
export function readCertificateFields(cert: X509Certificate): Readonly<CertificateFields> {
  let fields = readFields.get(cert);
  if (!fields) {
    fields = decodeFields(cert);
    readFields.set(cert, fields);
  }
  return fields;
}

function decodeFields(cert: X509Certificate): CertificateFields {
  const [tbs, sigAlgNode] = seqOf(parseDer(cert.raw), 'Certificate');
  const fields = seqOf(tbs, 'TBSCertificate');
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const issuerNode = fields[offset + 2];
  const validity = seqOf(fields[offset + 3], 'Validity');
  const subjectNode = fields[offset + 4];
  const sigAlg = seqOf(sigAlgNode, 'AlgorithmIdentifier');
  const signatureOid = readOid(sigAlg[0]);
  const known = SIGNATURE_ALGORITHMS[signatureOid];
  const subject = readName(subjectNode);
  // Roots and other self-issued certificates (all of a JDK cacerts) name the same DN twice.
  const issuer =
    issuerNode && subjectNode && issuerNode.der.equals(subjectNode.der)
      ? subject
      : readName(issuerNode);
  const out: CertificateFields = {
    subject: subject.text,
    issuer: issuer.text,
    subjectCN: subject.commonNames,
    issuerCN: issuer.commonNames,
    notBefore: readTime(validity[0]),
    notAfter: readTime(validity[1]),
    signatureOid,
    signatureJava: known?.java ?? signatureOid,
    signatureOpenssl:
      signatureOid === OID_RSASSA_PSS ? pssName(sigAlg) : (known?.openssl ?? signatureOid),
  };
  readExtensions(fields, out);
  return out;
}

export interface SubjectAltNames {
  dns: string[];
  ip: string[];
  /** Other kinds as "type:value" (email, url, ...). */
  other: string[];
}

/** The SAN extension's names by kind (empty lists when there is none). */
export function readSubjectAltNames(cert: X509Certificate): SubjectAltNames {
  const out: SubjectAltNames = { dns: [], ip: [], other: [] };
  const px = peculiar();
  const san = new px.X509Certificate(cert.raw).getExtension(px.SubjectAlternativeNameExtension);
  for (const item of san?.names.items ?? []) {
    if (item.type === 'dns') out.dns.push(item.value);
    else if (item.type === 'ip') out.ip.push(item.value);
    else out.other.push(`${item.type}:${item.value}`);
  }
  return out;
}
