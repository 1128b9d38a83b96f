// Java's "modified UTF-8" (DataOutputStream.writeUTF): NUL is C0 80 and characters outside the
// BMP are written as two 3-byte surrogates.

export function encodeJavaUtf(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x01 && c <= 0x7f) bytes.push(c);
    else if (c <= 0x7ff) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  if (bytes.length > 0xffff) throw new RangeError('string too long for Java writeUTF');
  const out = Buffer.alloc(2 + bytes.length);
  out.writeUInt16BE(bytes.length, 0);
  Buffer.from(bytes).copy(out, 2);
  return out;
}

/** Decodes `length` bytes; throws RangeError on malformed input. */
export function decodeJavaUtf(buf: Buffer): string {
  let out = '';
  for (let i = 0; i < buf.length;) {
    const a = buf[i]!;
    if (a < 0x80) {
      out += String.fromCharCode(a);
      i += 1;
    } else if ((a & 0xe0) === 0xc0 && i + 1 < buf.length) {
      out += String.fromCharCode(((a & 0x1f) << 6) | (buf[i + 1]! & 0x3f));
      i += 2;
    } else if ((a & 0xf0) === 0xe0 && i + 2 < buf.length) {
      out += String.fromCharCode(
        ((a & 0x0f) << 12) | ((buf[i + 1]! & 0x3f) << 6) | (buf[i + 2]! & 0x3f),
      );
      i += 3;
    } else {
      throw new RangeError('malformed modified UTF-8');
    }
  }
  return out;
}
