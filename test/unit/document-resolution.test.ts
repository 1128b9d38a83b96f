// Reading a document resolves its aliases and merges only when they might fail (node-scan.ts).
// The judge is the yaml library resolving the whole document: every text it cannot resolve must
// still be a syntax error at parse time, every other text must read the same values, whether the
// scan let the document skip the whole resolution or not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { RwsDocument, YamlSyntaxError } from '../../shared/yaml/document';
import { parseOptions } from '../../shared/yaml/section-reparse';

function libraryResolves(text: string): boolean {
  try {
    parseDocument(text, parseOptions).toJS({ maxAliasCount: 1000 });
    return true;
  } catch {
    return false;
  }
}

const aliases = (n: number): string =>
  `base: &b 1\nlist:\n${Array.from({ length: n }, () => '  - *b\n').join('')}`;

const cases: Record<string, string> = {
  'defaults merged into blocks': 'd: &d\n  retries: 3\na:\n  <<: *d\n  retries: 5\nb:\n  <<: *d\n',
  'merge of a list of mapping aliases': 'x: &x {a: 1}\ny: &y {b: 2}\nz:\n  <<: [*x, *y]\n  c: 3\n',
  'merge of a literal mapping': 'a:\n  <<: {k: v}\n  j: w\n',
  'alias of a scalar and a list': 's: &s text\nl: &l [1, 2]\nu: *s\nv: *l\n',
  'alias to an anchor not written': 'a: *nowhere\n',
  'alias before its anchor': 'a: *later\nb: &later 1\n',
  'merge of a scalar': 'a:\n  <<: 1\n',
  'merge of a scalar alias': 's: &s 1\nm:\n  <<: *s\n',
  'merge of a list holding a scalar': 'x: &x {a: 1}\ns: &s 1\nm:\n  <<: [*x, *s]\n',
  'merge of a mapping alias whose anchor was reused for a scalar':
    'x: &x {a: 1}\ny: &x 2\nm:\n  <<: *x\n',
  'an alias inside its own anchored node': 'a: &a [1, *a]\n',
  'nested aliases below the limit': 'a: &a [1, 2]\nb: &b [*a, *a]\nc: [*b, *b, *b]\n',
  'quoted "<<" is an ordinary key': 'a:\n  "<<": 1\n  b: *x\nx: &x 2\n',
  'a tagged ordered map with an alias': 'v: &v 1\no: !!omap\n  - a: *v\n  - a: 2\n',
  'an alias as a key': 'k: &k name\nm:\n  *k : value\n',
  '998 aliases of one anchor': aliases(998),
  '999 aliases of one anchor': aliases(999),
  '1000 aliases of one anchor': aliases(1000),
};

for (const [name, text] of Object.entries(cases)) {
  test(`aliases and merges: ${name} reads as the yaml library resolves it`, () => {
    if (!libraryResolves(text)) {
      assert.throws(() => RwsDocument.parse(text), YamlSyntaxError);
      return;
    }
    const doc = RwsDocument.parse(text);
    const whole = parseDocument(text, parseOptions).toJS({ maxAliasCount: 1000 }) as Record<
      string,
      unknown
    >;
    // Each section read alone (what get() does) and the whole document agree with the library.
    for (const key of Object.keys(whole)) assert.deepEqual(doc.get(key), whole[key], key);
    assert.deepEqual(doc.toJS(), whole);
  });
}

test('aliases and merges: the cases include both verdicts of the library', () => {
  const verdicts = Object.values(cases).map(libraryResolves);
  assert.ok(verdicts.includes(true) && verdicts.includes(false));
  assert.equal(libraryResolves(aliases(999)), true);
  assert.equal(libraryResolves(aliases(1000)), false);
});
