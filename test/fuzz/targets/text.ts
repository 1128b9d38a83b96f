// Fuzz targets for text: the application.yaml document layer (RwsDocument.parse, then what the
// app does with a document that parsed: read it as Java would, list its keys, edit a password)
// and Jetty OBF decoding. Bad YAML must be a YamlSyntaxError with a line and column; a refused
// edit a DocumentEditError; a bad OBF value an ObfFormatError.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { deobfuscate, obfuscate, ObfFormatError } from '../../../shared/secrets/obf';
import { DocumentEditError, RwsDocument, YamlSyntaxError } from '../../../shared/yaml/document';
import { sampleConfig } from '../../helpers/paths';
import type { FuzzTarget } from '../harness';
import { messageProblem } from '../harness';
import { applyMutations, mutationArb, pool } from '../mutate';

export interface TextInput {
  kind: string;
  text: string;
}

const YAML_TOKENS = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  ':',
  ': ',
  '- ',
  '&a ',
  '*a',
  '<<: ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '#',
  '!!str ',
  '!!binary ',
  '|',
  '>',
  '? ',
  ',',
  'key',
  'ssl',
  'keyStorePassword',
  '1',
  '0x1F',
  '~',
  'null',
  'yes',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '\uFEFF',
  '\u0000',
  '\\',
  '@',
  '`',
  '%',
  '\u2028',
  'é',
  '😀',
  '2001-12-14t21:59:43.10-05:00',
  '.inf',
  '=',
];

/** `depth` levels of nested block mappings, flow sequences or flow mappings. */
function nested(kind: number, depth: number): string {
  if (kind === 0) {
    let text = '';
    for (let i = 0; i < depth; i++) text += `${' '.repeat(i)}k${i}:\n`;
    return `${text}${' '.repeat(depth)}leaf: 1\n`;
  }
  if (kind === 1) return `a: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;
  return `a: ${'{b: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
}

/** A billion-laughs document: each level lists the previous one `fan` times. */
function aliasBomb(levels: number, fan: number): string {
  const lines = ['l0: &l0 [lol, lol]'];
  for (let i = 1; i <= levels; i++) {
    lines.push(`l${i}: &l${i} [${Array.from({ length: fan }, () => `*l${i - 1}`).join(', ')}]`);
  }
  lines.push(`ssl:\n  keyStorePassword: *l${levels}`);
  return lines.join('\n') + '\n';
}

function lineEndingMix(text: string, picks: number[]): string {
  let n = 0;
  return text.replace(/\n/g, () => ['\n', '\r\n', '\r', '\n\n'][picks[n++ % picks.length]! % 4]!);
}

function tabIndent(text: string, picks: number[]): string {
  let n = 0;
  return text.replace(/^( +)/gm, (spaces) =>
    picks[n++ % picks.length]! % 3 === 0 ? '\t' + spaces.slice(2) : spaces,
  );
}

export function yamlArbitrary(sample: string): fc.Arbitrary<TextInput> {
  const bytes = Buffer.from(sample, 'utf8');
  const p = pool([bytes]);
  const mutatedSample = fc.array(mutationArb, { minLength: 1, maxLength: 4 }).map((m) => ({
    kind: `sample mutated ${JSON.stringify(m)}`,
    text: applyMutations(p, 0, m).toString('utf8'),
  }));
  const tokenSoup = fc
    .array(fc.constantFrom(...YAML_TOKENS), { maxLength: 200 })
    .map((t) => ({ kind: 'token soup', text: t.join('') }));
  const sampleWithTokens = fc
    .array(fc.record({ at: fc.nat(), token: fc.constantFrom(...YAML_TOKENS) }), {
      minLength: 1,
      maxLength: 8,
    })
    .map((ins) => {
      let text = sample;
      for (const { at, token } of ins) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + token + text.slice(i);
      }
      return { kind: `sample with tokens ${JSON.stringify(ins)}`, text };
    });
  const random = fc
    .string({ unit: 'binary', maxLength: 500 })
    .map((text) => ({ kind: 'random text', text }));
  const deep = fc
    .record({ kind: fc.nat(2), depth: fc.integer({ min: 1, max: 5000 }) })
    .map(({ kind, depth }) => ({
      kind: `nesting ${kind} depth ${depth}`,
      text: nested(kind, depth),
    }));
  const bomb = fc
    .record({ levels: fc.integer({ min: 1, max: 12 }), fan: fc.integer({ min: 1, max: 12 }) })
    .map(({ levels, fan }) => ({
      kind: `alias bomb ${levels}x${fan}`,
      text: aliasBomb(levels, fan),
    }));
  const hugeAnchor = fc.integer({ min: 1, max: 200_000 }).map((n) => ({
    kind: `huge anchored value ${n}`,
    text: `big: &big "${'x'.repeat(n)}"\nssl:\n  keyStorePassword: *big\n  keyStorePath: *big\n`,
  }));
  const eol = fc.array(fc.nat(3), { minLength: 1, maxLength: 16 }).map((picks) => ({
    kind: `line endings ${picks.join('')}`,
    text: lineEndingMix(sample, picks),
  }));
  const tabs = fc
    .array(fc.nat(5), { minLength: 1, maxLength: 16 })
    .map((picks) => ({ kind: `tabs ${picks.join('')}`, text: tabIndent(sample, picks) }));
  return fc.oneof(
    { weight: 6, arbitrary: mutatedSample },
    { weight: 3, arbitrary: sampleWithTokens },
    { weight: 3, arbitrary: tokenSoup },
    { weight: 1, arbitrary: random },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: bomb },
    { weight: 1, arbitrary: hugeAnchor },
    { weight: 1, arbitrary: eol },
    { weight: 1, arbitrary: tabs },
  );
}

/** What the app does with a file: parse, read as Java would, list keys, set a password. */
export function useDocument(text: string): void {
  const doc = RwsDocument.parse(text);
  JSON.stringify(doc.toJS());
  doc.keyPositions();
  doc.get('ssl.keyStorePassword');
  doc.has('serverSettings.trustStorePath');
  doc.position('ssl.keyStorePath');
  try {
    doc.withEdits([
      { path: 'ssl.keyStorePassword', value: 'OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v' },
    ]);
  } catch (error) {
    if (!(error instanceof DocumentEditError)) throw error;
  }
}

export function judgeYamlError(error: unknown): string | undefined {
  if (error instanceof YamlSyntaxError) {
    if (!(error.line >= 1 && error.column >= 1))
      return `bad position ${error.line}:${error.column}`;
    return messageProblem(error.message);
  }
  if (error instanceof DocumentEditError) return messageProblem(error.message);
  return 'not a YamlSyntaxError';
}

export function yamlTarget(): FuzzTarget<TextInput> {
  const sample = readFileSync(sampleConfig, 'utf8');
  return {
    name: 'yaml-document',
    arbitrary: yamlArbitrary(sample),
    run: ({ text }) => useDocument(text),
    judge: (error) => judgeYamlError(error),
    show: ({ kind, text }) => `${kind}; base64: ${Buffer.from(text, 'utf8').toString('base64')}`,
  };
}

export function obfArbitrary(): fc.Arbitrary<TextInput> {
  const valid = fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => obfuscate(s));
  const mutated = fc
    .record({
      obf: valid,
      edits: fc.array(
        fc.record({
          at: fc.nat(),
          text: fc.constantFrom('', 'U', 'z', '0', ':', 'OBF:', ' ', 'é', '-', 'ZZZZ', 'U0000'),
          del: fc.nat(5),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .map(({ obf, edits }) => {
      let text = obf;
      for (const e of edits) {
        const i = e.at % (text.length + 1);
        text = text.slice(0, i) + e.text + text.slice(i + e.del);
      }
      return { kind: 'mutated OBF', text };
    });
  const soup = fc
    .string({ unit: fc.constantFrom(...'OBF:U0129azZ-_ \n'.split('')), maxLength: 80 })
    .map((text) => ({ kind: 'OBF alphabet soup', text }));
  const random = fc
    .string({ unit: 'binary', maxLength: 100 })
    .map((text) => ({ kind: 'random', text }));
  return fc.oneof(
    { weight: 3, arbitrary: mutated },
    { weight: 2, arbitrary: soup },
    { weight: 1, arbitrary: random },
    { weight: 1, arbitrary: valid.map((text) => ({ kind: 'valid', text })) },
  );
}

export function obfTarget(): FuzzTarget<TextInput> {
  return {
    name: 'obf',
    arbitrary: obfArbitrary(),
    run: ({ text }) => {
      const plain = deobfuscate(text);
      // A decoded value must encode back to a form that decodes to the same text.
      if (deobfuscate(obfuscate(plain)) !== plain.replace(/\p{Surrogate}/gu, '?'))
        throw new Error('decode(encode(decode(x))) differs from decode(x)');
    },
    judge: (error) =>
      error instanceof ObfFormatError ? messageProblem(error.message) : 'not an ObfFormatError',
    show: ({ kind, text }) => `${kind}; JSON: ${JSON.stringify(text)}`,
  };
}
