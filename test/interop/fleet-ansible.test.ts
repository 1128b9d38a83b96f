// `rwsec fleet set --ansible-playbook OUT` judged by Debian's ansible-playbook against the test
// fleet: the files Ansible leaves are byte-identical (mode and owner too) to those `fleet set`
// writes; the playbook holds no secret; a node changed after the export is refused by the
// playbook's validate step, and the run stops there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { nodeMaterial, populateNode, STOREPASS, TRUSTPASS } from '../helpers/fleet-nodes';
import { ansiblePlaybook } from '../helpers/ansible';
import { rwsecWatched } from '../helpers/fleet-rwsec';
import { fleetSkipReason, startFleet, type Fleet } from '../helpers/ssh-fleet';

const hasAnsible = spawnSync('ansible-playbook', ['--version'], { stdio: 'ignore' }).status === 0;
const skip =
  fleetSkipReason() ??
  (hasAnsible ? undefined : 'ansible-playbook is not installed (Debian ansible-core)');
if (skip) console.log(`# skipped: ${skip}`);

const ORIGINS = 'serverSettings.crossOriginSettings.allowedOrigins';
const SECRET = 'Exported-Secret-4411';

describe('fleet set --ansible-playbook, run by ansible-playbook', { skip }, () => {
  let fleet: Fleet;
  let inventory: string;
  const originals = new Map<string, Buffer>();
  before(async () => {
    fleet = await startFleet({ nodes: 3, populate: populateNode(await nodeMaterial()) });
    inventory = await fleet.writeInventory();
    for (const n of fleet.nodes) originals.set(n.name, readFileSync(n.config));
  });
  after(async () => fleet?.stop());

  const restore = () => {
    for (const n of fleet.nodes) writeFileSync(n.config, originals.get(n.name) as Buffer);
  };
  const change = () => [
    'fleet',
    'set',
    '-i',
    inventory,
    `${ORIGINS}=https://*.ansible.example`,
    '--value-env',
    'cassandraCluster.password=PW',
  ];

  test('the playbook makes exactly the files `fleet set` writes', async () => {
    const out = join(fleet.dir, 'export');
    const exported = await rwsecWatched([...change(), '--ansible-playbook', out], {
      env: { PW: SECRET },
    });
    assert.equal(exported.code, 0, exported.err);
    for (const n of fleet.nodes)
      assert.deepEqual(readFileSync(n.config), originals.get(n.name), 'export writes no node');
    const playbook = readFileSync(join(out, 'playbook.yml'), 'utf8');
    for (const s of [SECRET, STOREPASS, TRUSTPASS])
      assert.ok(!playbook.includes(s), 'no secret in the playbook');
    assert.match(playbook, /ansible\.builtin\.copy:/);
    assert.match(playbook, /backup: true/);
    assert.match(playbook, /validate: /);
    assert.equal(statSync(join(out, 'files', 'rws-1', 'application.yaml')).mode & 0o777, 0o600);

    const run = await ansiblePlaybook(fleet.dir, ['-i', inventory, join(out, 'playbook.yml')]);
    assert.equal(run.code, 0, run.out);
    const byAnsible = fleet.nodes.map((n) => ({
      bytes: readFileSync(n.config),
      st: statSync(n.config),
    }));
    // Ansible's own backup beside the file (backup: true).
    assert.ok(
      readdirSync(join(fleet.nodes[0]!.dir, 'etc')).some((f) =>
        /^application\.yaml\.\d+\..*~$/.test(f),
      ),
    );

    restore();
    const direct = await rwsecWatched([...change(), '--yes'], { env: { PW: SECRET } });
    assert.equal(direct.code, 0, direct.err);
    for (const [i, n] of fleet.nodes.entries()) {
      const bytes = readFileSync(n.config);
      const st = statSync(n.config);
      assert.deepEqual(bytes, byAnsible[i]!.bytes, `${n.name}: byte-identical`);
      assert.notDeepEqual(bytes, originals.get(n.name));
      assert.equal(st.mode & 0o7777, byAnsible[i]!.st.mode & 0o7777);
      assert.equal(`${st.uid}:${st.gid}`, `${byAnsible[i]!.st.uid}:${byAnsible[i]!.st.gid}`);
    }
  });

  test("a node changed after the export: the playbook's validate refuses it and the run stops", async () => {
    restore();
    const out = join(fleet.dir, 'export-2');
    const exported = await rwsecWatched([...change(), '--ansible-playbook', out], {
      env: { PW: SECRET },
    });
    assert.equal(exported.code, 0, exported.err);
    const edited = Buffer.concat([
      originals.get('rws-2') as Buffer,
      Buffer.from('# edited by hand\n'),
    ]);
    writeFileSync(fleet.nodes[1]!.config, edited);
    const run = await ansiblePlaybook(fleet.dir, ['-i', inventory, join(out, 'playbook.yml')]);
    assert.notEqual(run.code, 0);
    assert.match(run.out, /failed to validate/);
    assert.deepEqual(readFileSync(fleet.nodes[1]!.config), edited, 'rws-2 left as edited');
    assert.deepEqual(
      readFileSync(fleet.nodes[2]!.config),
      originals.get('rws-3'),
      'rws-3 not reached',
    );
    assert.notDeepEqual(
      readFileSync(fleet.nodes[0]!.config),
      originals.get('rws-1'),
      'rws-1 changed',
    );
  });
});
