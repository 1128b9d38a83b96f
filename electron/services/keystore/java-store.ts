// The container shared by JKS and JCEKS: big-endian entries, then a SHA-1 integrity trailer
// over (password as UTF-16BE, "Mighty Aphrodite", every preceding byte).
import { createHash, timingSafeEqual, X509Certificate } from 'node:crypto';
import { decodeJavaUtf, encodeJavaUtf } from './java-utf';

export const JKS_MAGIC = 0xfeedfeed;
export const JCEKS_MAGIC = 0xcececece;

export class StoreFormatError extends Error {
  override name = 'StoreFormatError';
}

export interface RawKeyEntry {
  tag: 1;
  alias: string;
  created: Date;
  /** EncryptedPrivateKeyInfo DER. */
  protectedKey: Buffer;
  chain: Buffer[];
}
export interface RawTrustedEntry {
  tag: 2;
  alias: string;
  created: Date;
  cert: Buffer;
}
export interface RawSecretEntry {
  tag: 3;
  alias: string;
}
export type RawEntry = RawKeyEntry | RawTrustedEntry | RawSecretEntry;

export interface RawStore {
  magic: number;
  entries: RawEntry[];
  /** True when the trailer matched the password (undefined: no password given, not checked). */
  integrity?: boolean;
}

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}
  need(n: number): void {
    if (this.pos + n > this.buf.length) throw new StoreFormatError('the file ends too early');
  }
  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  u64(): number {
    this.need(8);
    const v = Number(this.buf.readBigInt64BE(this.pos));
    this.pos += 8;
    return v;
  }
  /** A Java Date (ms since 1970); beyond JavaScript's ±275,000 years it can only be damage. */
  date(): Date {
    const date = new Date(this.u64());
    if (Number.isNaN(date.getTime())) throw new StoreFormatError('an entry date is out of range');
    return date;
  }
  bytes(n: number): Buffer {
    this.need(n);
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
  utf(): string {
    this.need(2);
    const n = this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    try {
      return decodeJavaUtf(this.bytes(n));
    } catch {
      throw new StoreFormatError('an alias or type name is not valid text');
    }
  }
}

export function passwordUtf16be(password: string): Buffer {
  const b = Buffer.from(password, 'utf16le');
  b.swap16();
  return b;
}

function trailerDigest(password: string, body: Buffer): Buffer {
  return createHash('sha1')
    .update(passwordUtf16be(password))
    .update('Mighty Aphrodite', 'utf8')
    .update(body)
    .digest();
}

const MAX_ENTRIES = 1_000_000;

export function parseJavaStore(buf: Buffer, password: string | undefined): RawStore {
  const r = new Reader(buf);
  const magic = r.u32();
  if (magic !== JKS_MAGIC && magic !== JCEKS_MAGIC)
    throw new StoreFormatError('not a JKS or JCEKS file');
  const version = r.u32();
  if (version !== 1 && version !== 2) throw new StoreFormatError(`unknown version ${version}`);
  const count = r.u32();
  if (count > MAX_ENTRIES) throw new StoreFormatError('implausible entry count');
  const readCert = (): Buffer => {
    if (version === 2) {
      const type = r.utf();
      if (type !== 'X.509') throw new StoreFormatError(`certificate type ${type} is not supported`);
    }
    return r.bytes(r.u32());
  };
  const entries: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    const tag = r.u32();
    if (tag === 1) {
      const alias = r.utf();
      const created = r.date();
      const protectedKey = r.bytes(r.u32());
      const n = r.u32();
      if (n > 100) throw new StoreFormatError('implausible chain length');
      const chain: Buffer[] = [];
      for (let j = 0; j < n; j++) chain.push(readCert());
      entries.push({ tag, alias, created, protectedKey, chain });
    } else if (tag === 2) {
      const alias = r.utf();
      const created = r.date();
      entries.push({ tag, alias, created, cert: readCert() });
    } else if (tag === 3 && magic === JCEKS_MAGIC) {
      // A secret key is a Java-serialised object whose length is not stored: stop here.
      entries.push({ tag, alias: r.utf() });
      return { magic, entries };
    } else {
      throw new StoreFormatError(`unknown entry tag ${tag}`);
    }
  }
  const body = buf.subarray(0, r.pos);
  const trailer = r.bytes(20);
  if (r.pos !== buf.length) throw new StoreFormatError('unexpected bytes after the end');
  const integrity =
    password === undefined ? undefined : timingSafeEqual(trailer, trailerDigest(password, body));
  return { magic, entries, integrity };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0, 0);
  return b;
}
function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(Math.trunc(n)), 0);
  return b;
}
function certBytes(cert: X509Certificate | Buffer): Buffer[] {
  const der = Buffer.isBuffer(cert) ? cert : cert.raw;
  return [encodeJavaUtf('X.509'), u32(der.length), der];
}

export type WritableRawEntry =
  | { tag: 1; alias: string; created: Date; protectedKey: Buffer; chain: X509Certificate[] }
  | { tag: 2; alias: string; created: Date; cert: X509Certificate };

export function serializeJavaStore(
  magic: number,
  entries: WritableRawEntry[],
  password: string,
): Buffer {
  const parts: Buffer[] = [u32(magic), u32(2), u32(entries.length)];
  for (const e of entries) {
    parts.push(u32(e.tag), encodeJavaUtf(e.alias), u64(e.created.getTime()));
    if (e.tag === 1) {
      parts.push(u32(e.protectedKey.length), e.protectedKey, u32(e.chain.length));
      for (const c of e.chain) parts.push(...certBytes(c));
    } else {
      parts.push(...certBytes(e.cert));
    }
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, trailerDigest(password, body)]);
}
