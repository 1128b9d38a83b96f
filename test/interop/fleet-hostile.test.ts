// Fleet commands against hostile nodes (real sshd): a node whose config names a FIFO or
// /dev/zero as a trust file gets a read error naming it at once (before, `cat` on the node waited
// for ever or streamed without end), and a node's certificate whose subject and SAN hold escape
// sequences cannot forge a line of `rwsec certs -i` or `rwsec fleet status` text output.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../electron/cli/main';
import type { Inventory } from '../../shared/certs/inventory';
import { issue } from '../helpers/chain-pki';
import { fleetSkipReason, startFleet, type Fleet } from '../helpers/ssh-fleet';

const skip = fleetSkipReason();
if (skip) console.log(`# skipped: ${skip}`);

const FORGED_SAN = 'a.example\n[ ok ] FAKE LINE: trusted=yes';
const FORGED_CN = 'evil\u001b[2K\r\u009b1A\u202eFAKE';

/** CN=#<BER>: the exact bytes of a UTF8String, whatever they hold. */
function rawCommonName(value: string): string {
  const bytes = Buffer.from(value, 'utf8');
  return `CN=#${Buffer.concat([Buffer.from([0x0c, bytes.length]), bytes]).toString('hex')}`;
}

async function rwsec(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env: process.env,
  });
  return { code, out, err };
}

/** Human output: no raw control character but line feeds, and no line the certificate wrote. */
function assertInert(text: string): void {
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/, 'raw control');
  assert.ok(!text.split('\n').some((l) => /^\s*(\[ ok \]\s+)?FAKE LINE/.test(l)), text);
}

describe('fleet commands against hostile nodes', { skip }, () => {
  let fleet: Fleet;
  let inventory: string;
  before(async () => {
    const forged = await issue({ subject: rawCommonName(FORGED_CN), dns: [FORGED_SAN] });
    const plain = await issue({ subject: 'CN=Plain CA', ca: true });
    fleet = await startFleet({
      nodes: 2,
      populate: async (node, i) => {
        await writeFile(join(node.dir, 'ca.pem'), i === 0 ? forged.certPem : plain.certPem);
        execFileSync('mkfifo', [join(node.dir, 'pipe.pem')]);
        await writeFile(
          node.config,
          [
            'serverSettings:',
            `  caCertificate: ${join(node.dir, 'ca.pem')}`,
            `  rcsTrustedCA: ${join(node.dir, 'pipe.pem')}`,
            '  webDAVTrustedCA: /dev/zero',
            '',
          ].join('\n'),
        );
      },
    });
    inventory = await fleet.writeInventory();
  });
  after(async () => fleet?.stop());

  test('rwsec certs -i: a FIFO and /dev/zero on a node are refused by name', async () => {
    const r = await rwsec(['certs', '-i', inventory, '--json']);
    assert.equal(r.code, 2, r.err);
    const list = JSON.parse(r.out) as Inventory[];
    for (const inv of list) {
      assert.deepEqual(
        inv.errors.map((e) => [e.configKey, e.kind]).sort(),
        [
          ['serverSettings.rcsTrustedCA', 'unreadable'],
          ['serverSettings.webDAVTrustedCA', 'unreadable'],
        ],
        inv.node,
      );
      assert.equal(inv.certificates.length, 1, `${inv.node}: the readable CA is still listed`);
    }
    assert.match(r.err, /rws-1: error: serverSettings\.rcsTrustedCA .*pipe\.pem: is a named pipe/);
    assert.match(r.err, /webDAVTrustedCA \/dev\/zero: is a named pipe, device or socket/);
    assert.ok(
      list[0]?.certificates[0]?.subject.includes('\u001b[2K'),
      'JSON keeps the subject exact',
    );
  });

  test('rwsec certs -i and rwsec fleet status: a crafted certificate cannot forge a line', async () => {
    const certs = await rwsec(['certs', '-i', inventory]);
    assert.equal(certs.code, 2, certs.err);
    assertInert(certs.out + certs.err);
    assert.match(certs.out, /CN=evil\\e\[2K\\r\\x9b1A\\u202eFAKE/);
    assert.match(certs.out, /FAKE LINE: trusted=yes/, 'the SAN is shown, escaped');

    const status = await rwsec(['fleet', 'status', '-i', inventory]);
    assertInert(status.out + status.err);
    assert.match(status.out, /== drift between nodes/);
    assert.match(status.out, /^ {4}CN=evil\\e\[2K\\r\\x9b1A\\u202eFAKE \[SHA-256 \w+\]: rws-1$/m);
  });
});
