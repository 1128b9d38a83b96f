import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserFacingError } from '../../shared/user-error';
import { EditingSession } from '../../electron/services/session/editing-session';
import { defaultFileStore } from '../../electron/services/session/default-file-store';
import { sampleConfig } from '../helpers/paths';
import type { Diagnostic } from '../../shared/diagnostics';
import type { RwsDocument } from '../../shared/yaml/document';

async function withSample(fn: (file: string, dir: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'rwsec-session-'));
  try {
    const file = join(dir, 'application.yaml');
    await writeFile(file, await readFile(sampleConfig, 'utf8'));
    await fn(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('an edit makes the session dirty, shows in the diff, and undo/redo walk it back and forth', async () => {
  await withSample(async (file) => {
    const session = new EditingSession(defaultFileStore);
    const opened = await session.open(file);
    assert.equal(opened.dirty, false);
    assert.equal((opened.values as { ssl: { port: number } }).ssl.port, 443);

    const edited = await session.edit([{ path: 'ssl.port', value: 9443 }]);
    assert.equal(edited.dirty, true);
    assert.equal(edited.canUndo, true);
    assert.equal((edited.values as { ssl: { port: number } }).ssl.port, 9443);

    const diff = await session.diff();
    assert.match(diff, /^- {2}port: 443$/m);
    assert.match(diff, /^\+ {2}port: 9443$/m);
    assert.equal(diff.split('\n').filter((l) => /^[+-][^+-]/.test(l)).length, 2);

    const undone = await session.undo();
    assert.equal(undone.dirty, false);
    assert.equal(undone.canRedo, true);
    assert.equal(await session.diff(), '');
    const redone = await session.redo();
    assert.equal((redone.values as { ssl: { port: number } }).ssl.port, 9443);
    assert.equal(redone.canRedo, false);
  });
});

test('save writes only the edited line, keeps a backup, and the session is clean afterwards', async () => {
  await withSample(async (file, dir) => {
    const before = await readFile(file, 'utf8');
    const session = new EditingSession(defaultFileStore);
    await session.open(file);
    await session.edit([{ path: 'cassandraCluster.useSSL', value: true }]);
    // useSSL without a truststore adds errors: the save policy wants them accepted by number.
    const { newErrors } = await session.review();
    assert.ok(newErrors.length > 0);
    assert.equal((await session.save()).saved, false);
    const result = await session.save(false, newErrors.length);
    assert.equal(result.saved, true);
    if (!result.saved) return;
    assert.equal(result.state.dirty, false);
    const after = await readFile(file, 'utf8');
    const a = before.split('\n');
    const b = after.split('\n');
    assert.equal(a.length, b.length);
    const changed = a.map((line, i) => [line, b[i]]).filter(([x, y]) => x !== y);
    assert.deepEqual(changed, [['  useSSL: false', '  useSSL: true']]);
    assert.ok(result.backup);
    assert.equal(await readFile(result.backup, 'utf8'), before);
    assert.ok((await readdir(dir)).every((name) => !name.endsWith('.tmp')));
  });
});

test('a file changed on disk is never overwritten silently; force overwrites, reload discards', async () => {
  await withSample(async (file) => {
    const session = new EditingSession(defaultFileStore);
    await session.open(file);
    await session.edit([{ path: 'ssl.port', value: 9443 }]);
    const outside = (await readFile(file, 'utf8')).replace('rws-01', 'rws-02');
    await writeFile(file, outside);

    const refused = await session.save();
    assert.deepEqual(refused, { saved: false, conflict: 'changed-on-disk' });
    assert.equal(await readFile(file, 'utf8'), outside);

    const forced = await session.save(true);
    assert.equal(forced.saved, true);
    assert.match(await readFile(file, 'utf8'), /port: 9443/);

    await session.edit([{ path: 'ssl.port', value: 8443 }]);
    const reloaded = await session.reload();
    assert.equal(reloaded.dirty, false);
    assert.equal(reloaded.canUndo, false);
    assert.equal((reloaded.values as { ssl: { port: number } }).ssl.port, 9443);
  });
});

test('broken YAML opens in an error state with line and column, and edits are refused clearly', async () => {
  await withSample(async (file) => {
    await writeFile(file, 'ssl:\n  port: 443\n  port: 444\nfoo: [\n');
    const session = new EditingSession(defaultFileStore);
    const state = await session.open(file);
    assert.ok(state.syntaxError);
    assert.ok(state.syntaxError.line >= 1);
    assert.equal(state.values, null);
    await assert.rejects(session.edit([{ path: 'ssl.port', value: 1 }]), (error: Error) => {
      assert.match(
        error.message,
        new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`),
      );
      return true;
    });
  });
});

test('a missing file gives a message naming it, not a stack trace', async () => {
  const session = new EditingSession(defaultFileStore);
  await assert.rejects(session.open('/nonexistent/dir/application.yaml'), (error: Error) => {
    assert.match(error.message, /Cannot open \/nonexistent\/dir\/application\.yaml: no such file/);
    return true;
  });
});

test('diagnostics follow every edit, and uncovered keys list what the forms do not own', async () => {
  await withSample(async (file) => {
    const validate = async (doc: RwsDocument): Promise<Diagnostic[]> =>
      doc.get('ssl.port') === 80
        ? [
            {
              severity: 'error',
              rule: 'port-range',
              path: 'ssl.port',
              line: 1,
              column: 1,
              message: 'm',
            },
          ]
        : [];
    const session = new EditingSession(defaultFileStore, validate);
    const state = await session.open(file);
    assert.deepEqual(state.diagnostics, []);
    assert.ok(state.uncoveredKeys.includes('logging.file'));
    assert.ok(state.uncoveredKeys.includes('cassandraCluster.keyspace'));
    assert.ok(!state.uncoveredKeys.includes('ssl.port'));
    const bad = await session.edit([{ path: 'ssl.port', value: 80 }]);
    assert.equal(bad.diagnostics[0]?.path, 'ssl.port');
    const good = await session.undo();
    assert.deepEqual(good.diagnostics, []);
  });
});

test('an edit the document refuses is a bad request naming the path; the text is untouched', async () => {
  await withSample(async (file) => {
    const session = new EditingSession(defaultFileStore);
    await session.open(file);
    await assert.rejects(
      session.edit([{ path: 'ssl.port.x', value: 1 }]),
      (e: unknown) =>
        e instanceof UserFacingError &&
        e.kind === 'bad-request' &&
        e.message.includes(file) &&
        e.message.includes('ssl.port'),
    );
    const state = await session.state();
    assert.equal(state.dirty, false);
    assert.equal((state.values as { ssl: { port: number } }).ssl.port, 443);
  });
});
