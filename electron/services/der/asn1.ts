// A small DER reader/writer: enough for PKCS#12, PKCS#7, PKCS#8 and certificate fields.
// Reading accepts BER indefinite lengths and constructed OCTET STRINGs (some tools write them);
// every structural problem is an Asn1Error, which the format readers turn into 'corrupt'.

export class Asn1Error extends Error {
  override name = 'Asn1Error';
}

export interface Asn1 {
  /** Identifier octet: class, constructed bit and tag number (low-tag form only). */
  tag: number;
  constructed: boolean;
  /** The content octets (for indefinite length: everything up to the end-of-contents marker). */
  value: Buffer;
  /** The whole encoding, header included. */
  der: Buffer;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8: 0x0c,
  SEQUENCE: 0x30,
  SET: 0x31,
  PRINTABLE: 0x13,
  T61: 0x14,
  IA5: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP: 0x1e,
  UNIVERSAL: 0x1c,
} as const;

/** Parses one element at `offset`; `end` is the offset just after it. */
function parseAt(buf: Buffer, offset: number, depth: number): { node: Asn1; end: number } {
  if (depth > 64) throw new Asn1Error('nesting too deep');
  if (offset + 2 > buf.length) throw new Asn1Error('truncated header');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new Asn1Error('high tag numbers are not supported');
  const constructed = (tag & 0x20) !== 0;
  let pos = offset + 1;
  const first = buf[pos++]!;
  if (first === 0x80) {
    if (!constructed) throw new Asn1Error('indefinite length on a primitive');
    const start = pos;
    while (true) {
      if (pos + 2 > buf.length) throw new Asn1Error('truncated indefinite length');
      if (buf[pos] === 0 && buf[pos + 1] === 0) break;
      pos = parseAt(buf, pos, depth + 1).end;
    }
    return {
      node: {
        tag,
        constructed,
        value: buf.subarray(start, pos),
        der: buf.subarray(offset, pos + 2),
      },
      end: pos + 2,
    };
  }
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 4) throw new Asn1Error('length too large');
    if (pos + n > buf.length) throw new Asn1Error('truncated length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[pos++]!;
  }
  const end = pos + length;
  if (end > buf.length) throw new Asn1Error('truncated content');
  return {
    node: { tag, constructed, value: buf.subarray(pos, end), der: buf.subarray(offset, end) },
    end,
  };
}

/** Parses exactly one element filling `buf` (trailing bytes are an error unless allowed). */
export function parseDer(buf: Buffer, allowTrailing = false): Asn1 {
  const { node, end } = parseAt(buf, 0, 0);
  if (!allowTrailing && end !== buf.length) throw new Asn1Error('trailing bytes');
  return node;
}

/** The elements inside a constructed element. */
export function children(node: Asn1): Asn1[] {
  if (!node.constructed) throw new Asn1Error('expected a constructed element');
  const out: Asn1[] = [];
  let pos = 0;
  while (pos < node.value.length) {
    const { node: child, end } = parseAt(node.value, pos, 1);
    out.push(child);
    pos = end;
  }
  return out;
}

/** Children of an element that must have the given tag. */
export function expect(node: Asn1 | undefined, tag: number, what: string): Asn1 {
  if (!node || node.tag !== tag) throw new Asn1Error(`expected ${what}`);
  return node;
}

export function seqOf(node: Asn1 | undefined, what: string): Asn1[] {
  return children(expect(node, TAG.SEQUENCE, what));
}

/** An OCTET STRING's bytes, joining BER constructed segments. `tag` allows implicit tagging. */
export function octets(node: Asn1 | undefined, tag: number = TAG.OCTET_STRING): Buffer {
  if (!node || (node.tag & ~0x20) !== (tag & ~0x20)) throw new Asn1Error('expected OCTET STRING');
  if (!node.constructed) return node.value;
  return Buffer.concat(children(node).map((c) => octets(c, TAG.OCTET_STRING)));
}

export function readOid(node: Asn1 | undefined): string {
  const v = expect(node, TAG.OID, 'OBJECT IDENTIFIER').value;
  if (v.length === 0) throw new Asn1Error('empty OID');
  const parts: number[] = [];
  let n = 0;
  for (const byte of v) {
    n = n * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  const first = parts.shift() ?? 0;
  const a = first < 80 ? Math.floor(first / 40) : 2;
  return [a, first - a * 40, ...parts].join('.');
}

/** A non-negative INTEGER that fits a JS number. */
export function readInt(node: Asn1 | undefined): number {
  const v = expect(node, TAG.INTEGER, 'INTEGER').value;
  if (v.length === 0 || v.length > 6) throw new Asn1Error('INTEGER out of range');
  let n = 0;
  for (const byte of v) n = n * 256 + byte;
  return n;
}

export function readString(node: Asn1 | undefined): string {
  if (!node) throw new Asn1Error('expected a string');
  if (node.tag === TAG.BMP) {
    if (node.value.length % 2) throw new Asn1Error('BMPString of odd length');
    const swapped = Buffer.from(node.value);
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (node.tag === TAG.UNIVERSAL) {
    let s = '';
    for (let i = 0; i + 3 < node.value.length; i += 4) {
      const code = node.value.readUInt32BE(i);
      if (code > 0x10ffff) throw new Asn1Error('UniversalString character out of range');
      s += String.fromCodePoint(code);
    }
    return s;
  }
  if (node.tag === TAG.T61) return node.value.toString('latin1');
  return node.value.toString('utf8');
}

// ---- writing ----

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body]);
}

export const seq = (...content: Buffer[]): Buffer => tlv(TAG.SEQUENCE, ...content);
export const set = (...content: Buffer[]): Buffer => tlv(TAG.SET, ...content);
export const octetString = (bytes: Buffer): Buffer => tlv(TAG.OCTET_STRING, bytes);
export const nullValue = (): Buffer => Buffer.from([0x05, 0x00]);
/** [n] EXPLICIT (constructed context tag). */
export const explicit = (n: number, ...content: Buffer[]): Buffer => tlv(0xa0 | n, ...content);

export function integer(n: number): Buffer {
  const bytes: number[] = [];
  do {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  } while (n > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(TAG.INTEGER, Buffer.from(bytes));
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const [a = 0, b = 0, ...rest] = parts;
  const out: number[] = [];
  for (const n of [a * 40 + b, ...rest]) {
    const chunk: number[] = [n & 0x7f];
    let v = Math.floor(n / 128);
    while (v > 0) {
      chunk.unshift((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(...chunk);
  }
  return tlv(TAG.OID, Buffer.from(out));
}

export function bmpString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  bytes.swap16();
  return tlv(TAG.BMP, bytes);
}
