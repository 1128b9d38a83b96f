// `rwsec fleet push-kit` on real sshd nodes: a Cassandra kit made by `rwsec kit cassandra` reaches
// the Cassandra hosts (matched by inventory name or ansible_host) and the RWS hosts (truststore
// plus cassandraCluster settings, validated as fleet set does); an unmatched kit node is reported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RwsDocument } from '../../shared/yaml/document';
import { nodeMaterial, populateNode } from '../helpers/fleet-nodes';
import { rwsecWatched } from '../helpers/fleet-rwsec';
import { rwsecBin } from '../helpers/paths';
import { fleetSkipReason, startFleet, type Fleet, type FleetNode } from '../helpers/ssh-fleet';

const skip = fleetSkipReason();
if (skip) console.log(`# skipped: ${skip}`);

const KITPASS = 'Kit-Store-Pw-3141';

describe('rwsec fleet push-kit on real sshd nodes', { skip }, () => {
  let fleet: Fleet;
  let inventory: string;
  let kit: string;
  before(async () => {
    const material = await nodeMaterial();
    const populate = populateNode(material);
    fleet = await startFleet({
      nodes: 4,
      populate: async (node, i) => (i < 2 ? populate(node, i) : undefined),
    });
    kit = join(fleet.dir, 'kit');
    const made = spawnSync(
      process.execPath,
      [
        rwsecBin,
        'kit',
        'cassandra',
        '--nodes',
        'cass-1,127.0.0.14,cass-9',
        '--out',
        kit,
        '--keyalg',
        'ec',
        '--storepass-env',
        'SP',
        '--ca-pass-env',
        'CP',
      ],
      { encoding: 'utf8', env: { ...process.env, SP: KITPASS, CP: 'Ca-Pass-2718' } },
    );
    assert.equal(made.status, 0, made.stderr);
    const [r1, r2, c1, c2] = fleet.nodes.map((n) => n) as [
      FleetNode,
      FleetNode,
      FleetNode,
      FleetNode,
    ];
    inventory = join(fleet.dir, 'push.ini');
    writeFileSync(
      inventory,
      [
        '[rws]',
        ...[r1, r2].map(
          (n) =>
            `${n.name} ansible_host=${n.address} ansible_port=${n.port} rws_config=${n.config}`,
        ),
        '[cassandra]',
        `cass-1 ansible_host=${c1.address} ansible_port=${c1.port}`,
        `db-b ansible_host=${c2.address} ansible_port=${c2.port}`,
        '[all:vars]',
        `ansible_ssh_common_args='-F ${fleet.sshConfig}'`,
        '',
      ].join('\n'),
    );
  });
  after(async () => fleet?.stop());

  test('kit files on the Cassandra hosts, truststore and settings on the RWS hosts, unmatched kit nodes reported', async () => {
    const [r1, r2] = fleet.nodes;
    // The test's hosts share one file system: each Cassandra host gets its own --dest.
    const first = await rwsecWatched(
      [
        'fleet',
        'push-kit',
        '-i',
        inventory,
        kit,
        '--limit',
        'rws,cass-1',
        '--dest',
        join(fleet.dir, 'tls-1'),
        '--yes',
      ],
      { env: { RWSEC_STOREPASS: KITPASS } },
    );
    const second = await rwsecWatched([
      'fleet',
      'push-kit',
      '-i',
      inventory,
      kit,
      '--limit',
      'db-b',
      '--dest',
      join(fleet.dir, 'tls-2'),
      '--yes',
    ]);
    for (const r of [first, second]) {
      assert.equal(r.code, 1, r.err + r.out);
      assert.match(r.err, /kit node cass-9 matches no inventory host/);
      assert.ok(!r.out.includes(KITPASS) && !r.err.includes(KITPASS), 'no secret in output');
    }
    assert.match(first.err, /kit node 127\.0\.0\.14 matches no inventory host/);
    // Each step counts its hosts as they finish (the order within a step is the finishing one).
    assert.match(first.out, /^kit \[1\/1\] cass-1: /m);
    for (const k of [1, 2]) {
      assert.match(first.out, new RegExp(`^truststore \\[${k}/2\\] rws-[12]: `, 'm'));
      assert.match(
        first.out,
        new RegExp(`^config \\[${k}/2\\] rws-${k}: application.yaml written`, 'm'),
      );
    }
    assert.doesNotMatch(second.err, /kit node 127\.0\.0\.14/, 'db-b matched by ansible_host');
    for (const [dir, node] of [
      ['tls-1', 'cass-1'],
      ['tls-2', '127.0.0.14'],
    ] as const) {
      for (const name of ['keystore.jks', 'truststore.jks', 'cassandra-encryption.yaml']) {
        const file = join(fleet.dir, dir, name);
        assert.deepEqual(
          readFileSync(file),
          readFileSync(join(kit, 'nodes', node, name)),
          `${node} ${name}`,
        );
        assert.equal(statSync(file).mode & 0o777, 0o600);
      }
    }
    for (const n of [r1!, r2!]) {
      const doc = RwsDocument.parse(readFileSync(n.config, 'utf8'));
      const trust = join(n.dir, 'etc', 'cassandra-truststore.jks');
      assert.equal(doc.get('cassandraCluster.useSSL'), true);
      assert.equal(doc.get('cassandraCluster.trustStore'), trust);
      assert.equal(doc.get('cassandraCluster.truststorePassword'), KITPASS);
      assert.deepEqual(readFileSync(trust), readFileSync(join(kit, 'client', 'truststore.jks')));
      assert.equal(statSync(trust).mode & 0o777, 0o600);
      const v = spawnSync(process.execPath, [rwsecBin, 'validate', n.config, '--json'], {
        encoding: 'utf8',
      });
      const rules = (JSON.parse(v.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map(
        (d) => d.rule,
      );
      assert.ok(!rules.some((x) => /^(cassandra-truststore|trust-store)/.test(x)), rules.join(','));
    }
  });
});
