// Iterated MD5 for Sun's PBEWithMD5AndTripleDES key derivation: d = MD5(d || suffix), repeated
// hundreds of thousands of times (keytool writes 200,000 rounds per salt half). A node:crypto hash
// object per round costs far more than the MD5 itself, so this runs the compression function in
// place over one preallocated, pre-padded message whose length never changes; only the first four
// words (the previous digest) are rewritten each round.

/** Per-step left-rotation amounts (RFC 1321). */
const S = Uint8Array.from([
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14,
  20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6,
  10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
]);

/** K[i] = floor(abs(sin(i + 1)) * 2^32). */
const K = new Int32Array(64);
for (let i = 0; i < 64; i++) K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0;

/** Message word read by each step. */
const G = new Uint8Array(64);
for (let i = 0; i < 64; i++) {
  G[i] = i < 16 ? i : i < 32 ? (5 * i + 1) % 16 : i < 48 ? (3 * i + 5) % 16 : (7 * i) % 16;
}

const INIT = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476];

/** Runs the MD5 compression over every 64-byte block of `words` into `state`. */
function compress(words: Int32Array, state: Int32Array): void {
  let h0 = INIT[0]!;
  let h1 = INIT[1]!;
  let h2 = INIT[2]!;
  let h3 = INIT[3]!;
  for (let off = 0; off < words.length; off += 16) {
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    for (let i = 0; i < 64; i++) {
      let f: number;
      if (i < 16) f = (b & c) | (~b & d);
      else if (i < 32) f = (d & b) | (~d & c);
      else if (i < 48) f = b ^ c ^ d;
      else f = c ^ (b | ~d);
      const sum = (a + f + K[i]! + words[off + G[i]!]!) | 0;
      const s = S[i]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
  }
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
}

/** Little-endian 32-bit word `i` of `bytes` (missing bytes read as 0). */
function wordAt(bytes: Uint8Array, i: number): number {
  return (
    (bytes[i] ?? 0) |
    ((bytes[i + 1] ?? 0) << 8) |
    ((bytes[i + 2] ?? 0) << 16) |
    ((bytes[i + 3] ?? 0) << 24)
  );
}

/**
 * Starting from a 16-byte digest `seed`, applies `rounds` times: digest = MD5(digest || suffix).
 * Returns the final 16-byte digest (the seed itself when rounds is 0).
 */
export function md5Chain(seed: Uint8Array, suffix: Uint8Array, rounds: number): Buffer {
  if (seed.length !== 16) throw new RangeError('md5Chain: the seed must be a 16-byte digest');
  const length = 16 + suffix.length;
  // Message, 0x80, zeros, 64-bit bit length: a whole number of 64-byte blocks.
  const padded = new Uint8Array(Math.ceil((length + 9) / 64) * 64);
  padded.set(seed, 0);
  padded.set(suffix, 16);
  padded[length] = 0x80;
  const bits = length * 8;
  const lenAt = padded.length - 8;
  for (let i = 0; i < 4; i++) padded[lenAt + i] = (bits >>> (8 * i)) & 0xff;
  padded[lenAt + 4] = Math.floor(bits / 2 ** 32) & 0xff;
  const words = new Int32Array(padded.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = wordAt(padded, i * 4);
  const state = new Int32Array(4);
  for (let i = 0; i < 4; i++) state[i] = words[i]!;
  for (let r = 0; r < rounds; r++) {
    words[0] = state[0]!;
    words[1] = state[1]!;
    words[2] = state[2]!;
    words[3] = state[3]!;
    compress(words, state);
  }
  const out = Buffer.alloc(16);
  for (let i = 0; i < 4; i++) out.writeInt32LE(state[i]!, i * 4);
  return out;
}
