// `rwsec certs -i INVENTORY` on a fleet of real sshd nodes (fleet mode's test helper): each node's
// config and stores are read over SSH, with fleet mode's own inventory reader; --limit narrows it.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../electron/cli/main';
import type { Inventory } from '../../shared/certs/inventory';
import { issue } from '../helpers/chain-pki';
import { fleetSkipReason, startFleet, type Fleet } from '../helpers/ssh-fleet';

const DAY = 86_400_000;
const skip = fleetSkipReason();
if (skip) console.log(`# skipped: ${skip}`);

async function certs(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['certs', ...args], {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env: process.env,
  });
  return { code, out, err };
}

describe('rwsec certs on a fleet of real sshd nodes', { skip }, () => {
  let fleet: Fleet;
  let inventory: string;
  before(async () => {
    const now = Date.now();
    const cas = [
      await issue({ subject: 'CN=Node One CA', ca: true, notAfter: new Date(now + 500 * DAY) }),
      await issue({ subject: 'CN=Node Two CA', ca: true, notAfter: new Date(now + 10 * DAY) }),
    ];
    fleet = await startFleet({
      nodes: 2,
      populate: async (node, i) => {
        await writeFile(join(node.dir, 'ca.pem'), cas[i]?.certPem ?? '');
        await writeFile(
          node.config,
          [
            'serverSettings:',
            `  caCertificate: ${join(node.dir, 'ca.pem')}`,
            ...(i === 1 ? [`  rcsTrustedCA: ${join(node.dir, 'gone.pem')}`] : []),
            '',
          ].join('\n'),
        );
      },
    });
    inventory = await fleet.writeInventory();
  });
  after(async () => fleet?.stop());

  test('each node inventoried over SSH; a missing file on a node exits 2', async () => {
    const r = await certs(['-i', inventory, '--json']);
    assert.equal(r.code, 2, r.err);
    const list = JSON.parse(r.out) as Inventory[];
    assert.deepEqual(
      list.map((inv) => [
        inv.node,
        inv.certificates.map((c) => [c.subjectCN, c.node, c.configKey]),
      ]),
      [
        ['rws-1', [['Node One CA', 'rws-1', 'serverSettings.caCertificate']]],
        ['rws-2', [['Node Two CA', 'rws-2', 'serverSettings.caCertificate']]],
      ],
    );
    assert.deepEqual(
      list[1]?.errors.map((e) => [e.kind, e.configKey]),
      [['missing', 'serverSettings.rcsTrustedCA']],
    );
    assert.match(r.err, /rws-2: error: serverSettings\.rcsTrustedCA .*gone\.pem does not exist/);
  });

  test('--limit picks nodes; the CA of rws-2 is listed as expiring within the window', async () => {
    const one = await certs(['-i', inventory, '--limit', 'rws-1']);
    assert.equal(one.code, 0, one.err);
    assert.match(one.out, /^== rws-1 /m);
    assert.doesNotMatch(one.out, /rws-2/);
    const two = await certs(['-i', inventory, '--limit', 'rws-2', '--warn-days', '30', '--json']);
    const inv = (JSON.parse(two.out) as Inventory[])[0];
    assert.equal(inv?.certificates[0]?.state, 'expiring');
  });
});
