import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildJsonSchema, type JsonSchema } from '../../shared/catalog/json-schema';
import { options } from '../../shared/catalog/options';
import { RwsDocument } from '../../shared/yaml/document';
import { sampleConfig } from '../helpers/paths';

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The draft-07 subset our schema uses: type, properties, additionalProperties, min/max. */
function check(schema: JsonSchema, value: unknown, path: string, errors: string[]): void {
  if (value === null) return; // an empty YAML value: the server uses its default
  if (schema.type) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    const ok = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
    if (!ok) errors.push(`${path}: ${actual} is not ${allowed.join('|')}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: < minimum`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: > maximum`);
  }
  if (typeOf(value) === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const sub = schema.properties?.[key];
      if (sub) check(sub, child, `${path}.${key}`, errors);
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
    }
  }
}

const schema = buildJsonSchema();

test('the schema is draft-07, open at the root, strict only in ssl and crossOriginSettings', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(schema.additionalProperties, true);
  assert.equal(schema.properties?.ssl?.additionalProperties, false);
  assert.equal(schema.properties?.serverSettings?.additionalProperties, true);
  assert.equal(
    schema.properties?.serverSettings?.properties?.crossOriginSettings?.additionalProperties,
    false,
  );
  assert.equal(schema.properties?.cassandraCluster?.additionalProperties, true);
});

test('every catalog option is in the schema with a description', () => {
  for (const o of options) {
    let node: JsonSchema | undefined = schema;
    for (const part of o.path.split('.')) node = node?.properties?.[part];
    assert.ok(node, `${o.path} missing`);
    assert.ok(node.markdownDescription?.includes(o.help), o.path);
  }
  const port = schema.properties?.ssl?.properties?.port;
  assert.deepEqual([port?.type, port?.minimum, port?.maximum], ['integer', 1, 65535]);
  assert.deepEqual(schema.properties?.serverSettings?.properties?.rcsTrustedCA?.type, [
    'boolean',
    'string',
  ]);
});

test('the sample validates against the schema; wrong types do not', () => {
  const value = RwsDocument.parse(readFileSync(sampleConfig, 'utf8')).get('');
  const errors: string[] = [];
  check(schema, value, '$', errors);
  assert.deepEqual(errors, []);

  const bad = RwsDocument.parse(
    'ssl:\n  port: abc\n  extra: 1\ncassandraCluster:\n  useSSL: maybe\n  custom: kept\n',
  ).get('');
  const badErrors: string[] = [];
  check(schema, bad, '$', badErrors);
  assert.deepEqual(badErrors.sort(), [
    '$.cassandraCluster.useSSL: string is not boolean',
    '$.ssl.extra: not allowed',
    '$.ssl.port: string is not integer',
  ]);
});
