// One save policy for the app and `rwsec set`: the review says which errors and warnings a save
// would add; a save that adds errors is refused unless exactly that many were accepted (the app)
// or --force was given (the CLI); both refuse the same change with the same errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createApiHandlers } from '../../electron/api/api-handlers';
import { defaultFileStore } from '../../electron/services/session/default-file-store';
import { EditingSession } from '../../electron/services/session/editing-session';
import type { ApiHandlers } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { rwsecBin, sampleConfig } from '../helpers/paths';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rwsec-save-policy-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const breaking = { path: 'cassandraCluster.useSSL', value: true };

async function openCopy(name: string): Promise<{ file: string; handlers: ApiHandlers }> {
  const file = join(dir, name);
  await copyFile(sampleConfig, file);
  const handlers = createApiHandlers(new EditingSession(defaultFileStore), {
    version: 'test',
    mode: 'browser',
  });
  await dispatch(handlers, 'config.open', { path: file });
  return { file, handlers };
}

test('the app: review names the new errors; the save needs exactly that many accepted', async () => {
  const { file, handlers } = await openCopy('app.yaml');
  const original = await readFile(file, 'utf8');
  assert.deepEqual((await dispatch(handlers, 'config.review', {})).newErrors, []);
  await dispatch(handlers, 'config.edit', { edits: [breaking] });
  const review = await dispatch(handlers, 'config.review', {});
  const added = review.newErrors.map((d) => d.rule).sort();
  assert.ok(added.length >= 1, 'useSSL without a truststore is an error');
  assert.ok(
    added.every((rule) => rule.startsWith('cassandra-')),
    added.join(),
  );

  const refused = await dispatch(handlers, 'config.save', {});
  assert.equal(refused.saved, false);
  assert.ok('refused' in refused && refused.refused === 'new-errors');
  const wrongCount = await dispatch(handlers, 'config.save', { acceptErrors: added.length + 1 });
  assert.equal(wrongCount.saved, false, 'a stale acceptance does not pass');
  assert.equal(await readFile(file, 'utf8'), original, 'nothing written while refused');

  const saved = await dispatch(handlers, 'config.save', { acceptErrors: added.length });
  assert.equal(saved.saved, true);
  assert.match(await readFile(file, 'utf8'), /useSSL: true/);
  const after = await dispatch(handlers, 'config.review', {});
  assert.deepEqual(after.newErrors, [], 'the errors are on disk now: none is new');
  assert.equal(after.errors.length, review.errors.length);
});

test('`rwsec set` refuses the same change with the same new errors, and --force saves', async () => {
  const { handlers } = await openCopy('for-review.yaml');
  await dispatch(handlers, 'config.edit', { edits: [breaking] });
  const appRules = (await dispatch(handlers, 'config.review', {})).newErrors.map((d) => d.rule);

  const file = join(dir, 'cli.yaml');
  await copyFile(sampleConfig, file);
  const set = (...extra: string[]) =>
    spawnSync(process.execPath, [rwsecBin, 'set', file, 'cassandraCluster.useSSL=true', ...extra], {
      encoding: 'utf8',
    });
  const refused = set('--json');
  assert.equal(refused.status, 1, refused.stderr);
  const report = JSON.parse(refused.stdout) as { saved: boolean; errors: { rule: string }[] };
  assert.equal(report.saved, false);
  assert.deepEqual(
    report.errors.map((d) => d.rule),
    appRules,
  );
  assert.equal(set('--force').status, 0);
  assert.match(await readFile(file, 'utf8'), /useSSL: true/);
});
