// Temp files left by a killed save are removed by the next save of the same file once they are
// older than ten minutes; younger ones (maybe another process's save in flight) and every other
// file stay.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { saveText } from '../../electron/services/files/safe-save';

let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rwsec-stale-'));
});
after(() => rm(dir, { recursive: true, force: true }));

async function aged(file: string, minutes: number, folder = false): Promise<void> {
  if (folder) await mkdir(file);
  else await writeFile(file, 'half-written');
  const when = new Date(Date.now() - minutes * 60_000);
  await utimes(file, when, when);
}

test('the next save removes its own stale temp files and nothing else', async () => {
  const target = join(dir, 'application.yaml');
  await writeFile(target, 'a: 1\n');
  const stale = [
    '.application.yaml.rwsec-0123456789ab.tmp',
    '.application.yaml.rwsec-ffffffffffff.tmp',
  ];
  const kept = [
    '.application.yaml.rwsec-abcdefabcdef.tmp', // fresh: maybe another save in flight
    '.other.yaml.rwsec-0123456789ab.tmp', // another file's leftover
    '.application.yaml.rwsec-notours.tmp', // not our naming
    'application.yaml.rwsec-0123456789ab.tmp', // no leading dot
    '.application.yaml.rwsec-0123456789ab.tmp.keep', // a different file
    'notes.txt',
  ];
  for (const name of stale) await aged(join(dir, name), 11);
  await aged(join(dir, kept[0]!), 2);
  for (const name of kept.slice(1)) await aged(join(dir, name), 60);
  await aged(join(dir, '.application.yaml.rwsec-aaaaaaaaaaaa.tmp'), 60, true);

  const result = await saveText(target, 'a: 2\n', { backups: 0 });
  assert.equal(result.written, true);

  const left = new Set(await readdir(dir));
  for (const name of stale) assert.ok(!left.has(name), `${name} should be removed`);
  for (const name of kept) assert.ok(left.has(name), `${name} must stay`);
  assert.ok(left.has('.application.yaml.rwsec-aaaaaaaaaaaa.tmp'), 'a folder is never removed');
  // The save itself left no temp file behind.
  const ours = /^\.application\.yaml\.rwsec-[0-9a-f]{12}\.tmp$/;
  assert.deepEqual([...left].filter((n) => ours.test(n)).sort(), [
    '.application.yaml.rwsec-aaaaaaaaaaaa.tmp',
    '.application.yaml.rwsec-abcdefabcdef.tmp',
  ]);
});
