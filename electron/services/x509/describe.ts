// A plain, JSON-ready description of a certificate (what `keystore list --json` and the UI show).
// node:crypto's X509Certificate has no signature algorithm, key usage or basic constraints, so
// those (and keytool-style names and exact dates) are read from the DER.
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
} from '../keystore/asn1';
import type { Keystore, StoreType } from '../keystore/model';

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
}

export interface EntryDescription {
  alias: string;
  kind: 'key' | 'trusted';
  created: string;
  chain: CertificateDescription[];
}

export interface StoreDescription {
  type: StoreType;
  entries: EntryDescription[];
}

const SIGNATURES: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'MD5withRSA',
  '1.2.840.113549.1.1.5': 'SHA1withRSA',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'SHA256withRSA',
  '1.2.840.113549.1.1.12': 'SHA384withRSA',
  '1.2.840.113549.1.1.13': 'SHA512withRSA',
  '1.2.840.113549.1.1.14': 'SHA224withRSA',
  '1.2.840.10045.4.1': 'SHA1withECDSA',
  '1.2.840.10045.4.3.1': 'SHA224withECDSA',
  '1.2.840.10045.4.3.2': 'SHA256withECDSA',
  '1.2.840.10045.4.3.3': 'SHA384withECDSA',
  '1.2.840.10045.4.3.4': 'SHA512withECDSA',
  '1.2.840.10040.4.3': 'SHA1withDSA',
  '2.16.840.1.101.3.4.3.2': 'SHA256withDSA',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

const NAME_ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SURNAME',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.42': 'GIVENNAME',
  '1.2.840.113549.1.9.1': 'EMAILADDRESS',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

const EXTENDED_KEY_USAGES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};

const CURVES: Record<string, { name: string; bits: number }> = {
  prime256v1: { name: 'secp256r1', bits: 256 },
  secp256k1: { name: 'secp256k1', bits: 256 },
  secp384r1: { name: 'secp384r1', bits: 384 },
  secp521r1: { name: 'secp521r1', bits: 521 },
  prime192v1: { name: 'secp192r1', bits: 192 },
  secp224r1: { name: 'secp224r1', bits: 224 },
};

/** Java's X500Name quoting for values with special characters. */
function quote(value: string): string {
  return /[,+=";<>\\#]|^\s|\s$/.test(value) ? `"${value.replace(/(["\\])/g, '\\$1')}"` : value;
}

/** keytool order: the last RDN (most specific) first. */
export function formatName(name: Asn1): string {
  const rdns = children(expect(name, TAG.SEQUENCE, 'Name')).map((rdn) =>
    children(rdn)
      .map((atv) => {
        const [type, value] = seqOf(atv, 'AttributeTypeAndValue');
        const oid = readOid(type);
        const key = NAME_ATTRIBUTES[oid] ?? `OID.${oid}`;
        let text: string;
        try {
          text = readString(value);
        } catch {
          text = `#${value?.der.toString('hex') ?? ''}`;
        }
        return `${key}=${quote(text)}`;
      })
      .join(' + '),
  );
  return rdns.reverse().join(', ');
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

interface Extensions {
  keyUsage: string[];
  extendedKeyUsage: string[];
  isCA: boolean;
  pathLen?: number;
}

const SHOWN_EXTENSIONS = new Set(['2.5.29.15', '2.5.29.37', '2.5.29.19']);

function readExtensions(tbsFields: Asn1[]): Extensions {
  const out: Extensions = { keyUsage: [], extendedKeyUsage: [], isCA: false };
  const wrapper = tbsFields.find((n) => n.tag === 0xa3);
  if (!wrapper) return out;
  for (const ext of seqOf(children(wrapper)[0], 'Extensions')) {
    const parts = children(ext);
    const oid = readOid(parts[0]);
    const value = parts[parts.length - 1];
    // Only the extensions shown are decoded: others may hold anything (even non-DER bytes).
    if (!value || value.tag !== TAG.OCTET_STRING || !SHOWN_EXTENSIONS.has(oid)) continue;
    const inner = parseDer(value.value);
    if (oid === '2.5.29.15') {
      const bits = inner.value.subarray(1);
      KEY_USAGES.forEach((name, i) => {
        if ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) out.keyUsage.push(name);
      });
    } else if (oid === '2.5.29.37') {
      out.extendedKeyUsage = children(inner).map((n) => {
        const o = readOid(n);
        return EXTENDED_KEY_USAGES[o] ?? o;
      });
    } else if (oid === '2.5.29.19') {
      for (const field of children(inner)) {
        if (field.tag === TAG.BOOLEAN) out.isCA = field.value[0] !== 0;
        if (field.tag === TAG.INTEGER) out.pathLen = field.value.reduce((n, b) => n * 256 + b, 0);
      }
    }
  }
  return out;
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
        curve: curve?.name ?? details.namedCurve ?? 'unknown',
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
  const [tbs, sigAlg] = seqOf(parseDer(cert.raw), 'Certificate');
  const fields = seqOf(tbs, 'TBSCertificate');
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const issuer = fields[offset + 2];
  const validity = seqOf(fields[offset + 3], 'Validity');
  const subject = fields[offset + 4];
  const sigOid = readOid(seqOf(sigAlg, 'AlgorithmIdentifier')[0]);
  const serial = cert.serialNumber.toLowerCase().replace(/^0+(?=.)/, '');
  return {
    subject: subject ? formatName(subject) : '',
    issuer: issuer ? formatName(issuer) : '',
    serial,
    notBefore: readTime(validity[0]),
    notAfter: readTime(validity[1]),
    sha256: cert.fingerprint256,
    sha1: cert.fingerprint,
    ...keyFacts(cert),
    signatureAlgorithm: SIGNATURES[sigOid] ?? sigOid,
    san: splitSan(cert.subjectAltName),
    ...readExtensions(fields),
  };
}

/** The `rwsec keystore list --json` shape. */
export function describeStore(store: Keystore): StoreDescription {
  return {
    type: store.type,
    entries: store.entries.map((entry) => ({
      alias: entry.alias,
      kind: entry.kind,
      created: entry.created.toISOString(),
      chain: entry.chain.map(describeCertificate),
    })),
  };
}
