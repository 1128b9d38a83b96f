import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { diagnosticSchema } from '../../shared/diagnostic-schema';
import { repoRoot, rwsecBin, sampleConfig } from '../helpers/paths';
import { tempDir } from './rules-support';

const tmp = tempDir('cli');
after(() => tmp.cleanup());

function rwsec(...args: string[]) {
  const r = spawnSync(process.execPath, [rwsecBin, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(name: string, text: string): string {
  const file = join(tmp.dir, name);
  writeFileSync(file, text);
  return file;
}

const built = existsSync(join(repoRoot, 'dist', 'cli.cjs'));
const skip = built ? false : 'dist/cli.cjs not built (npm test builds it first)';

test('the sample: exit 0, one line per warning with a fix, and a summary', { skip }, () => {
  const r = rwsec('validate', sampleConfig);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trimEnd().split('\n');
  const findings = lines.filter((l) => l.startsWith(sampleConfig));
  assert.equal(findings.length, 6);
  assert.match(
    findings[0] ?? '',
    /^.*application\.yaml:38:3: warning: ssl\.keyStorePassword is stored in plain text.* \[secret-plain-text\]$/,
  );
  assert.equal(lines.filter((l) => l.startsWith('    fix: ')).length, 6);
  assert.equal(lines.at(-1), '0 errors, 6 warnings');
});

test('errors: exit 1; --json prints exactly the Diagnostic fields, sorted', { skip }, () => {
  const file = write(
    'bad.yaml',
    'cassandraCluster:\n  useSSL: true\nssl:\n  port: abc\nserverSettings:\n  enableCsrfProtection: true\n',
  );
  const human = rwsec('validate', file);
  assert.equal(human.code, 1);
  assert.match(human.out, /\d+ errors, \d+ warnings?\n$/);

  const r = rwsec('validate', file, '--json');
  assert.equal(r.code, 1);
  const parsed = JSON.parse(r.out) as { file: string; diagnostics: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(parsed), ['file', 'diagnostics']);
  assert.equal(parsed.file, file);
  const rules = parsed.diagnostics.map((d) => d.rule);
  for (const rule of [
    'cassandra-truststore-missing',
    'cassandra-truststore-password-missing',
    'type-mismatch',
    'csrf-exposed-headers',
    'csrf-speechminer',
  ]) {
    assert.ok(rules.includes(rule), rule);
  }
  // Exactly the fields of the one diagnostic schema (a quick fix's edits included), nothing else.
  const allowed = Object.keys(diagnosticSchema.shape);
  for (const d of parsed.diagnostics) {
    assert.deepEqual(
      Object.keys(d).filter((k) => !allowed.includes(k)),
      [],
    );
  }
  const lines = parsed.diagnostics.map((d) => d.line as number);
  assert.deepEqual(
    lines,
    [...lines].sort((a, b) => a - b),
  );
});

test('broken YAML: exit 2 with file:line:column, and no other output', { skip }, () => {
  const file = write('broken.yaml', 'ssl:\n  port: 443\n  keyStorePath: [a, b\n');
  const r = rwsec('validate', file);
  assert.equal(r.code, 2);
  assert.match(
    r.err,
    new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: not valid YAML`),
  );
  assert.equal(r.out, '');
  assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
  const json = rwsec('validate', file, '--json');
  assert.equal(json.code, 2);
  assert.equal(
    (JSON.parse(json.out) as { diagnostics: { rule: string }[] }).diagnostics[0]?.rule,
    'yaml-syntax',
  );
});

test('duplicate keys are reported with their position', { skip }, () => {
  const file = write('dup.yaml', 'ssl:\n  port: 443\n  port: 9443\n');
  const r = rwsec('validate', file);
  assert.equal(r.code, 2);
  assert.match(r.err, /dup\.yaml:3:\d+: error:/);
});

test('a missing file: exit 2 with a short message', { skip }, () => {
  const r = rwsec('validate', join(tmp.dir, 'nope.yaml'));
  assert.equal(r.code, 2);
  assert.match(r.err, /nope\.yaml: error: cannot read the file: no such file; check the path\n$/);
});

test('usage errors exit 2; help lists the rules from the registry', { skip }, () => {
  assert.equal(rwsec('validate').code, 2);
  assert.equal(rwsec('validate', 'a', 'b').code, 2);
  const help = rwsec('validate', '--help');
  assert.equal(help.code, 0);
  for (const id of [
    'csrf-exposed-headers',
    'ssl-keystore-not-found',
    'trust-store-password-missing',
  ]) {
    assert.ok(help.out.includes(id), id);
  }
  const top = rwsec('--help');
  assert.match(top.out, /validate\s+check the security settings/);
  assert.match(top.out, /schema\s+print a JSON Schema/);
});

test('rwsec schema prints a JSON Schema; --list prints the catalog', { skip }, () => {
  const r = rwsec('schema');
  assert.equal(r.code, 0);
  const schema = JSON.parse(r.out) as { $schema: string; properties: Record<string, unknown> };
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.ok(schema.properties.cassandraCluster);
  const list = rwsec('schema', '--list');
  assert.equal(list.code, 0);
  assert.match(list.out, /cassandraCluster\.truststorePassword/);
});
