import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { RwsDocument, type DocumentEdit } from '../../shared/yaml/document';
import { sampleConfig } from '../helpers/paths';

const sample = readFileSync(sampleConfig, 'utf8');
const doc = RwsDocument.parse(sample);

/** Keys of the sample holding a single value, with the (1-based) line of that key. */
const leaves = doc.keyPositions().filter((k) => {
  const v = doc.get(k.path);
  return v === null || typeof v !== 'object';
});
const sections = doc.keyPositions().filter((k) => {
  const v = doc.get(k.path);
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !/\.\d+(\.|$)/.test(k.path);
});

/** Old line numbers (1-based) that an LCS line diff reports as removed, and the count of added lines. */
function lineDiff(before: string[], after: string[]): { removed: Set<number>; added: number } {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        before[i] === after[j]
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const removed = new Set<number>();
  let added = 0;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      added++;
      j++;
    } else {
      removed.add(i + 1);
      i++;
    }
  }
  return { removed, added };
}

const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(
    'yes',
    'off',
    '~',
    '012',
    '0x1F',
    '1_000',
    '.5',
    '1e3',
    'a: b',
    'x #y',
    '- z',
    "it's",
    'C:\\k.jks',
  ),
  fc.integer({ min: -100000, max: 100000 }),
  fc.boolean(),
);
const newName = fc.constantFrom('alpha', 'betaKey', 'trustStorePath', 'x_y', 'yes', 'n');

const editArb: fc.Arbitrary<DocumentEdit> = fc.oneof(
  fc.record({ path: fc.constantFrom(...leaves.map((l) => l.path)), value: scalar }),
  fc.constantFrom(...leaves.map((l) => l.path)).map((path) => ({ path, delete: true as const })),
  fc
    .tuple(fc.constantFrom(...sections.map((s) => s.path)), newName, scalar)
    .map(([section, name, value]) => ({ path: `${section}.${name}`, value })),
  fc
    .tuple(newName, newName, scalar)
    .map(([a, b, value]) => ({ path: `newSection_${a}.${b}`, value })),
);

function intended(edits: DocumentEdit[]): Map<string, { value?: unknown; deleted?: true }> {
  const out = new Map<string, { value?: unknown; deleted?: true }>();
  for (const e of edits) {
    for (const key of [...out.keys()]) if (key.startsWith(`${e.path}.`)) out.delete(key);
    out.set(e.path, 'delete' in e ? { deleted: true } : { value: e.value });
  }
  return out;
}

const variants: Record<string, string> = {
  sample,
  'sample with CRLF and BOM': `\ufeff${sample.replace(/\n/g, '\r\n')}`,
};

for (const [name, text] of Object.entries(variants)) {
  test(`${name}: random set/delete edits change only the edited lines and read back as intended`, () => {
    const original = RwsDocument.parse(text);
    const leafLine = new Map(leaves.map((l) => [l.path, l.line]));
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 6 }), (edits) => {
        const next = original.withEdits(edits);
        // Lines: only the lines of edited existing keys may go; each edit adds at most 3 lines
        // (a new section: blank line, section, key). New lines use the file's line ending.
        const oldLines = text.split('\n');
        const newLines = next.text.split('\n');
        const { removed, added } = lineDiff(oldLines, newLines);
        const touched = new Set(
          edits.map((e) => leafLine.get(e.path)).filter((l) => l !== undefined),
        );
        for (const line of removed) {
          assert.ok(touched.has(line), `line ${line} changed: ${oldLines[line - 1]}`);
        }
        assert.ok(added <= edits.length * 3, `${added} lines added for ${edits.length} edits`);
        if (text.includes('\r\n')) {
          assert.ok(
            newLines.slice(0, -1).every((l) => l.endsWith('\r')),
            'a line lost its CRLF',
          );
          assert.ok(next.text.startsWith('\ufeff'));
        }
        // Values: every edit reads back (last one wins); every other leaf is unchanged.
        const want = intended(edits);
        for (const [path, w] of want) {
          if (w.deleted) assert.equal(next.has(path), false, path);
          else assert.deepEqual(next.get(path), w.value, path);
        }
        for (const leaf of leaves) {
          if (!want.has(leaf.path))
            assert.deepEqual(next.get(leaf.path), doc.get(leaf.path), leaf.path);
        }
        // The result is itself stable: parsing it again gives the same text.
        assert.equal(RwsDocument.parse(next.text).text, next.text);
      }),
      { numRuns: 100 },
    );
  });
}
