// The private ControlPath folder of a killed rwsec: SIGKILL runs no cleanup, so the folder stays;
// the node connections must end by themselves (no master lingering in the background), and the
// next rwsec start removes the folder, but never one of a live process or of another user.
import assert from 'node:assert/strict';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { nodeMaterial, populateNode } from '../helpers/fleet-nodes';
import { rwsecWatched } from '../helpers/fleet-rwsec';
import { commandLines } from '../helpers/process-watch';
import { fleetSkipReason, startFleet, type Fleet } from '../helpers/ssh-fleet';

const skip = fleetSkipReason();
if (skip) console.log(`# skipped: ${skip}`);

const until = async (ok: () => boolean, ms: number, what: string) => {
  for (const end = Date.now() + ms; !ok(); await new Promise((r) => setTimeout(r, 20)))
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
};

const foldersOf = (pid: number) =>
  readdirSync(tmpdir()).filter((n) => n.startsWith(`rwsec-ssh-${pid}-`));

describe('the ssh socket folder after SIGKILL of rwsec', { skip }, () => {
  let fleet: Fleet;
  let inventory: string;
  const planted: string[] = [];

  before(async () => {
    fleet = await startFleet({ nodes: 3, populate: populateNode(await nodeMaterial()) });
    inventory = await fleet.writeInventory();
  });
  after(async () => {
    for (const dir of planted) rmSync(dir, { recursive: true, force: true });
    await fleet?.stop();
  });

  test('left by the killed run, its connections end by themselves, the next run removes it', async () => {
    let folder: string | undefined;
    const killed = await rwsecWatched(['fleet', 'status', '-i', inventory, '--json'], {
      onSpawn: (child) => {
        // Killed as soon as a master connection's socket is in the folder: mid-run.
        void until(
          () => {
            const name = foldersOf(child.pid as number)[0];
            folder = name ? join(tmpdir(), name) : undefined;
            return folder !== undefined && readdirSync(folder).length > 0;
          },
          60_000,
          'a socket in the folder',
        ).then(() => child.kill('SIGKILL'));
      },
    });
    assert.equal(killed.signal, 'SIGKILL');
    assert.ok(folder && existsSync(folder), 'SIGKILL left the folder behind');
    // No ssh of the killed run lingers (its shells end when rwsec's pipes close).
    await until(
      () => !commandLines().some((l) => l.startsWith('ssh ') && l.includes(folder as string)),
      30_000,
      'the killed run`s ssh processes to end',
    );
    // Planted beside it: a folder of a live process (this test's) and one of another user.
    const live = join(tmpdir(), `rwsec-ssh-${process.pid}-LiveXx`);
    const foreign = join(tmpdir(), `rwsec-ssh-${killed.pid}-Other1`);
    for (const dir of [live, foreign]) {
      mkdirSync(dir, { mode: 0o700 });
      planted.push(dir);
    }
    chownSync(foreign, 65534, 65534);
    const next = await rwsecWatched(['fleet', 'status', '-i', inventory, '--limit', 'rws-1']);
    assert.equal(next.code, 0, next.err);
    assert.equal(existsSync(folder), false, 'the next run removed the stale folder');
    assert.deepEqual(foldersOf(next.pid as number), [], 'and its own, at its end');
    assert.ok(existsSync(live), 'a live process`s folder is kept');
    assert.ok(existsSync(foreign), 'another user`s folder is kept');
  });
});
