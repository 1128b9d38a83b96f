// Inventory reading judged by Ansible itself: every host's resolved variables must equal what
// `ansible-inventory --list` reports, and every --limit must select the hosts
// `ansible PATTERN --list-hosts` lists.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  fleetHost,
  InventoryError,
  limitHosts,
  readFleet,
  readInventory,
} from '../../electron/services/fleet/inventory';
import { resolvedVars } from '../../electron/services/fleet/inventory-model';

const hasAnsible = spawnSync('ansible-inventory', ['--version'], { stdio: 'ignore' }).status === 0;
const skip = hasAnsible ? undefined : 'ansible-inventory is not installed (Debian ansible-core)';
if (skip) console.log(`# skipped: ${skip}`);

const INI = `# RWS nodes and the Cassandra ring
lonely

[rws]
rws-[1:3] ansible_user=gir
rws-10.example.net:2200 rws_config="/etc/gir/app lication.yaml" ansible_ssh_common_args='-o ProxyJump=bastion -F "/x y/ssh_config"'

[rws:vars]
rws_config=/opt/genesys/gir/application.yaml
ansible_port=2222

[cassandra]
cass-[a:b]
cass-c ansible_host=10.0.0.9

[dc1]
rws-1

[dc1:vars]
rws_config=/srv/dc1/application.yaml

[prod:children]
rws
cassandra

[prod:vars]
ansible_user=ops
ansible_port=22

[all:vars]
ansible_ssh_private_key_file=/keys/id_ed25519
`;

const YAML = `all:
  vars:
    ansible_user: root
  hosts:
    loose-1:
  children:
    rws:
      vars:
        rws_config: /opt/gir/application.yaml
      hosts:
        rws-01: {ansible_host: 127.0.0.11, ansible_port: 2222}
        rws-02:
          ansible_host: 127.0.0.12
          rws_config: /other/application.yaml
      children:
        rws_eu:
          hosts:
            rws-eu[1:2]:
          vars:
            ansible_user: eu
    cassandra:
      hosts:
        cass-1:
`;

function ansibleList(inventory: string) {
  const r = spawnSync('ansible-inventory', ['-i', inventory, '--list'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true',
      ANSIBLE_LOCALHOST_WARNING: 'false',
    },
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as {
    _meta: { hostvars: Record<string, Record<string, unknown>> };
  } & Record<string, { hosts?: string[]; children?: string[] }>;
}

function ansibleHosts(inventory: string, pattern: string): string[] {
  const r = spawnSync('ansible', [pattern, '-i', inventory, '--list-hosts'], {
    encoding: 'utf8',
    env: { ...process.env, ANSIBLE_LOCALHOST_WARNING: 'false' },
  });
  if (r.status !== 0) return [];
  return r.stdout
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

describe('inventory reading, judged by ansible-inventory', { skip }, () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rwsec-inventory-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  for (const [form, text, name] of [
    ['INI', INI, 'hosts'],
    ['YAML', YAML, 'hosts.yml'],
  ] as const) {
    test(`${form}: hosts, groups and resolved variables are Ansible's`, async () => {
      const file = join(dir, name);
      await writeFile(file, text);
      const inventory = await readInventory(file);
      const listed = ansibleList(file);
      const expected = listed._meta.hostvars;
      assert.deepEqual([...inventory.hosts].sort(), Object.keys(expected).sort());
      for (const host of inventory.hosts) {
        const ours = resolvedVars(inventory, host);
        const theirs = expected[host] ?? {};
        const stringly = (v: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
        assert.deepEqual(stringly(ours), stringly(theirs), `variables of ${host}`);
      }
      for (const [group, entry] of Object.entries(listed)) {
        const body = entry as { hosts?: string[] };
        if (group === '_meta' || !body.hosts) continue;
        assert.deepEqual(
          [...(inventory.groups.get(group)?.hosts ?? [])].sort(),
          [...body.hosts].sort(),
          `hosts listed directly in ${group}`,
        );
      }
    });
  }

  test('--limit selects what `ansible PATTERN --list-hosts` selects', async () => {
    const ini = join(dir, 'limits');
    await writeFile(ini, INI);
    const yaml = join(dir, 'limits.yaml');
    await writeFile(yaml, YAML);
    const cases: [string, string[]][] = [
      [
        ini,
        [
          'rws',
          'rws,cassandra',
          'prod:!dc1',
          'prod,&dc1',
          'rws-1,cass-a',
          'rws-*',
          'cass-*,!cass-b',
          'all',
          '~rws-[12]$',
        ],
      ],
      [yaml, ['rws:!rws_eu', 'rws-0*,loose-1']],
    ];
    for (const [file, patterns] of cases) {
      const inventory = await readInventory(file);
      for (const pattern of patterns) {
        assert.deepEqual(
          limitHosts(inventory, pattern).sort(),
          ansibleHosts(file, pattern).sort(),
          `--limit ${pattern} on ${file}`,
        );
      }
    }
  });

  test('connection settings and rws_config per host; a host without rws_config is named', async () => {
    const file = join(dir, 'conn.ini');
    await writeFile(file, INI);
    const inventory = await readInventory(file);
    const far = fleetHost(inventory, 'rws-10.example.net');
    assert.equal(far.host, 'rws-10.example.net');
    assert.equal(far.port, 2200, "host:port is the host's own variable");
    assert.equal(fleetHost(inventory, 'rws-2').port, 2222, 'rws:vars is deeper than prod:vars');
    assert.equal(far.config, '/etc/gir/app lication.yaml');
    assert.deepEqual(far.sshArgs, ['-o', 'ProxyJump=bastion', '-F', '/x y/ssh_config']);
    assert.equal(far.privateKey, '/keys/id_ed25519');
    // dc1 and rws are equally deep: the later name (rws) wins, as in Ansible.
    assert.equal(fleetHost(inventory, 'rws-1').config, '/opt/genesys/gir/application.yaml');
    assert.equal(fleetHost(inventory, 'cass-c').host, '10.0.0.9');
    await assert.rejects(readFleet(file, 'rws,cass-a'), (e: Error) => {
      assert.ok(e instanceof InventoryError);
      assert.match(e.message, /host cass-a has no rws_config/);
      return true;
    });
    await assert.rejects(readFleet(file, 'nosuch'), /--limit 'nosuch' matches no group or host/);
    await assert.rejects(readFleet(join(dir, 'missing.ini')), /no such inventory file/);
  });
});
