// Each stage of a Cassandra CA rotation (`rwsec kit cassandra --rotate-ca start|reissue|finish`)
// pushed with `rwsec fleet push-kit` to real sshd nodes, and each node's files read back by
// keytool after each stage: the Cassandra hosts' keystores and truststores, the RWS host's
// truststore; the trust always covers the CA that issued every node certificate.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RwsDocument } from '../../shared/yaml/document';
import { nodeMaterial, populateNode } from '../helpers/fleet-nodes';
import { rwsecWatched } from '../helpers/fleet-rwsec';
import { haveJdk, keytoolList } from '../helpers/java';
import { rwsecBin } from '../helpers/paths';
import { fleetSkipReason, startFleet, type Fleet } from '../helpers/ssh-fleet';

const skip = fleetSkipReason() ?? (haveJdk() ? undefined : 'needs keytool (a JDK)');
if (skip) console.log(`# skipped: ${skip}`);

const PASS = 'Rotation-Store-Pw-1618';
const CA_PASS = 'Rotation-Ca-Pw-2236';
const env = { RWSEC_STOREPASS: PASS, RWSEC_CAPASS: CA_PASS };

function kit(args: string[]): void {
  const r = spawnSync(process.execPath, [rwsecBin, 'kit', 'cassandra', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.equal(r.status, 0, `kit cassandra ${args.join(' ')}: ${r.stderr}`);
}

/** SHA-256 fingerprints of a truststore's anchors, as keytool reads them. */
function anchors(file: string): string[] {
  const list = keytoolList(file, PASS);
  assert.equal(list.code, 0, `keytool reads ${file}: ${list.output}`);
  return list.entries.map((e) => e.sha256[0] ?? '').sort();
}

/** The fingerprint of the CA in a node keystore's chain (leaf, CA). */
function issuerOf(file: string): string {
  const list = keytoolList(file, PASS);
  assert.equal(list.code, 0, `keytool reads ${file}: ${list.output}`);
  const key = list.entries.find((e) => e.kind === 'key');
  assert.ok(key && key.sha256.length === 2, `${file}: one key entry with its CA`);
  return key.sha256[1] as string;
}

describe('a CA rotation pushed stage by stage with fleet push-kit', { skip }, () => {
  let fleet: Fleet;
  let inventory: string;
  let kitDir: string;

  before(async () => {
    const populate = populateNode(await nodeMaterial());
    fleet = await startFleet({
      nodes: 3,
      populate: async (node, i) => (i === 0 ? populate(node, i) : undefined),
    });
    kitDir = join(fleet.dir, 'kit');
    kit(['--nodes', 'cass-1,cass-2', '--out', kitDir, '--keyalg', 'ec']);
    const [rws, c1, c2] = fleet.nodes;
    inventory = join(fleet.dir, 'rotation.ini');
    writeFileSync(
      inventory,
      [
        '[rws]',
        `${rws!.name} ansible_host=${rws!.address} ansible_port=${rws!.port} rws_config=${rws!.config}`,
        '[cassandra]',
        `cass-1 ansible_host=${c1!.address} ansible_port=${c1!.port}`,
        `cass-2 ansible_host=${c2!.address} ansible_port=${c2!.port}`,
        '[all:vars]',
        `ansible_ssh_common_args='-F ${fleet.sshConfig}'`,
        '',
      ].join('\n'),
    );
  });
  after(async () => fleet?.stop());

  test('after each stage every node holds that stage`s files, and its trust covers every issuer', async () => {
    const rws = fleet.nodes[0]!;
    const rwsTrust = join(rws.dir, 'etc', 'cassandra-truststore.jks');
    const dest = (n: number) => join(fleet.dir, `tls-${n}`);
    const issuers: string[] = [];
    const trusted: string[][] = [];
    for (const stage of ['initial', 'start', 'reissue', 'finish']) {
      if (stage !== 'initial') kit(['--out', kitDir, '--rotate-ca', stage]);
      // The test's hosts share one file system: each Cassandra host gets its own --dest.
      for (const [n, limit] of [
        [1, 'rws,cass-1'],
        [2, 'cass-2'],
      ] as const) {
        const push = await rwsecWatched(
          [
            'fleet',
            'push-kit',
            '-i',
            inventory,
            kitDir,
            '--limit',
            limit,
            '--dest',
            dest(n),
            '--yes',
          ],
          { env },
        );
        assert.notEqual(push.code, 2, `${stage} push to ${limit}: ${push.err}`);
        assert.doesNotMatch(push.err, /FAILED/, `${stage} push to ${limit}`);
        assert.ok(!push.out.includes(PASS) && !push.err.includes(PASS), 'no secret in output');
      }
      // Byte for byte the kit of this stage, on every node.
      for (const n of [1, 2]) {
        for (const name of ['keystore.jks', 'truststore.jks', 'cassandra-encryption.yaml']) {
          assert.deepEqual(
            readFileSync(join(dest(n), name)),
            readFileSync(join(kitDir, 'nodes', `cass-${n}`, name)),
            `${stage}: cass-${n} ${name}`,
          );
        }
      }
      assert.deepEqual(
        readFileSync(rwsTrust),
        readFileSync(join(kitDir, 'client', 'truststore.jks')),
        `${stage}: the RWS host's truststore`,
      );
      const doc = RwsDocument.parse(readFileSync(rws.config, 'utf8'));
      assert.equal(doc.get('cassandraCluster.trustStore'), rwsTrust);
      assert.equal(doc.get('cassandraCluster.truststorePassword'), PASS);
      // keytool's reading of the nodes' stores.
      const issuer = issuerOf(join(dest(1), 'keystore.jks'));
      assert.equal(issuerOf(join(dest(2), 'keystore.jks')), issuer, `${stage}: one issuer`);
      const rwsAnchors = anchors(rwsTrust);
      for (const n of [1, 2])
        assert.deepEqual(anchors(join(dest(n), 'truststore.jks')), rwsAnchors, `${stage}`);
      assert.ok(rwsAnchors.includes(issuer), `${stage}: the trust covers the issuer`);
      issuers.push(issuer);
      trusted.push(rwsAnchors);
    }
    const [initial, started, reissued, finished] = trusted as [
      string[],
      string[],
      string[],
      string[],
    ];
    assert.equal(initial.length, 1);
    assert.equal(started.length, 2, 'start: old and new CA trusted');
    assert.deepEqual(reissued, started, 'reissue: trust unchanged');
    assert.equal(issuers[1], issuers[0], 'start: certificates still from the old CA');
    assert.notEqual(issuers[2], issuers[0], 'reissue: certificates from the new CA');
    assert.deepEqual(finished, [issuers[2]], 'finish: only the new CA trusted');
    assert.ok(!finished.includes(issuers[0] as string), 'finish: the old CA is gone');
  });
});
