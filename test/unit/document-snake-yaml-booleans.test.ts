import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runPureRules } from '../../shared/rules/index';
import { RwsDocument } from '../../shared/yaml/document';
import { needsQuotes } from '../../shared/yaml/scalar-format';
import { parseTypedValue } from '../../shared/yaml/typed-value';

// SnakeYAML (Java, what RWS reads with) knows only yes/no/true/false/on/off (three casings each).
const text = 'ssl:\n  keyStorePath: n\n  a: y\n  b: Y\n  c: N\n  d: yes\n  e: off\n  f: TRUE\n';

test('y, n, Y and N read as strings, as SnakeYAML reads them', () => {
  const doc = RwsDocument.parse(text);
  assert.equal(doc.get('ssl.keyStorePath'), 'n');
  assert.equal(doc.get('ssl.a'), 'y');
  assert.equal(doc.get('ssl.b'), 'Y');
  assert.equal(doc.get('ssl.c'), 'N');
});

test("SnakeYAML's boolean words still read as booleans", () => {
  const doc = RwsDocument.parse(text);
  assert.equal(doc.get('ssl.d'), true);
  assert.equal(doc.get('ssl.e'), false);
  assert.equal(doc.get('ssl.f'), true);
});

test('a section re-read after an edit reads y/n the same way', () => {
  const doc = RwsDocument.parse(`top: 1\n${text}`).withEdits([{ path: 'ssl.d', value: false }]);
  assert.equal(doc.get('ssl.keyStorePath'), 'n');
  assert.equal(doc.get('ssl.d'), false);
});

test('the round trip stays byte-identical and the writer still quotes y/n', () => {
  assert.equal(RwsDocument.parse(text).toString(), text);
  const edited = RwsDocument.parse(text).withEdits([{ path: 'ssl.a', value: 'n' }]);
  assert.match(edited.toString(), /^ {2}a: ["']n["']$/m);
  assert.equal(RwsDocument.parse(edited.toString()).get('ssl.a'), 'n');
  assert.equal(needsQuotes('y', false), true);
});

test('typed input n is a string where YAML decides the type', () => {
  assert.deepEqual(parseTypedValue('n', undefined, undefined), { ok: true, value: 'n' });
  assert.deepEqual(parseTypedValue('off', undefined, undefined), { ok: true, value: false });
});

test('speechMinerTrustedCA: n is a file path, not "validation off"', () => {
  const found = runPureRules(RwsDocument.parse('serverSettings:\n  speechMinerTrustedCA: n\n'));
  assert.equal(
    found.some((d) => d.rule === 'trust-ca-disabled'),
    false,
  );
  const off = runPureRules(RwsDocument.parse('serverSettings:\n  speechMinerTrustedCA: off\n'));
  assert.equal(
    off.some((d) => d.rule === 'trust-ca-disabled'),
    true,
  );
});
