// Input generators for the fuzz targets: real seed files damaged the ways files get damaged
// (bit flips, truncation, lost or doubled ranges, splices of other files, length fields set to
// extremes) and plain random bytes. Positions are drawn as numbers and taken modulo the seed's
// length, so one arbitrary serves seeds of any size and fast-check can shrink them.
import fc from 'fast-check';

export type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'splice'; at: number; from: number; fromAt: number; length: number }
  | { op: 'length'; at: number; value: number };

/** Values a corrupted length field takes: DER short/long forms and 32-bit extremes. */
export const EXTREME_LENGTHS: readonly (readonly number[])[] = [
  [0x00],
  [0x7f],
  [0x80],
  [0x81, 0xff],
  [0x82, 0xff, 0xff],
  [0x83, 0xff, 0xff, 0xff],
  [0x84, 0xff, 0xff, 0xff, 0xff],
  [0x84, 0x7f, 0xff, 0xff, 0xff],
  [0x85, 0x01, 0x00, 0x00, 0x00, 0x00],
  [0x8f],
  [0xff, 0xff, 0xff, 0xff],
  [0x7f, 0xff, 0xff, 0xff],
  [0x00, 0x00, 0x00, 0x00],
  [0x00, 0x00, 0x00, 0x01],
  [0x00, 0x01, 0x00, 0x00],
];

const DER_TAGS = new Set([0x02, 0x03, 0x04, 0x06, 0x0c, 0x13, 0x1e, 0x30, 0x31, 0xa0, 0xa1, 0xa3]);

/**
 * Offsets that probably hold a length: after a common DER tag, and the start of 32-bit big-endian
 * fields with a small value (Java store counts and lengths). Precomputed once per seed.
 */
export function lengthSites(bytes: Uint8Array): number[] {
  const sites: number[] = [];
  for (let i = 1; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (DER_TAGS.has(bytes[i - 1]!) && (b < 0x80 || (b >= 0x81 && b <= 0x84))) sites.push(i);
    else if (b === 0 && bytes[i + 1] === 0 && i + 3 < bytes.length) sites.push(i);
  }
  return sites.length > 0 ? sites : [0];
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.nat(255) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 64 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('duplicate' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 256 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('splice' as const),
      at: fc.nat(),
      from: fc.nat(),
      fromAt: fc.nat(),
      length: fc.integer({ min: 1, max: 512 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('length' as const),
      at: fc.nat(),
      value: fc.nat(EXTREME_LENGTHS.length - 1),
    }),
  },
);

export interface Pool {
  seeds: readonly Uint8Array[];
  sites: readonly number[][];
}

export function pool(seeds: readonly Uint8Array[]): Pool {
  return { seeds, sites: seeds.map(lengthSites) };
}

/** Applies the mutations in order; seed `index` selects the file, others feed splices. */
export function applyMutations(p: Pool, index: number, mutations: readonly Mutation[]): Buffer {
  let buf = Buffer.from(p.seeds[index]!);
  const pos = (at: number, len = buf.length): number => (len === 0 ? 0 : at % len);
  for (const m of mutations) {
    switch (m.op) {
      case 'flip':
        if (buf.length) buf[pos(m.at)]! ^= 1 << m.bit;
        break;
      case 'set':
        if (buf.length) buf[pos(m.at)] = m.value;
        break;
      case 'truncate':
        buf = buf.subarray(0, pos(m.at));
        break;
      case 'delete': {
        const at = pos(m.at);
        buf = Buffer.concat([buf.subarray(0, at), buf.subarray(at + m.length)]);
        break;
      }
      case 'duplicate': {
        const at = pos(m.at);
        const range = buf.subarray(at, at + m.length);
        buf = Buffer.concat([buf.subarray(0, at), range, buf.subarray(at)]);
        break;
      }
      case 'insert': {
        const at = pos(m.at, buf.length + 1);
        buf = Buffer.concat([buf.subarray(0, at), m.bytes, buf.subarray(at)]);
        break;
      }
      case 'splice': {
        const other = p.seeds[m.from % p.seeds.length]!;
        const fromAt = pos(m.fromAt, other.length);
        const piece = other.subarray(fromAt, fromAt + m.length);
        const at = pos(m.at, buf.length + 1);
        buf = Buffer.concat([buf.subarray(0, at), piece, buf.subarray(at + piece.length)]);
        break;
      }
      case 'length': {
        const sites = p.sites[index]!;
        const at = sites[m.at % sites.length]!;
        const value = EXTREME_LENGTHS[m.value]!;
        if (at < buf.length) {
          buf = Buffer.from(buf);
          Buffer.from(value).copy(buf, at);
        }
        break;
      }
    }
  }
  return buf;
}

export interface MutatedInput {
  /** Seed index, or -1 for random bytes. */
  seed: number;
  mutations: Mutation[];
  bytes: Buffer;
}

/** Mostly mutated seeds, some pure random bytes and random bytes behind a seed's first bytes. */
export function mutatedBytes(p: Pool, maxMutations = 4): fc.Arbitrary<MutatedInput> {
  const n = p.seeds.length;
  const mutated = fc
    .record({
      seed: fc.nat(n - 1),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: maxMutations }),
    })
    .map(({ seed, mutations }) => ({ seed, mutations, bytes: applyMutations(p, seed, mutations) }));
  const random = fc
    .uint8Array({ maxLength: 4096 })
    .map((bytes) => ({ seed: -1, mutations: [], bytes: Buffer.from(bytes) }));
  const headed = fc
    .record({
      seed: fc.nat(n - 1),
      keep: fc.integer({ min: 1, max: 64 }),
      tail: fc.uint8Array({ maxLength: 2048 }),
    })
    .map(({ seed, keep, tail }) => ({
      seed,
      mutations: [],
      bytes: Buffer.concat([Buffer.from(p.seeds[seed]!.subarray(0, keep)), tail]),
    }));
  return fc.oneof(
    { weight: 16, arbitrary: mutated },
    { weight: 1, arbitrary: random },
    { weight: 2, arbitrary: headed },
  );
}

/** What a failing input was, printable and replayable (bytes as base64). */
export function describeInput(input: MutatedInput, seedNames: readonly string[]): string {
  const from = input.seed < 0 ? 'random bytes' : `seed ${seedNames[input.seed] ?? input.seed}`;
  return `${from}, ${input.mutations.length} mutation(s) ${JSON.stringify(input.mutations)}, ${input.bytes.length} bytes, base64: ${input.bytes.toString('base64')}`;
}
