// What kind of certificate or key store a file is, judged by its bytes, never by its name:
// admins name JKS files .pem and PKCS12 files .jks, and Java's keystore.type.compat hides it.
import { open } from 'node:fs/promises';
import type { StoreType } from '../../../shared/store-formats';

export type DetectedFormat = StoreType | 'empty' | 'unknown';

export interface FormatGuess {
  format: DetectedFormat;
  /** For PEM: the labels of its blocks in order (CERTIFICATE, PRIVATE KEY, ...). */
  pemLabels: string[];
}

/** Enough bytes for every signature below and for the first PEM blocks of a bundle. */
export const SNIFF_BYTES = 64 * 1024;

const PKCS7_DATA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];
const PKCS7_SIGNED_DATA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

interface Tlv {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

/** One DER (or BER indefinite-length) element at `at`, or undefined when the bytes do not fit. */
function readTlv(bytes: Uint8Array, at: number, limit: number): Tlv | undefined {
  const tag = bytes[at];
  const first = bytes[at + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) return undefined;
  let length = first;
  let contentStart = at + 2;
  if (first === 0x80) return { tag, start: at, contentStart, end: limit };
  if (first > 0x80) {
    const count = first & 0x7f;
    if (count > 4) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = bytes[contentStart + i];
      if (b === undefined) return undefined;
      length = length * 256 + b;
    }
    contentStart += count;
  }
  // A truncated sniff buffer may cut the element short: accept lengths running past the buffer.
  return { tag, start: at, contentStart, end: contentStart + length };
}

function children(bytes: Uint8Array, parent: Tlv, max: number): Tlv[] {
  const out: Tlv[] = [];
  let at = parent.contentStart;
  const end = Math.min(parent.end, bytes.length);
  while (at < end && out.length < max) {
    const child = readTlv(bytes, at, end);
    if (!child || child.end <= at) break;
    out.push(child);
    at = child.end;
  }
  return out;
}

function contentEquals(bytes: Uint8Array, tlv: Tlv, expected: number[]): boolean {
  if (tlv.end - tlv.contentStart !== expected.length) return false;
  return expected.every((b, i) => bytes[tlv.contentStart + i] === b);
}

function detectDer(bytes: Uint8Array): DetectedFormat {
  const outer = readTlv(bytes, 0, bytes.length);
  if (!outer || outer.tag !== 0x30) return 'unknown';
  const [first, second, third] = children(bytes, outer, 3);
  if (!first || !second) return 'unknown';
  // PFX: SEQUENCE { INTEGER 3, ContentInfo { OID pkcs7-data, ... }, macData? }
  if (first.tag === 0x02 && contentEquals(bytes, first, [3]) && second.tag === 0x30) {
    const [oid] = children(bytes, second, 1);
    if (oid?.tag === 0x06 && contentEquals(bytes, oid, PKCS7_DATA)) return 'PKCS12';
    return 'unknown';
  }
  // ContentInfo { OID signedData, [0] SignedData }: a PKCS#7 certificate bundle (.p7b)
  if (first.tag === 0x06 && contentEquals(bytes, first, PKCS7_SIGNED_DATA)) return 'PKCS7';
  // Certificate: SEQUENCE { tbsCertificate SEQUENCE { [0] version | INTEGER serial, ... },
  //                         signatureAlgorithm SEQUENCE, signature BIT STRING }
  if (first.tag === 0x30 && second.tag === 0x30 && third?.tag === 0x03) {
    const [tbsFirst] = children(bytes, first, 1);
    if (tbsFirst && (tbsFirst.tag === 0xa0 || tbsFirst.tag === 0x02)) return 'DER';
  }
  return 'unknown';
}

function pemLabels(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1] ?? '');
}

export function detectFormat(bytes: Uint8Array): FormatGuess {
  if (bytes.length === 0) return { format: 'empty', pemLabels: [] };
  const magic = bytes.length >= 4 ? Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0) : 0;
  if (magic === 0xfeedfeed) return { format: 'JKS', pemLabels: [] };
  if (magic === 0xcececece) return { format: 'JCEKS', pemLabels: [] };
  if (bytes[0] === 0x30) {
    const format = detectDer(bytes);
    if (format !== 'unknown') return { format, pemLabels: [] };
  }
  const labels = pemLabels(bytes);
  if (labels.length > 0) return { format: 'PEM', pemLabels: labels };
  if (bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    return { format: 'empty', pemLabels: [] };
  }
  return { format: 'unknown', pemLabels: [] };
}

/** Reads the start of `file` and detects its format. Throws the fs error (ENOENT, EACCES ...). */
export async function detectFileFormat(file: string): Promise<FormatGuess> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return detectFormat(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export function describeFormat(format: DetectedFormat): string {
  switch (format) {
    case 'PEM':
      return 'PEM text';
    case 'JKS':
      return 'a JKS keystore';
    case 'JCEKS':
      return 'a JCEKS keystore';
    case 'PKCS12':
      return 'a PKCS#12 keystore';
    case 'DER':
      return 'a binary (DER) certificate';
    case 'PKCS7':
      return 'a PKCS#7 certificate bundle';
    case 'empty':
      return 'an empty file';
    default:
      return 'not a certificate or keystore file';
  }
}
