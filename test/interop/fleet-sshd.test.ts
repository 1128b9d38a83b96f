// The test fleet itself: real sshd processes on their own loopback addresses, reachable only with
// the test's key, config and known_hosts, and gone after stop().
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fleetSkipReason, startFleet, type Fleet } from '../helpers/ssh-fleet';

const skip = fleetSkipReason();
if (skip) console.log(`# skipped: ${skip}`);

describe('test fleet of real sshd', { skip }, () => {
  let fleet: Fleet;
  before(async () => {
    fleet = await startFleet({
      nodes: 3,
      populate: async (node) => writeFile(node.config, `# ${node.name}\nssl:\n  port: 443\n`),
    });
  });
  after(async () => fleet?.stop());

  const ssh = (args: string[]) => spawnSync('ssh', args, { encoding: 'utf8', timeout: 15000 });

  test('each node answers on its own address with its own file, key-only', () => {
    for (const node of fleet.nodes) {
      const r = ssh([
        '-F',
        fleet.sshConfig,
        '-p',
        String(node.port),
        node.address,
        'cat',
        node.config,
      ]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, `# ${node.name}\nssl:\n  port: 443\n`);
    }
    const noKey = ssh([
      '-F',
      '/dev/null',
      '-o',
      'BatchMode=yes',
      '-o',
      `UserKnownHostsFile=${fleet.knownHosts}`,
      '-o',
      'IdentitiesOnly=yes',
      '-o',
      'IdentityFile=/dev/null',
      '-o',
      'PasswordAuthentication=yes',
      '-p',
      String(fleet.nodes[0]!.port),
      `root@${fleet.nodes[0]!.address}`,
      'true',
    ]);
    assert.equal(noKey.status, 255);
    assert.match(noKey.stderr, /Permission denied \(publickey\)/);
  });

  test('a host key the known_hosts file does not hold is refused', async () => {
    const node = fleet.nodes[1]!;
    await fleet.rekeyNode(node);
    const r = ssh(['-F', fleet.sshConfig, '-p', String(node.port), node.address, 'true']);
    assert.equal(r.status, 255);
    assert.match(r.stderr, /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
  });

  test('stop ends every sshd and removes the folder', async () => {
    const pids = fleet.nodes.map((n) => n.pid!);
    const dir = fleet.dir;
    await fleet.stop();
    for (const pid of pids)
      assert.equal(existsSync(`/proc/${pid}`), false, `sshd ${pid} still runs`);
    assert.equal(existsSync(dir), false);
  });
});
