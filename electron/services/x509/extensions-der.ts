// The certificate extensions we issue, written straight in DER (see cert-der.ts for why):
// BasicConstraints, KeyUsage, ExtendedKeyUsage, the key identifiers and subjectAltName, with the
// same choices keytool makes for a TLS server, client or CA certificate.
import { createHash, type KeyObject } from 'node:crypto';
import { parseDer, seqOf, tlv, oid, seq, octetString, TAG } from '../der/asn1';
import type { UsageOptions } from './cert-terms';
import type { SanEntry } from './names';

const OID = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

/** KeyUsage bit numbers (RFC 5280 4.2.1.3). */
const KU = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5, cRLSign: 6 };

const TRUE = Buffer.from([TAG.BOOLEAN, 1, 0xff]);

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), TRUE, octetString(value)) : seq(oid(id), octetString(value));
}

function smallInteger(n: number): Buffer {
  return tlv(TAG.INTEGER, Buffer.from(n < 0x80 ? [n] : [0, n & 0xff]));
}

/** A named bit list as DER writes it: trailing zero bits dropped and counted as unused. */
function bitList(bits: number[]): Buffer {
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  return tlv(TAG.BIT_STRING, Buffer.from([7 - (highest & 7)]), bytes);
}

/** KeyUsage, ExtendedKeyUsage and BasicConstraints for a certificate of this key type. */
export function usageExtensionsDer(usage: UsageOptions, subjectKey: KeyObject): Buffer[] {
  const exts: Buffer[] = [];
  const ku = [KU.digitalSignature];
  // RSA key exchange (TLS 1.2 RSA suites) needs keyEncipherment; EC keys never encipher.
  if (subjectKey.asymmetricKeyType === 'rsa') ku.push(KU.keyEncipherment);
  if (usage.ca) {
    ku.push(KU.keyCertSign, KU.cRLSign);
    const path = usage.pathLength === undefined ? [] : [smallInteger(usage.pathLength)];
    exts.push(extension(OID.basicConstraints, true, seq(TRUE, ...path)));
  }
  exts.push(extension(OID.keyUsage, true, bitList(ku)));
  const eku: Buffer[] = [];
  if (usage.serverAuth) eku.push(oid(OID.serverAuth));
  if (usage.clientAuth) eku.push(oid(OID.clientAuth));
  if (eku.length > 0) exts.push(extension(OID.extKeyUsage, false, seq(...eku)));
  return exts;
}

/** RFC 5280's key identifier: SHA-1 of the subjectPublicKey bits of an encoded SPKI. */
export function keyIdentifier(spki: Buffer): Buffer {
  const bits = seqOf(parseDer(spki), 'SubjectPublicKeyInfo')[1];
  if (!bits || bits.tag !== TAG.BIT_STRING) throw new Error('SPKI without a public key');
  return createHash('sha1').update(bits.value.subarray(1)).digest();
}

export function subjectKeyIdDer(keyId: Buffer): Buffer {
  return extension(OID.subjectKeyId, false, octetString(keyId));
}

export function authorityKeyIdDer(keyId: Buffer): Buffer {
  return extension(OID.authorityKeyId, false, seq(tlv(0x80, keyId)));
}

/** IPv4 or IPv6 text (already checked by parseSanItem) as its 4 or 16 address bytes. */
function ipBytes(text: string): Buffer {
  if (!text.includes(':')) return Buffer.from(text.split('.').map(Number));
  // An embedded IPv4 tail (::ffff:10.0.0.1) becomes the two 16-bit groups it stands for.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  const hex = v4
    ? text.slice(0, v4.index) +
      [
        [v4[1], v4[2]],
        [v4[3], v4[4]],
      ]
        .map(([a, b]) => ((Number(a) << 8) | Number(b)).toString(16))
        .join(':')
    : text;
  const [head = '', tail] = hex.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const words = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  const out = Buffer.alloc(16);
  words.forEach((w, i) => out.writeUInt16BE(w, i * 2));
  return out;
}

const GENERAL_NAME_TAG: Record<string, number> = { email: 0x81, dns: 0x82, url: 0x86 };

/** subjectAltName for dns, ip, email and uri entries (the kinds parseSanItem gives). */
export function subjectAltNameDer(names: readonly SanEntry[]): Buffer {
  const encoded = names.map(({ type, value }) => {
    if (type === 'ip') return tlv(0x87, ipBytes(value));
    const tag = GENERAL_NAME_TAG[type];
    if (tag === undefined) throw new Error(`subjectAltName of type ${type} is not supported`);
    return tlv(tag, Buffer.from(value, 'ascii'));
  });
  return extension(OID.subjectAltName, false, seq(...encoded));
}
