// `rwsec fleet status --probe` and `rwsec certs -i --probe` against real sshd nodes and real TLS
// endpoints on loopback: each node's HTTPS port is reached at the node's address with the name of
// its externalApiUrlV2, and the Configuration Server it names is judged with the trust file read
// from that node (so two nodes with different trust files get different verdicts).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createServer, type Server } from 'node:tls';
import type { Inventory } from '../../shared/certs/inventory';
import { issue, type Issued } from '../helpers/chain-pki';
import { nodeMaterial, populateNode } from '../helpers/fleet-nodes';
import { rwsecWatched } from '../helpers/fleet-rwsec';
import { fleetSkipReason, startFleet, type Fleet } from '../helpers/ssh-fleet';

const skip = fleetSkipReason();
if (skip) console.log(`# skipped: ${skip}`);

const CONFIG_SERVER = '127.0.0.31';

interface Finding {
  severity: string;
  rule: string;
  path: string;
  message: string;
}

function serve(address: string, leaf: Issued, root: Issued, port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer({ key: leaf.keyPem, cert: leaf.certPem + root.certPem }, (s) =>
      s.end(),
    );
    server.once('error', reject);
    server.listen(port, address, () => resolve(server));
  });
}

describe('fleet --probe on real sshd nodes and TLS endpoints', { skip }, () => {
  let fleet: Fleet;
  let inventory: string;
  const servers: Server[] = [];

  before(async () => {
    const root = await issue({ subject: 'CN=Fleet Probe Root,O=RWS Test', ca: true });
    const foreign = await issue({ subject: 'CN=Some Other Root,O=Elsewhere', ca: true });
    const cfg = await issue({
      subject: `CN=${CONFIG_SERVER}`,
      issuer: root,
      ips: [CONFIG_SERVER],
    });
    const rws1 = await issue({
      subject: 'CN=rws-1.example.internal',
      issuer: root,
      dns: ['rws-1.example.internal'],
    });
    servers.push(await serve(CONFIG_SERVER, cfg, root));
    const cmePort = (servers[0]!.address() as AddressInfo).port;
    // rws-1 serves its own certificate; rws-2 serves rws-1's (the wrong name); rws-3 serves none.
    servers.push(await serve('127.0.0.11', rws1, root));
    const httpsPort = (servers[1]!.address() as AddressInfo).port;
    servers.push(await serve('127.0.0.12', rws1, root, httpsPort));
    fleet = await startFleet({
      nodes: 3,
      populate: populateNode({
        ...(await nodeMaterial()),
        edits: (i) => [
          { path: 'ssl.port', value: httpsPort },
          {
            path: 'serverSettings.externalApiUrlV2',
            value: `https://rws-${i + 1}.example.internal:${httpsPort}/api/v2`,
          },
          { path: 'onPremiseSettings.tlsEnabled', value: true },
          { path: 'onPremiseSettings.cmeHost', value: CONFIG_SERVER },
          { path: 'onPremiseSettings.cmePort', value: cmePort },
          { path: 'serverSettings.caCertificate', value: 'cfg-ca.pem' },
        ],
      }),
    });
    // The Configuration Server's CA on rws-1 and rws-3; another CA on rws-2.
    fleet.nodes.forEach((node, i) =>
      writeFileSync(join(node.dir, 'etc', 'cfg-ca.pem'), (i === 1 ? foreign : root).certPem),
    );
    inventory = await fleet.writeInventory();
  });
  after(async () => {
    for (const s of servers) s.close();
    await fleet?.stop();
  });

  test('fleet status --probe: verdicts per node, with the node`s own trust file and address', async () => {
    const plain = await rwsecWatched(['fleet', 'status', '-i', inventory, '--json']);
    const plainNodes = (JSON.parse(plain.out) as { nodes: { diagnostics: Finding[] }[] }).nodes;
    assert.deepEqual(
      plainNodes.flatMap((n) => n.diagnostics.filter((d) => d.rule.startsWith('probe-'))),
      [],
      'no probe without --probe',
    );

    const r = await rwsecWatched(['fleet', 'status', '-i', inventory, '--probe', '--json']);
    assert.equal(r.code, 1, r.err);
    const nodes = (JSON.parse(r.out) as { nodes: { name: string; diagnostics: Finding[] }[] })
      .nodes;
    const probe = (name: string) =>
      nodes
        .find((n) => n.name === name)!
        .diagnostics.filter((d) => d.rule.startsWith('probe-'))
        .map((d) => `${d.severity} ${d.rule} ${d.path}: ${d.message}`);
    const [one, two, three] = ['rws-1', 'rws-2', 'rws-3'].map(probe) as [
      string[],
      string[],
      string[],
    ];
    // Configuration Server: trusted with rws-1's trust file, not with rws-2's.
    assert.ok(
      one.some((l) => l.startsWith('info probe-ok onPremiseSettings.cmeHost')),
      one.join('\n'),
    );
    assert.ok(!one.some((l) => l.startsWith('error')), one.join('\n'));
    assert.ok(
      two.some((l) => l.startsWith('error probe-untrusted serverSettings.caCertificate')),
      two.join('\n'),
    );
    // HTTPS at the node's address, named as in its externalApiUrlV2.
    assert.ok(
      two.some(
        (l) =>
          l.startsWith('error probe-name-mismatch serverSettings.externalApiUrlV2') &&
          l.includes('127.0.0.12') &&
          l.includes('rws-2.example.internal'),
      ),
      two.join('\n'),
    );
    assert.ok(!one.some((l) => l.includes('probe-name-mismatch')), one.join('\n'));
    assert.ok(
      three.some(
        (l) =>
          l.startsWith('error probe-unreachable serverSettings.externalApiUrlV2') &&
          l.includes('127.0.0.13'),
      ),
      three.join('\n'),
    );
  });

  test('certs -i --probe: the chains each node`s endpoints actually serve', async () => {
    const r = await rwsecWatched(['certs', '-i', inventory, '--probe', '--json']);
    assert.equal(r.code, 2, 'rws-3 serves nothing: a read error'); // the others still listed
    const inventories = JSON.parse(r.out) as Inventory[];
    const served = (node: string) =>
      inventories
        .find((i) => i.node === node)!
        .certificates.filter((c) => c.origin === 'probe')
        .map((c) => `${c.configKey} ${c.file} ${c.role} ${c.subjectCN}`)
        .sort();
    const https = (n: number) => `serverSettings.externalApiUrlV2 127.0.0.1${n}`;
    for (const n of [1, 2]) {
      const rows = served(`rws-${n}`);
      assert.ok(
        rows.some((l) => l.startsWith(https(n)) && l.endsWith('server rws-1.example.internal')),
        rows.join('\n'),
      );
      assert.ok(
        rows.some((l) => l.startsWith(`onPremiseSettings.cmeHost ${CONFIG_SERVER}:`)),
        rows.join('\n'),
      );
    }
    const three = inventories.find((i) => i.node === 'rws-3')!;
    assert.ok(
      three.errors.some(
        (e) => e.kind === 'unreachable' && e.configKey === 'serverSettings.externalApiUrlV2',
      ),
      JSON.stringify(three.errors),
    );
  });
});
