// An edit re-reads only the top-level sections it touched (shared/yaml/section-reparse.ts). These
// properties hold it to the reference, a parse of the whole edited text: same text, same values,
// same nodes with the same ranges and positions, and the same refusals, on generated files with
// comments, blank lines, block scalars, flow collections, anchors, merges and CRLF.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { RwsDocument, type DocumentEdit } from '../../shared/yaml/document';
import { reparseSections, sectionReparse } from '../../shared/yaml/section-reparse';

/** The nodes as the edit planner and the readers see them (comments are not read from nodes). */
function project(node: unknown): unknown {
  if (isPair(node)) return { key: project(node.key), value: project(node.value) };
  if (isScalar(node)) {
    const value = typeof node.value === 'symbol' ? String(node.value) : node.value;
    return {
      scalar: value,
      range: node.range,
      type: node.type,
      source: node.source,
      anchor: node.anchor,
      tag: node.tag,
    };
  }
  if (isAlias(node)) return { alias: node.source, range: node.range };
  if (isMap(node) || isSeq(node)) {
    return {
      kind: isMap(node) ? 'map' : 'seq',
      range: node.range,
      flow: node.flow ?? false,
      anchor: node.anchor,
      tag: node.tag,
      items: node.items.map(project),
    };
  }
  return node;
}

function shape(doc: RwsDocument): unknown {
  const parsed = doc.editContext().doc;
  const keys = doc.keyPositions();
  return {
    text: doc.text,
    tree: project(parsed.contents),
    range: parsed.range,
    values: doc.get(''),
    keys,
    positions: keys.map((k) => doc.position(`${k.path}.missing`)),
    end: doc.position('no.such.key'),
  };
}

type Outcome = { ok: true; shape: unknown; doc: RwsDocument } | { ok: false; error: string };

function attempt(doc: RwsDocument, edits: readonly DocumentEdit[], sections: boolean): Outcome {
  sectionReparse.enabled = sections;
  try {
    const next = doc.withEdits(edits);
    return { ok: true, shape: shape(next), doc: next };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  } finally {
    sectionReparse.enabled = true;
  }
}

const scalars = [
  '8443',
  '"quoted: text"',
  "'single'",
  'plain words here',
  'yes',
  '~',
  '',
  '[a, b, 3]',
  '{x: 1, y: [2, 3]}',
  'value   # trailing comment',
];

/** One top-level section (`name` followed by its lines), written with "\n". */
function section(name: string, kind: number, n: number): string {
  switch (kind) {
    case 0:
      return `${name}: ${scalars[n % scalars.length] ?? ''}\n`;
    case 1:
      return [
        `${name}:`,
        '  # leading comment',
        `  port: ${8000 + n}`,
        '  host: "h.example"   # inline',
        '',
        '  nested:',
        '    deep: 1',
        '    list:',
        '      - a',
        '      - b: 1',
        '        c: 2',
        '  text: |',
        '    line one',
        '    line two',
        '  folded: >-',
        '    folded',
        '    words',
        '',
      ].join('\n');
    case 2:
      return [
        `${name}:`,
        `  base: &b${n}`,
        '    x: 1',
        '    y: two',
        '  other:',
        `    <<: *b${n}`,
        '    y: 3',
        `  same: *b${n}`,
        '',
      ].join('\n');
    case 3:
      // A kept (|+) block scalar takes the blank lines after it along: the section after it must
      // not be moved into it.
      return `${name}:\n  keep: |+\n    kept\n\n\n`;
    case 4:
      return `${name}:\n- a\n- {k: v}\n- [x, y]\n`;
    case 5:
      return `${name}:\n  - name: first\n    on: yes\n  - name: second\n    on: off\n`;
    case 6:
      return `${name}: |+\n  top-level kept\n\n`;
    default:
      return `${name}: {flow: map, with: [a, b]}\n`;
  }
}

const between = fc.constantFrom(
  '',
  '\n',
  '# between sections\n',
  '\n# spaced comment\n\n',
  '  # indented\n',
);

const documentText = fc
  .record({
    head: fc.constantFrom('', '# leading comment\n', '---\n', '\uFEFF', '%YAML 1.1\n---\n'),
    sections: fc.array(fc.tuple(fc.nat(7), between), { minLength: 1, maxLength: 7 }),
    crossAlias: fc.boolean(),
    crlf: fc.boolean(),
    finalBreak: fc.boolean(),
  })
  .map(({ head, sections, crossAlias, crlf, finalBreak }) => {
    const names = ['ssl', 'serverSettings', 'cassandraCluster', 'alpha', 'beta', 'gamma', 'delta'];
    let text: string = head;
    sections.forEach(([kind, gap], i) => {
      text += section(names[i] ?? `s${i}`, kind, i) + gap;
    });
    // An alias to an anchor of another section ties the sections together: whole parse only.
    if (crossAlias && text.includes('&b')) text += `linked: *${/&(b\d+)/.exec(text)?.[1]}\n`;
    if (!finalBreak) text = text.replace(/\n+$/, '');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

const value = fc.oneof(
  fc.integer({ min: -5, max: 70000 }),
  fc.constantFrom(
    'x',
    'a: b',
    '# not a comment',
    ' lead',
    'two\nlines',
    'tail\n\n',
    '',
    'yes',
    '*alias',
    '&anchor',
  ),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ a: 1, b: 'two' }),
  fc.constant([1, 'two', { three: 3 }]),
  fc.constant({}),
  fc.constant([]),
);

function editsFor(doc: RwsDocument): fc.Arbitrary<DocumentEdit[]> {
  const paths = doc.keyPositions().map((k) => k.path);
  const existing = paths.length > 0 ? fc.constantFrom(...paths) : fc.constant('ssl');
  const path = fc.oneof(
    existing,
    existing.map((p) => `${p}.added`),
    existing.map((p) => `${p.split('.')[0]}.newKey`),
    fc.constantFrom(
      'newSection',
      'newSection.child.leaf',
      'ssl.port',
      'alpha.nested.list.1',
      'beta.0',
    ),
  );
  const edit: fc.Arbitrary<DocumentEdit> = fc.oneof(
    fc.record({ path, value }),
    fc.record({ path, delete: fc.constant(true as const) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 });
}

const cases = documentText
  .filter((text) => {
    try {
      RwsDocument.parse(text);
      return true;
    } catch {
      return false;
    }
  })
  .chain((text) => {
    const doc = RwsDocument.parse(text);
    return fc.tuple(fc.constant(text), editsFor(doc), editsFor(doc));
  });

test('editing by sections reads exactly as a parse of the whole edited text', () => {
  let bySections = 0;
  let edited = 0;
  fc.assert(
    fc.property(cases, ([text, first, second]) => {
      const doc = RwsDocument.parse(text);
      const fast = attempt(doc, first, true);
      const whole = attempt(doc, first, false);
      assert.deepEqual(fast.ok ? fast.shape : fast, whole.ok ? whole.shape : whole);
      if (!fast.ok || !whole.ok) return;
      edited++;
      if (fast.doc.readBy === 'sections') bySections++;
      // A document made by a section re-read is itself edited the same way.
      const again = attempt(fast.doc, second, true);
      const reference = attempt(whole.doc, second, false);
      assert.deepEqual(again.ok ? again.shape : again, reference.ok ? reference.shape : reference);
    }),
    { numRuns: 1000 },
  );
  // The property says nothing if the fast path never ran.
  assert.ok(bySections > edited / 4, `only ${bySections} of ${edited} edits re-read by sections`);
});

test('the previous document is unchanged by an edit that re-reads sections', () => {
  const text = ['a:', '  x: 1', 'b:', '  y: &n 2', '  z: *n', 'c: [1, 2]', ''].join('\n');
  const doc = RwsDocument.parse(text);
  const before = shape(doc);
  const next = doc.withEdits([{ path: 'a.x', value: 'a much longer value' }]);
  assert.equal(next.readBy, 'sections');
  assert.deepEqual(shape(doc), before);
  assert.deepEqual(shape(next), shape(RwsDocument.parse(next.text)));
  // And the previous document can still be edited on its own.
  assert.equal(doc.withEdits([{ path: 'c', value: [3] }]).text, text.replace('[1, 2]', '[3]'));
});

test('sections tied by an alias across them are read whole', () => {
  const text = 'a: &shared {x: 1}\nb: *shared\n';
  const next = RwsDocument.parse(text).withEdits([{ path: 'a.x', value: 2 }]);
  assert.equal(next.readBy, 'whole');
  assert.deepEqual(next.get('b'), { x: 2 });
});

test('a key repeated in another section is left to the whole parse, which refuses it', () => {
  const before = RwsDocument.parse('a:\n  x: 1\nb: 2\n');
  const text = 'a:\n  x: 1\nb: 3\nb: 2\n';
  const splice = { start: 10, end: 10, insert: 'b: 3\n' };
  const context = before.editContext();
  assert.equal(reparseSections({ text: before.text, doc: context.doc }, [splice], text), undefined);
  assert.throws(() => RwsDocument.parse(text), /duplicate key 'b'/);
});
