import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { RwsDocument } from '../../shared/yaml/document';
import { needsQuotes } from '../../shared/yaml/scalar-format';
import { parseTypedValue } from '../../shared/yaml/typed-value';

const base = 'section:\n  plain: value\n  list: {a: b}\n';

/** Strings a YAML 1.1 reader (Java's SnakeYAML) would not read back as the same string. */
const ambiguous = [
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  'N',
  'True',
  'FALSE',
  '~',
  'null',
  'Null',
  '',
  '0x1F',
  '1_000',
  '012',
  '.5',
  '1e3',
  '-1',
  '+12',
  '3.14',
  '.inf',
  '-.Inf',
  '.nan',
  '190:20:30',
  '2001-12-14',
  '<<',
  '=',
  'a: b',
  'x #y',
  '#comment',
  '- item',
  '? q',
  '*alias',
  '&anchor',
  '!tag',
  '|',
  '>',
  '%dir',
  '@at',
  '`tick',
  '[1]',
  '{a}',
  '"q"',
  "'q'",
  ' lead',
  'trail ',
  'tab\there',
  'multi\nline',
  '---',
  '...',
];

describe('strings YAML 1.1 would misread are written quoted and read back unchanged', () => {
  for (const value of ambiguous) {
    test(JSON.stringify(value), () => {
      const next = RwsDocument.parse(base).withEdits([
        { path: 'section.plain', value },
        { path: 'section.list.a', value },
      ]);
      assert.equal(next.get('section.plain'), value);
      assert.equal(next.get('section.list.a'), value);
      // An independent YAML 1.1 reader agrees.
      const plain = parse(next.text, { version: '1.1' }) as { section: { plain: unknown } };
      assert.equal(plain.section.plain, value);
      assert.equal(next.text.split('\n').length, base.split('\n').length);
    });
  }
});

test('ordinary strings stay plain, including Windows paths and URLs', () => {
  for (const value of [
    'storepwd',
    '/opt/gir/keystore',
    'C:\\gir\\keystore.jks',
    'http://h:8080/x',
    'a b c',
  ]) {
    assert.equal(needsQuotes(value, false), false, value);
    const next = RwsDocument.parse(base).withEdits([{ path: 'section.plain', value }]);
    assert.ok(next.text.includes(`plain: ${value}\n`), next.text);
  }
});

test('in flow collections, commas and brackets need quotes', () => {
  assert.equal(needsQuotes('a,b', true), true);
  assert.equal(needsQuotes('a,b', false), false);
});

test('booleans are written true/false and numbers plain', () => {
  const next = RwsDocument.parse(base).withEdits([
    { path: 'section.plain', value: true },
    { path: 'section.num', value: 8443 },
    { path: 'section.f', value: 0.5 },
    { path: 'section.tiny', value: 1e-7 },
  ]);
  assert.match(next.text, /plain: true\n/);
  assert.match(next.text, /num: 8443\n {2}f: 0.5\n {2}tiny: 1.0e-7\n/);
  assert.equal(next.get('section.tiny'), 1e-7);
});

describe('typed values from the command line', () => {
  test('by catalog type', () => {
    assert.deepEqual(parseTypedValue('8443', 'port', undefined), { ok: true, value: 8443 });
    assert.equal(parseTypedValue('abc', 'port', undefined).ok, false);
    assert.equal(parseTypedValue('70000', 'port', undefined).ok, false);
    assert.deepEqual(parseTypedValue('yes', 'boolean', undefined), { ok: true, value: true });
    assert.equal(parseTypedValue('maybe', 'boolean', undefined).ok, false);
    assert.deepEqual(parseTypedValue('false', 'trust', undefined), { ok: true, value: false });
    assert.deepEqual(parseTypedValue('/ca.pem', 'trust', undefined), {
      ok: true,
      value: '/ca.pem',
    });
    assert.deepEqual(parseTypedValue('012', 'secret', undefined), { ok: true, value: '012' });
  });
  test('unknown keys: by the existing value, else by YAML 1.1', () => {
    assert.deepEqual(parseTypedValue('off', undefined, true), { ok: true, value: false });
    assert.equal(parseTypedValue('abc', undefined, 5).ok, false);
    assert.deepEqual(parseTypedValue('123', undefined, 'text'), { ok: true, value: '123' });
    assert.deepEqual(parseTypedValue('123', undefined, undefined), { ok: true, value: 123 });
    assert.deepEqual(parseTypedValue('on', undefined, undefined), { ok: true, value: true });
    assert.deepEqual(parseTypedValue('a: b', undefined, undefined), { ok: true, value: 'a: b' });
  });
});
