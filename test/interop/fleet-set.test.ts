// `rwsec fleet set` against real sshd nodes: each node's own file edited losslessly and saved with
// the remote safe save (mode, owner, backup kept), refusals before any write, a file changed on a
// node between read and write, and SIGKILL of rwsec and of a node's sshd mid-run.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { readFleet } from '../../electron/services/fleet/inventory';
import { applyPlans, planNode } from '../../electron/services/fleet/fleet-set';
import { readFleetNodes } from '../../electron/services/fleet/fleet-status';
import { SshSession } from '../../electron/services/fleet/ssh-transport';
import { RwsDocument } from '../../shared/yaml/document';
import {
  CASS_PASSWORD,
  nodeMaterial,
  populateNode,
  STOREPASS,
  TRUSTPASS,
} from '../helpers/fleet-nodes';
import { watchArgv } from '../helpers/process-watch';
import { rwsecWatched as rwsecAsync } from '../helpers/fleet-rwsec';
import {
  childPids,
  fleetSkipReason,
  startFleet,
  type Fleet,
  type FleetNode,
} from '../helpers/ssh-fleet';

const skip = fleetSkipReason();
if (skip) console.log(`# skipped: ${skip}`);

const ORIGINS = 'serverSettings.crossOriginSettings.allowedOrigins';
const NEW_SECRET = 'New-Cass-Pw-90210';

describe('rwsec fleet set on real sshd nodes', { skip }, () => {
  let fleet: Fleet;
  let inventory: string;
  const originals = new Map<string, Buffer>();

  before(async () => {
    fleet = await startFleet({ nodes: 5, populate: populateNode(await nodeMaterial()) });
    inventory = await fleet.writeInventory();
    for (const n of fleet.nodes) originals.set(n.name, readFileSync(n.config));
  });
  // stop() also ends the sshd session processes, so masters left by the SIGKILLed rwsec exit.
  after(async () => fleet?.stop());
  beforeEach(() => {
    for (const n of fleet.nodes) writeFileSync(n.config, originals.get(n.name) as Buffer);
  });

  const expected = (node: FleetNode, edits: { path: string; value: unknown }[]) =>
    RwsDocument.parse((originals.get(node.name) as Buffer).toString('utf8')).withEdits(edits).text;
  const backups = (node: FleetNode) => {
    const dir = join(node.dir, 'etc', '.rwsec-backups');
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((n) => n.endsWith('.bak'))
          .sort()
      : [];
  };
  const temps = (node: FleetNode) =>
    readdirSync(join(node.dir, 'etc')).filter((n) => n.endsWith('.tmp'));
  /** The node's config write lock, as another saver holds it; returns the release. */
  const holdLock = (node: FleetNode) => {
    const lock = join(node.dir, 'etc', '.application.yaml.rwsec-lock');
    writeFileSync(lock, '1 elsewhere\n', { flag: 'wx' });
    return () => rmSync(lock, { force: true });
  };
  const descendants = (pid: number): number[] =>
    childPids(pid).flatMap((child) => [child, ...descendants(child)]);
  const until = async (ok: () => boolean, ms: number) => {
    for (const end = Date.now() + ms; !ok(); await new Promise((r) => setTimeout(r, 100)))
      if (Date.now() > end) throw new Error('timed out waiting');
  };

  test('one change on every node: each own file edited, mode and owner kept, previous version backed up', async () => {
    const before = fleet.nodes.map(backups);
    const r = await rwsecAsync([
      'fleet',
      'set',
      '-i',
      inventory,
      `${ORIGINS}=https://*.corp.example`,
      '--yes',
    ]);
    assert.equal(r.code, 0, r.err);
    for (const [i, node] of fleet.nodes.entries()) {
      const text = readFileSync(node.config, 'utf8');
      assert.equal(text, expected(node, [{ path: ORIGINS, value: 'https://*.corp.example' }]));
      assert.match(text, /# Interaction Recording Web Services - node rws-01/, 'comments kept');
      assert.ok(text.includes(`IRWS_Node${i + 1}`), "the node's own differences kept");
      const st = statSync(node.config);
      assert.equal(st.mode & 0o7777, 0o640);
      assert.equal(st.uid, 0);
      const added = backups(node).filter((b) => !before[i]!.includes(b));
      assert.equal(added.length, 1);
      assert.deepEqual(
        readFileSync(join(node.dir, 'etc', '.rwsec-backups', added[0]!)),
        originals.get(node.name),
      );
      assert.equal(statSync(join(node.dir, 'etc', '.rwsec-backups')).mode & 0o777, 0o700);
      assert.deepEqual(temps(node), []);
    }
    assert.match(
      r.out,
      /-\s+allowedOrigins: http:\/\/\*\.example\.com, http:\/\/\*\.example\.internal\n\+\s+allowedOrigins: https:\/\/\*\.corp\.example/,
    );
    assert.match(
      r.out,
      /\[5\/5\] rws-5: written, holds the new file; previous version kept as .*\.rwsec-backups\/application\.yaml\.\d{8}T\d{6}\.\d{3}Z\.bak/,
    );
  });

  test('not confirmed without a terminal or --yes; a change adding errors is refused on every node; secrets stay out of output and argv', async () => {
    const unconfirmed = await rwsecAsync([
      'fleet',
      'set',
      '-i',
      inventory,
      `${ORIGINS}=https://a.example`,
    ]);
    assert.equal(unconfirmed.code, 1);
    assert.match(unconfirmed.err, /not confirmed .*add --yes; no node changed/);
    for (const n of fleet.nodes) assert.deepEqual(readFileSync(n.config), originals.get(n.name));

    const watch = watchArgv([NEW_SECRET, STOREPASS, TRUSTPASS, CASS_PASSWORD], /^ssh /);
    const wrongPw = await rwsecAsync(
      [
        'fleet',
        'set',
        '-i',
        inventory,
        '--value-env',
        'ssl.keyStorePassword=PW',
        '--yes',
        '--json',
      ],
      { env: { PW: NEW_SECRET } },
    );
    const secretSet = await rwsecAsync(
      [
        'fleet',
        'set',
        '-i',
        inventory,
        '--value-env',
        'cassandraCluster.password=PW',
        '--yes',
        '--json',
      ],
      { env: { PW: NEW_SECRET } },
    );
    watch.stop();
    assert.ok(watch.seen > 0);
    assert.deepEqual(watch.leaks, [], 'no secret on a command line');
    assert.equal(wrongPw.code, 1);
    assert.match(wrongPw.err, /adds errors on rws-1, rws-2, rws-3, rws-4, rws-5; no node changed/);
    assert.match(wrongPw.err, /ssl-keystore-wrong-password/);
    const refused = JSON.parse(wrongPw.out) as { written: boolean; plan: { diff: string }[] };
    assert.equal(refused.written, false);
    assert.match(refused.plan[0]!.diff, /\+\s+keyStorePassword: \*\*\*\*\*\*\*\*/);
    assert.equal(secretSet.code, 0, secretSet.err);
    for (const r of [wrongPw, secretSet]) {
      for (const s of [NEW_SECRET, STOREPASS, TRUSTPASS, CASS_PASSWORD]) {
        assert.ok(!r.out.includes(s) && !r.err.includes(s), 'no secret in output');
      }
    }
    assert.match(
      readFileSync(fleet.nodes[0]!.config, 'utf8'),
      new RegExp(`password: "${NEW_SECRET}"`),
    );
  });

  test('a file changed on a node between read and write: refused there, earlier nodes new, later untouched', async () => {
    const hosts = await readFleet(inventory);
    const session = new SshSession();
    try {
      const nodes = await readFleetNodes(session, hosts);
      const plans = [];
      for (const n of nodes) {
        plans.push(await planNode(n, () => [{ path: ORIGINS, value: 'https://b.example' }], []));
      }
      // Someone edits rws-3 after rwsec read it.
      const edited = Buffer.concat([
        originals.get('rws-3') as Buffer,
        Buffer.from('# hand edit\n'),
      ]);
      writeFileSync(fleet.nodes[2]!.config, edited);
      const results = await applyPlans(session, plans);
      assert.deepEqual(
        results.map((r) => [r.name, r.outcome, r.holds]),
        [
          ['rws-1', 'written', 'new'],
          ['rws-2', 'written', 'new'],
          ['rws-3', 'failed', 'other'],
          ['rws-4', 'not-attempted', 'old'],
          ['rws-5', 'not-attempted', 'old'],
        ],
      );
      assert.match(
        results[2]!.error ?? '',
        /rws-3: .* changed on the node since it was read; nothing was written/,
      );
      assert.deepEqual(readFileSync(fleet.nodes[2]!.config), edited);
      assert.deepEqual(temps(fleet.nodes[2]!), []);
      for (const i of [3, 4])
        assert.deepEqual(readFileSync(fleet.nodes[i]!.config), originals.get(`rws-${i + 1}`));
    } finally {
      await session.close();
    }
  });

  test('SIGKILL of rwsec mid-run: every node holds the old or the new file, never a part', async () => {
    const value = 'https://kill.example';
    // rws-3's write lock held by "another saver": its switch waits there, so the kill lands
    // after rws-1 and rws-2 are switched and before rws-3 is, however fast the switches are.
    const release = holdLock(fleet.nodes[2]!);
    try {
      const r = await rwsecAsync(
        ['fleet', 'set', '-i', inventory, `${ORIGINS}=${value}`, '--yes'],
        {
          onStdout: (out, child) => {
            if (/\[2\/5\]/.test(out)) child.kill('SIGKILL');
          },
        },
      );
      assert.equal(r.signal, 'SIGKILL');
      // A switch already sent to rws-3 waits on the lock, then gives up by itself: wait for
      // rws-3's shells to end before the lock goes, so that it cannot go on afterwards.
      const sshd = fleet.nodes[2]!.pid as number;
      await until(() => descendants(sshd).length === 0, 30_000);
    } finally {
      release();
    }
    const fresh = fleet.nodes.map((node) => {
      const now = readFileSync(node.config, 'utf8');
      const isNew = now === expected(node, [{ path: ORIGINS, value }]);
      const isOld = now === (originals.get(node.name) as Buffer).toString('utf8');
      assert.ok(isNew || isOld, `${node.name} holds the old or the new file`);
      return isNew;
    });
    assert.deepEqual(fresh, [true, true, false, false, false], 'killed after rws-2');
  });

  test("SIGKILL of a node's sshd mid-run: that node old or new, the run stops and says so", async () => {
    const value = 'https://sshd-kill.example';
    const victim = fleet.nodes[2]!;
    const release = holdLock(victim); // its switch waits: the kill lands while it is under way
    let r;
    try {
      r = await rwsecAsync(['fleet', 'set', '-i', inventory, `${ORIGINS}=${value}`, '--yes'], {
        onStdout: (out) => {
          if (/\[2\/5\]/.test(out) && victim.process) fleet.killNode(victim);
        },
      });
    } finally {
      release();
    }
    await fleet.startNode(victim);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /stopped at rws-3: rws-3 \(127\.0\.0\.13:\d+\): unreachable/);
    assert.match(r.err, /new file on: rws-1, rws-2; old file on: rws-4, rws-5; not checked: rws-3/);
    const now = readFileSync(victim.config, 'utf8');
    assert.ok(
      now === expected(victim, [{ path: ORIGINS, value }]) ||
        now === originals.get(victim.name)?.toString('utf8'),
      'rws-3 holds the old or the new file',
    );
    for (const i of [3, 4])
      assert.deepEqual(readFileSync(fleet.nodes[i]!.config), originals.get(`rws-${i + 1}`));
  });
});
