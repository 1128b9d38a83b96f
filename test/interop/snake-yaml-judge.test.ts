// The sample and fixture configs, and a config after our own edits, load in SnakeYAML with the
// values our document layer reports.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { snakeLoad, snakeValue, snakeYamlMissing } from '../helpers/snake-yaml';
import { repoRoot } from '../helpers/paths';

const skip = snakeYamlMissing();

test('the built-in sample config loads in SnakeYAML', { skip }, () => {
  const value = snakeValue(join(repoRoot, 'build', 'sample', 'application.yaml')) as Record<
    string,
    unknown
  >;
  assert.equal(typeof value, 'object');
  assert.ok(value !== null && 'serverSettings' in value);
});

test('SnakeYAML refuses duplicate keys and broken YAML, naming the problem', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rwsec-snake-'));
  const dup = join(dir, 'dup.yaml');
  writeFileSync(dup, 'ssl:\n  port: 1\n  port: 2\n');
  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, 'ssl: [\n');
  const good = join(dir, 'good.yaml');
  copyFileSync(join(repoRoot, 'build', 'sample', 'application.yaml'), good);
  const [d, b, g] = snakeLoad(dup, broken, good);
  assert.equal(d?.ok, false);
  assert.match(d && !d.ok ? d.error : '', /duplicate key/i);
  assert.equal(b?.ok, false);
  assert.equal(g?.ok, true);
});

test('SnakeYAML reads YAML 1.1 scalars as the server does', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rwsec-snake-'));
  const file = join(dir, 'types.yaml');
  writeFileSync(file, 'a: yes\nb: 010\nc: y\nd: 0x1F\ne: 1_000\nf: ~\n');
  assert.deepEqual(snakeValue(file), { a: true, b: 8, c: 'y', d: 31, e: 1000, f: null });
});
