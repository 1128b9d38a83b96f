import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RwsDocument, YamlSyntaxError } from '../../shared/yaml/document';
import { sampleConfig } from '../helpers/paths';

const text = readFileSync(sampleConfig, 'utf8');

test('reads values the way Java does (YAML 1.1)', () => {
  const doc = RwsDocument.parse('a: yes\nb: off\nc: "yes"\nd: 0x1F\n');
  assert.equal(doc.get('a'), true);
  assert.equal(doc.get('b'), false);
  assert.equal(doc.get('c'), 'yes');
  assert.equal(doc.get('d'), 31);
});

test('positions point at the key, or the nearest parent that exists', () => {
  const doc = RwsDocument.parse(text);
  assert.deepEqual(doc.position('ssl.keyStorePassword'), { line: 38, column: 3 });
  assert.deepEqual(doc.position('ssl.doesNotExist'), { line: 35, column: 1 });
  assert.equal(doc.get('serverSettings.crossOriginSettings.corsFilterCacheTimeToLive'), 120);
});

test('merge keys are honoured', () => {
  const doc = RwsDocument.parse('base: &b\n  port: 1\nssl:\n  <<: *b\n  keyStorePath: k\n');
  assert.equal(doc.get('ssl.port'), 1);
  assert.deepEqual(doc.keys('ssl')?.sort(), ['keyStorePath', 'port']);
});

test('syntax errors carry line and column', () => {
  assert.throws(
    () => RwsDocument.parse('a: 1\nb: [1, 2\n'),
    (e: unknown) => e instanceof YamlSyntaxError && e.line >= 2,
  );
});
