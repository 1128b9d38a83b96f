import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  DocumentEditError,
  RwsDocument,
  YamlSyntaxError,
  type DocumentEdit,
} from '../../shared/yaml/document';
import { sampleConfig } from '../helpers/paths';

const sample = readFileSync(sampleConfig, 'utf8');

/** Every construct the document layer must keep byte for byte. */
const everything = [
  '%YAML 1.1',
  '---',
  '# header comment',
  'defaults: &defaults   # anchor on a section',
  '  port: 8080',
  '  host: "h.example"',
  '',
  'ssl:',
  '  <<: *defaults',
  "  keyStorePath: '/opt/k.jks'   # single-quoted",
  '  keyStorePassword: "pw"       # double-quoted',
  '  enabled: yes',
  'alias: *defaults',
  'flow: {a: 1, b: [x, y], c: "q"}',
  'seq: [1, 2, 3]',
  'block:',
  '  - one',
  '  - two: 2',
  '    three: 3',
  'literal: |',
  '  line one',
  '  line two',
  'folded: >-',
  '  folded',
  '  text',
  '    # indented comment',
  'empty:         # nothing here',
  'tilde: ~',
  'unknownSection:',
  '  deep:',
  '    deeper: value   # trailing',
  '',
  '# final comment',
  '',
].join('\n');

const variants: Record<string, string> = {
  sample,
  everything,
  crlf: everything.replace(/\n/g, '\r\n'),
  bom: `\ufeff${everything}`,
  'no trailing newline': everything.trimEnd(),
  'crlf sample with BOM, no final newline': `\ufeff${sample.replace(/\n/g, '\r\n').trimEnd()}`,
};

/** Lines of `after` that differ from `before`, as [removed, added] (simple prefix/suffix diff). */
function changedLines(before: string, after: string): [string[], string[]] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++;
  return [a.slice(start, a.length - end), b.slice(start, b.length - end)];
}

function edit(text: string, edits: DocumentEdit[]): RwsDocument {
  return RwsDocument.parse(text).withEdits(edits);
}

describe('round trip without edits is byte-identical', () => {
  for (const [name, text] of Object.entries(variants)) {
    test(name, () => {
      const doc = RwsDocument.parse(text);
      assert.equal(doc.toString(), text);
      assert.equal(doc.withEdits([]).text, text);
    });
  }
});

describe('editing a value changes only its line', () => {
  for (const [name, text] of Object.entries(variants)) {
    test(name, () => {
      const path = name.includes('sample') ? 'ssl.port' : 'ssl.keyStorePath';
      const next = edit(text, [{ path, value: name.includes('sample') ? 9443 : '/new/path.jks' }]);
      const [removed, added] = changedLines(text, next.text);
      assert.equal(removed.length, 1);
      assert.equal(added.length, 1);
      assert.equal(next.get(path), name.includes('sample') ? 9443 : '/new/path.jks');
      // Line endings of the changed line follow the file.
      if (text.includes('\r\n')) assert.match(added[0] ?? '', /\r$/);
    });
  }
});

describe('quoting style of the edited scalar is kept', () => {
  const cases: [string, unknown, string][] = [
    ['ssl.keyStorePath', '/x.jks', "  keyStorePath: '/x.jks'   # single-quoted"],
    ['ssl.keyStorePassword', 'new', '  keyStorePassword: "new"       # double-quoted'],
    ['ssl.enabled', false, '  enabled: false'],
    ['unknownSection.deep.deeper', 'other', '    deeper: other   # trailing'],
    ['ssl.keyStorePath', "it's", "  keyStorePath: 'it''s'   # single-quoted"],
    ['ssl.keyStorePassword', 'a"b\\c', '  keyStorePassword: "a\\"b\\\\c"       # double-quoted'],
  ];
  for (const [path, value, line] of cases) {
    test(`${path} = ${JSON.stringify(value)}`, () => {
      const next = edit(everything, [{ path, value }]);
      assert.ok(next.text.split('\n').includes(line), next.text);
      assert.deepEqual(next.get(path), value);
    });
  }

  test('a plain value that would be misread is quoted, the others stay plain', () => {
    const next = edit(everything, [
      { path: 'unknownSection.deep.deeper', value: 'yes' },
      { path: 'ssl.enabled', value: 'plain words' },
    ]);
    assert.match(next.text, /^ {4}deeper: "yes" {3}# trailing$/m);
    assert.match(next.text, /^ {2}enabled: plain words$/m);
    assert.equal(next.get('unknownSection.deep.deeper'), 'yes');
  });

  test('flow collections: values inside are edited in place', () => {
    const next = edit(everything, [
      { path: 'flow.a', value: 'x, y' },
      { path: 'seq.1', value: 20 },
    ]);
    assert.match(next.text, /^flow: \{a: "x, y", b: \[x, y\], c: "q"\}$/m);
    assert.match(next.text, /^seq: \[1, 20, 3\]$/m);
  });

  test('block scalars: a multi-line value stays a block, a one-line value replaces it', () => {
    const multi = edit(everything, [{ path: 'literal', value: 'first\nsecond\n' }]);
    assert.match(multi.text, /^literal: \|\n {2}first\n {2}second\nfolded/m);
    assert.equal(multi.get('literal'), 'first\nsecond\n');
    const single = edit(everything, [{ path: 'folded', value: 'short' }]);
    assert.match(single.text, /^folded: short\nempty:/m);
    assert.equal(single.get('folded'), 'short');
  });

  test('an empty value with a comment gets the value before the comment', () => {
    const next = edit(everything, [{ path: 'empty', value: 'filled' }]);
    assert.match(next.text, /^empty: filled {9}# nothing here$/m);
  });
});

describe('adding keys', () => {
  test('a missing key goes after the last key of its section, with its indentation', () => {
    const next = edit(sample, [{ path: 'ssl.trustStorePath', value: '/opt/t.jks' }]);
    const [removed, added] = changedLines(sample, next.text);
    assert.deepEqual(removed, []);
    assert.deepEqual(added, ['  trustStorePath: /opt/t.jks']);
    assert.match(
      next.text,
      /keyStorePassword: storepwd\n {2}trustStorePath: \/opt\/t.jks\n\nonPremiseSettings:/,
    );
  });

  test('after a nested last key, at the section level', () => {
    const next = edit(sample, [{ path: 'jetty.extraKey', value: 1 }]);
    assert.match(next.text, /sameSite: Lax\n {2}extraKey: 1\n\n# --- HTTPS/);
  });

  test('a missing section is created at the end of the document', () => {
    const next = edit(sample, [
      { path: 'newSection.inner.key', value: 'v' },
      { path: 'newSection.inner.other', value: true },
    ]);
    assert.ok(next.text.startsWith(sample));
    assert.equal(
      next.text.slice(sample.length),
      '\nnewSection:\n  inner:\n    key: v\n    other: true\n',
    );
  });

  test('new lines use the file line ending, and a file without a final newline keeps none', () => {
    const crlf = 'a: 1\r\nb:\r\n  c: 2';
    const next = edit(crlf, [{ path: 'b.d', value: 3 }]);
    assert.equal(next.text, 'a: 1\r\nb:\r\n  c: 2\r\n  d: 3');
    assert.equal(next.lineEnding, '\r\n');
  });

  test('a key under an empty section turns it into a mapping', () => {
    const next = edit('a:   # later\nb: 1\n', [{ path: 'a.x', value: 'z' }]);
    assert.equal(next.text, 'a:   # later\n  x: z\nb: 1\n');
  });

  test('an inherited (merged) key becomes an own key; the anchor is untouched', () => {
    const next = edit(everything, [{ path: 'ssl.port', value: 9443 }]);
    assert.match(next.text, /^ {2}port: 8080$/m);
    assert.match(next.text, /^ {2}enabled: yes\n {2}port: 9443\nalias:/m);
    assert.equal(next.get('ssl.port'), 9443);
    assert.equal(next.get('defaults.port'), 8080);
    assert.equal(next.get('alias.port'), 8080);
  });

  test('a key under an alias becomes <<: alias plus the own key', () => {
    const next = edit(everything, [{ path: 'alias.port', value: 1 }]);
    assert.match(next.text, /^alias:\n {2}<<: \*defaults\n {2}port: 1\nflow:/m);
    assert.equal(next.get('alias.host'), 'h.example');
    assert.equal(next.get('defaults.port'), 8080);
  });
});

describe('deleting keys', () => {
  test('removes the line and its inline comment only', () => {
    const next = edit(everything, [{ path: 'ssl.keyStorePassword', delete: true }]);
    const [removed, added] = changedLines(everything, next.text);
    assert.deepEqual(removed, ['  keyStorePassword: "pw"       # double-quoted']);
    assert.deepEqual(added, []);
  });

  test('removes every line of a nested section', () => {
    const next = edit(everything, [{ path: 'block', delete: true }]);
    assert.doesNotMatch(next.text, /- one|three: 3/);
    assert.match(next.text, /seq: \[1, 2, 3\]\nliteral: \|/);
  });

  test('inside a flow mapping, with its comma', () => {
    const next = edit(everything, [{ path: 'flow.b', delete: true }]);
    assert.match(next.text, /^flow: \{a: 1, c: "q"\}$/m);
  });

  test('an absent key is nothing to do; an inherited key is refused', () => {
    assert.equal(edit(everything, [{ path: 'ssl.absent', delete: true }]).text, everything);
    assert.throws(
      () => edit(everything, [{ path: 'ssl.host', delete: true }]),
      (e: unknown) => e instanceof DocumentEditError && /merge/.test(e.message),
    );
  });

  test('the last line of a file without a final newline', () => {
    assert.equal(edit('a: 1\r\nb: 2', [{ path: 'b', delete: true }]).text, 'a: 1');
  });
});

test('setting a section value edits key by key, keeping comments', () => {
  const next = edit(everything, [
    { path: 'unknownSection', value: { deep: { deeper: 'value', more: 1 } } },
  ]);
  assert.match(next.text, /deeper: value {3}# trailing\n {4}more: 1\n/);
});

test('edits that cannot be made safely are refused with the path', () => {
  assert.throws(
    () => edit(sample, [{ path: 'ssl.port.deeper', value: 1 }]),
    (e: unknown) => e instanceof DocumentEditError && e.path === 'ssl.port.deeper',
  );
  assert.throws(() => edit(sample, [{ path: 'a..b', value: 1 }]), DocumentEditError);
});

describe('syntax problems are reported with line and column', () => {
  const cases: [string, string, number, number][] = [
    ['a: 1\nssl:\n  port: 1\n  port: 2\n', "duplicate key 'port' (first at line 3)", 4, 3],
    [
      'a: 1\nssl:\n\tport: 1\n',
      'tab character used for indentation (YAML allows spaces only)',
      3,
      1,
    ],
  ];
  for (const [text, message, line, column] of cases) {
    test(message, () => {
      assert.throws(
        () => RwsDocument.parse(text),
        (e: unknown) =>
          e instanceof YamlSyntaxError &&
          e.message === message &&
          e.line === line &&
          e.column === column,
      );
    });
  }
  test('unclosed flow sequence', () => {
    assert.throws(
      () => RwsDocument.parse('a: 1\nb: [1, 2\nc: 3\n'),
      (e: unknown) => e instanceof YamlSyntaxError && e.line >= 2 && !e.message.includes('\n'),
    );
  });
});

test('keyPositions lists own keys with positions', () => {
  const doc = RwsDocument.parse(sample);
  const port = doc.keyPositions().find((k) => k.path === 'ssl.port');
  assert.deepEqual(port, { path: 'ssl.port', line: 36, column: 3 });
});

test('list items: deleting one removes its lines; the first key of an item moves up', () => {
  assert.equal(edit('l:\n  - a\n  - b\n', [{ path: 'l.0', delete: true }]).text, 'l:\n  - b\n');
  assert.equal(
    edit('l:\n  - x: 1\n    y: 2\n', [{ path: 'l.0.x', delete: true }]).text,
    'l:\n  - y: 2\n',
  );
});

test('a value that would not read back as intended is refused, not written', () => {
  assert.throws(
    () => edit('a: !!str 12\n', [{ path: 'a', value: 13 }]),
    (e: unknown) => e instanceof DocumentEditError && /read back/.test(e.message),
  );
});
