// The fleet transport on the three ways a node's sshd may serve files: sftp in sshd's own process
// (internal-sftp: nothing started on the node), Debian's default external sftp-server, and no
// sftp subsystem at all (rwsec then uses the node's POSIX shell). On each, repeated saves keep a
// non-root owner and the mode, rotate the backups to five, leave no temp file or lock, and a
// symbolic link planted in place of the backup folder is refused, never written through.
import assert from 'node:assert/strict';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { applyPlans, planNode } from '../../electron/services/fleet/fleet-set';
import { readFleetNodes } from '../../electron/services/fleet/fleet-status';
import { readFleet } from '../../electron/services/fleet/inventory';
import { SshSession } from '../../electron/services/fleet/ssh-transport';
import { nodeMaterial, populateNode } from '../helpers/fleet-nodes';
import { fleetSkipReason, startFleet, type Fleet, type SftpMode } from '../helpers/ssh-fleet';

const skip = fleetSkipReason();
if (skip) console.log(`# skipped: ${skip}`);

const ORIGINS = 'serverSettings.crossOriginSettings.allowedOrigins';
const MODES: { mode: SftpMode; first: number }[] = [
  { mode: 'internal', first: 31 },
  { mode: 'external', first: 34 },
  { mode: 'none', first: 37 },
];

/** One `fleet set` of ORIGINS=value on every node, through the service layer. */
async function setAll(inventory: string, value: string) {
  const session = new SshSession();
  try {
    const nodes = await readFleetNodes(session, await readFleet(inventory));
    for (const n of nodes) assert.equal(n.error, undefined, n.error);
    const plans = await Promise.all(
      nodes.map((n) => planNode(n, () => [{ path: ORIGINS, value }], [])),
    );
    return await applyPlans(session, plans);
  } finally {
    await session.close();
  }
}

for (const { mode, first } of MODES) {
  describe(`fleet transport, sftp subsystem ${mode}`, { skip }, () => {
    let fleet: Fleet;
    let inventory: string;

    before(async () => {
      fleet = await startFleet({
        nodes: 2,
        sftp: mode,
        firstAddress: first,
        populate: populateNode(await nodeMaterial()),
      });
      inventory = await fleet.writeInventory();
      for (const n of fleet.nodes) chownSync(n.config, 4321, 4322);
    });
    after(async () => fleet?.stop());

    test(mode === 'none' ? 'the shell is used' : 'the sftp channel is used', async () => {
      const session = new SshSession();
      try {
        const [host] = await readFleet(inventory);
        const sftp = await session.sftp(host!);
        assert.equal(sftp !== undefined, mode !== 'none');
      } finally {
        await session.close();
      }
    });

    test('six saves: owner 4321:4322 and mode 0640 kept, five backups, no temp file or lock left', async () => {
      for (let i = 1; i <= 6; i++) {
        const before = fleet.nodes.map((n) => readFileSync(n.config));
        const results = await setAll(inventory, `https://s${i}.example`);
        assert.deepEqual(
          results.map((r) => r.outcome),
          ['written', 'written'],
        );
        for (const [k, node] of fleet.nodes.entries()) {
          const st = statSync(node.config);
          assert.equal(`${st.uid}:${st.gid}`, '4321:4322');
          assert.equal(st.mode & 0o7777, 0o640);
          assert.match(readFileSync(node.config, 'utf8'), new RegExp(`s${i}\\.example`));
          const backup = results[k]!.backup as string;
          assert.deepEqual(readFileSync(backup), before[k], 'the backup is the version replaced');
        }
      }
      for (const node of fleet.nodes) {
        const etc = join(node.dir, 'etc');
        const folder = join(etc, '.rwsec-backups');
        assert.equal(statSync(folder).mode & 0o777, 0o700);
        assert.equal(readdirSync(folder).filter((n) => n.endsWith('.bak')).length, 5);
        assert.deepEqual(
          readdirSync(etc).filter((n) => n.endsWith('.tmp') || n.endsWith('-lock')),
          [],
        );
      }
    });

    test('a symbolic link in place of the backup folder is refused; the file and its target untouched', async () => {
      const node = fleet.nodes[0]!;
      const folder = join(node.dir, 'etc', '.rwsec-backups');
      const elsewhere = join(fleet.dir, `elsewhere-${mode}`);
      mkdirSync(elsewhere, { mode: 0o777 });
      rmSync(folder, { recursive: true, force: true });
      symlinkSync(elsewhere, folder);
      const before = readFileSync(node.config);
      const results = await setAll(inventory, 'https://through-link.example');
      assert.equal(results[0]!.outcome, 'failed');
      assert.equal(results[0]!.holds, 'old');
      assert.match(results[0]!.error ?? '', /symbolic link/);
      assert.equal(results[1]!.outcome, 'not-attempted');
      assert.deepEqual(readFileSync(node.config), before);
      assert.deepEqual(readdirSync(elsewhere), []);
      assert.ok(existsSync(folder));
    });
  });
}
