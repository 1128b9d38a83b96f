// SFTP version 3 (draft-ietf-secsh-filexfer-02, what OpenSSH's sftp-server speaks) on the wire:
// packet numbers, flags, and the byte layout of requests, replies and file attributes. No I/O.

export const FXP = {
  INIT: 1,
  VERSION: 2,
  OPEN: 3,
  CLOSE: 4,
  READ: 5,
  WRITE: 6,
  LSTAT: 7,
  FSTAT: 8,
  SETSTAT: 9,
  FSETSTAT: 10,
  OPENDIR: 11,
  READDIR: 12,
  REMOVE: 13,
  MKDIR: 14,
  REALPATH: 16,
  STAT: 17,
  RENAME: 18,
  STATUS: 101,
  HANDLE: 102,
  DATA: 103,
  NAME: 104,
  ATTRS: 105,
  EXTENDED: 200,
  EXTENDED_REPLY: 201,
} as const;

/** Open flags (pflags). */
export const OPEN = { READ: 1, WRITE: 2, CREAT: 8, TRUNC: 0x10, EXCL: 0x20 } as const;

export const STATUS = {
  OK: 0,
  EOF: 1,
  NO_SUCH_FILE: 2,
  PERMISSION_DENIED: 3,
  FAILURE: 4,
  OP_UNSUPPORTED: 8,
} as const;

const ATTR = { SIZE: 1, UIDGID: 2, PERMISSIONS: 4, ACMODTIME: 8, EXTENDED: 0x80000000 } as const;

/** File attributes; each field is present only when the server sent it (or we set it). */
export interface Attrs {
  size?: number;
  uid?: number;
  gid?: number;
  /** st_mode: file type bits and permission bits. */
  mode?: number;
  atime?: number;
  mtime?: number;
}

export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;

/** Builds one packet's payload; `packet()` prefixes its length. */
export class Writer {
  private parts: Buffer[] = [];

  byte(value: number): this {
    this.parts.push(Buffer.of(value));
    return this;
  }

  u32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(value >>> 0);
    this.parts.push(b);
    return this;
  }

  u64(value: number): this {
    const b = Buffer.alloc(8);
    b.writeBigUInt64BE(BigInt(value));
    this.parts.push(b);
    return this;
  }

  string(value: string | Uint8Array): this {
    const b = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
    this.u32(b.length);
    this.parts.push(b);
    return this;
  }

  attrs(a: Attrs): this {
    let flags = 0;
    if (a.size !== undefined) flags |= ATTR.SIZE;
    if (a.uid !== undefined && a.gid !== undefined) flags |= ATTR.UIDGID;
    if (a.mode !== undefined) flags |= ATTR.PERMISSIONS;
    if (a.atime !== undefined && a.mtime !== undefined) flags |= ATTR.ACMODTIME;
    this.u32(flags);
    if (flags & ATTR.SIZE) this.u64(a.size as number);
    if (flags & ATTR.UIDGID) this.u32(a.uid as number).u32(a.gid as number);
    if (flags & ATTR.PERMISSIONS) this.u32(a.mode as number);
    if (flags & ATTR.ACMODTIME) this.u32(a.atime as number).u32(a.mtime as number);
    return this;
  }

  packet(): Buffer {
    const body = Buffer.concat(this.parts);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    return Buffer.concat([head, body]);
  }
}

export class WireError extends Error {}

/** Reads one packet's payload (after the length). */
export class Reader {
  private at = 0;

  constructor(private readonly data: Buffer) {}

  get done(): boolean {
    return this.at >= this.data.length;
  }

  private need(n: number): void {
    if (this.at + n > this.data.length) throw new WireError('SFTP packet cut short');
  }

  byte(): number {
    this.need(1);
    return this.data[this.at++] as number;
  }

  u32(): number {
    this.need(4);
    const v = this.data.readUInt32BE(this.at);
    this.at += 4;
    return v;
  }

  u64(): number {
    this.need(8);
    const v = this.data.readBigUInt64BE(this.at);
    this.at += 8;
    return Number(v);
  }

  bytes(): Buffer {
    const n = this.u32();
    this.need(n);
    const b = this.data.subarray(this.at, this.at + n);
    this.at += n;
    return b;
  }

  string(): string {
    return this.bytes().toString('utf8');
  }

  attrs(): Attrs {
    const flags = this.u32();
    const a: Attrs = {};
    if (flags & ATTR.SIZE) a.size = this.u64();
    if (flags & ATTR.UIDGID) {
      a.uid = this.u32();
      a.gid = this.u32();
    }
    if (flags & ATTR.PERMISSIONS) a.mode = this.u32();
    if (flags & ATTR.ACMODTIME) {
      a.atime = this.u32();
      a.mtime = this.u32();
    }
    if (flags & ATTR.EXTENDED) {
      for (let n = this.u32(); n > 0; n--) {
        this.bytes();
        this.bytes();
      }
    }
    return a;
  }
}

/** Far above any packet a server sends (OpenSSH: 256 KiB); beyond it the stream is not SFTP. */
const MAX_PACKET = 4 * 1024 * 1024;

/** Splits a byte stream into packets: returns the complete ones and keeps the rest. */
export class PacketSplitter {
  private buffer: Buffer = Buffer.alloc(0);

  push(data: Buffer): Buffer[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, data]) : data;
    const out: Buffer[] = [];
    while (this.buffer.length >= 4) {
      const n = this.buffer.readUInt32BE(0);
      if (n > MAX_PACKET) throw new WireError(`an SFTP packet of ${n} bytes`);
      if (this.buffer.length < 4 + n) break;
      out.push(this.buffer.subarray(4, 4 + n));
      this.buffer = this.buffer.subarray(4 + n);
    }
    return out;
  }
}
