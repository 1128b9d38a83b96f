// Fuzz targets below the store readers: the DER codec (parseDer and a walk through every element
// with the field readers) and content sniffing (detectFormat never throws, for any bytes).
import { detectFormat, type DetectedFormat } from '../../../electron/services/files/detect-format';
import {
  Asn1Error,
  children,
  parseDer,
  readInt,
  readOid,
  readString,
  TAG,
  type Asn1,
} from '../../../electron/services/der/asn1';
import type { FuzzTarget } from '../harness';
import { messageProblem } from '../harness';
import { describeInput, mutatedBytes, pool, type MutatedInput } from '../mutate';
import type { Seed } from '../seeds';

const FORMATS = new Set<DetectedFormat>([
  'JKS',
  'JCEKS',
  'PKCS12',
  'PEM',
  'DER',
  'PKCS7',
  'empty',
  'unknown',
]);

function walk(node: Asn1, depth: number): void {
  if (node.constructed) {
    for (const child of children(node)) walk(child, depth + 1);
    return;
  }
  // The field readers throw Asn1Error on a wrong tag; call them where the tag fits.
  if (node.tag === TAG.OID) readOid(node);
  else if (node.tag === TAG.INTEGER && node.value.length <= 6) readInt(node);
  else if (
    [TAG.UTF8, TAG.PRINTABLE, TAG.IA5, TAG.BMP, TAG.T61, TAG.UNIVERSAL].includes(node.tag as 0x0c)
  )
    readString(node);
  else if (node.tag === TAG.OCTET_STRING && node.value[0] === 0x30) {
    try {
      walk(parseDer(node.value), depth + 1);
    } catch (err) {
      if (!(err instanceof Asn1Error)) throw err;
    }
  }
}

export function asn1Target(seeds: Seed[]): FuzzTarget<MutatedInput> {
  const der = seeds.filter((s) => s.bytes[0] === 0x30);
  const p = pool(der.map((s) => s.bytes));
  return {
    name: 'asn1',
    arbitrary: mutatedBytes(p),
    run: (input) => walk(parseDer(input.bytes, true), 0),
    judge: (error) =>
      error instanceof Asn1Error ? messageProblem(error.message) : 'not an Asn1Error',
    show: (input) =>
      describeInput(
        input,
        der.map((s) => s.name),
      ),
  };
}

export function detectTarget(seeds: Seed[]): FuzzTarget<MutatedInput> {
  const p = pool(seeds.map((s) => s.bytes));
  return {
    name: 'detect-format',
    arbitrary: mutatedBytes(p),
    run: (input) => {
      const guess = detectFormat(input.bytes);
      if (!FORMATS.has(guess.format)) throw new Error(`unknown format answer ${guess.format}`);
    },
    judge: () => 'detectFormat must never throw',
    show: (input) =>
      describeInput(
        input,
        seeds.map((s) => s.name),
      ),
  };
}
