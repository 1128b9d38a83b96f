// The encodings SnakeYAML (the reader RWS loads application.yaml with) accepts, and nothing else:
// UTF-8 with or without a byte-order mark, UTF-16 LE or BE with their byte-order mark. Without a
// mark SnakeYAML reads UTF-8 strictly, so invalid UTF-8 (or UTF-16 without a mark) is refused here
// too. The mark stays in the text as U+FEFF, so writing the text back in the same encoding
// reproduces the file byte for byte.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const decoders: Record<TextEncoding, TextDecoder> = {
  'utf-8': new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }),
  'utf-16le': new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }),
  'utf-16be': new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }),
};

/** The encoding SnakeYAML would pick for these bytes (from the byte-order mark, else UTF-8). */
export function sniffEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Decodes strictly; undefined when the bytes are not valid in the encoding their mark names. */
export function decodeText(
  bytes: Uint8Array,
): { text: string; encoding: TextEncoding } | undefined {
  const encoding = sniffEncoding(bytes);
  try {
    return { text: decoders[encoding].decode(bytes), encoding };
  } catch {
    return undefined;
  }
}

/** The bytes of `text` in `encoding` (a leading U+FEFF becomes that encoding's mark). */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16le') return le;
  return le.swap16();
}
