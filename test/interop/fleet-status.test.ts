// `rwsec fleet status` against a fleet of real sshd nodes: each node judged exactly as
// `rwsec validate` judges the same file, drift grouped and marked, a node down, a changed host
// key, a wrong keystore password, and no secret anywhere in output or on a command line.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, before, describe, test } from 'node:test';
import {
  CASS_PASSWORD,
  nodeMaterial,
  populateNode,
  STOREPASS,
  TRUSTPASS,
} from '../helpers/fleet-nodes';
import { rwsecBin } from '../helpers/paths';
import { commandLines, watchArgv } from '../helpers/process-watch';
import { asTrusted, selfSignedEntry } from '../unit/rules-keystore-files-support';
import { writeKeystore } from '../../electron/services/keystore/write';
import { fleetSkipReason, startFleet, type Fleet } from '../helpers/ssh-fleet';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const skip = fleetSkipReason();
if (skip) console.log(`# skipped: ${skip}`);

const SECRETS = [STOREPASS, TRUSTPASS, CASS_PASSWORD, 'a5d3f0e1c2b4'];

interface Run {
  code: number | null;
  out: string;
  err: string;
  pid: number | undefined;
}

function rwsec(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [rwsecBin, ...args], { env: process.env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err, pid: child.pid }));
  });
}

function validateLocally(file: string) {
  const r = spawnSync(process.execPath, [rwsecBin, 'validate', file, '--json'], {
    encoding: 'utf8',
  });
  return JSON.parse(r.stdout) as { diagnostics: unknown[] };
}

function assertNoSecrets(r: Run): void {
  for (const s of SECRETS) {
    assert.ok(!r.out.includes(s), `secret in stdout`);
    assert.ok(!r.err.includes(s), `secret in stderr`);
  }
}

describe('rwsec fleet status on real sshd nodes', { skip }, () => {
  let fleet: Fleet;
  let inventory: string;
  before(async () => {
    const material = await nodeMaterial();
    material.edits = (i) => {
      // rws-3 lets other origins in (must-match drift); rws-2's trust password is wrong.
      if (i === 2)
        return [
          {
            path: 'serverSettings.crossOriginSettings.allowedOrigins',
            value: 'https://*.other.example',
          },
        ];
      if (i === 1) return [{ path: 'serverSettings.jksPassword', value: 'not-the-password' }];
      return [];
    };
    fleet = await startFleet({ nodes: 4, populate: populateNode(material) });
    // rws-4 trusts another CA: same path, other certificate.
    const other = await selfSignedEntry({ alias: 'other-ca', dname: 'CN=Other CA', ca: true });
    writeFileSync(
      join(fleet.nodes[3]!.dir, 'etc', 'ca.jks'),
      writeKeystore(
        { type: 'JKS', entries: [asTrusted(other)] },
        { type: 'JKS', password: TRUSTPASS },
      ),
    );
    inventory = await fleet.writeInventory();
  });
  after(async () => fleet?.stop());

  test('each node gets exactly the diagnostics `rwsec validate` gives on the node', async () => {
    const r = await rwsec('fleet', 'status', '-i', inventory, '--json');
    assertNoSecrets(r);
    const report = JSON.parse(r.out) as {
      nodes: { name: string; reachable: boolean; diagnostics: unknown[]; config: string }[];
      drift: { path: string; mustMatch: boolean; groups: { nodes: string[]; value?: unknown }[] }[];
    };
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(
      report.nodes.map((n) => n.name),
      ['rws-1', 'rws-2', 'rws-3', 'rws-4'],
    );
    for (const [i, n] of report.nodes.entries()) {
      assert.equal(n.reachable, true);
      assert.equal(n.config, fleet.nodes[i]!.config);
      assert.deepEqual(n.diagnostics, validateLocally(fleet.nodes[i]!.config).diagnostics, n.name);
    }
    const rules = (name: string) =>
      (report.nodes.find((n) => n.name === name)!.diagnostics as { rule: string }[]).map(
        (d) => d.rule,
      );
    assert.ok(rules('rws-2').includes('trust-store-wrong-password'), 'the wrong password is found');
    assert.ok(!rules('rws-1').includes('trust-store-wrong-password'));

    const drift = (path: string) => report.drift.find((d) => d.path === path);
    const origins = drift('serverSettings.crossOriginSettings.allowedOrigins');
    assert.equal(origins?.mustMatch, true);
    assert.deepEqual(origins?.groups, [
      {
        nodes: ['rws-1', 'rws-2', 'rws-4'],
        value: 'http://*.example.com, http://*.example.internal',
      },
      { nodes: ['rws-3'], value: 'https://*.other.example' },
    ]);
    const ca = drift('serverSettings.caCertificate');
    assert.equal(ca?.mustMatch, true, 'trust files compared by certificates');
    assert.deepEqual(
      ca?.groups.map((g) => g.nodes),
      [['rws-1', 'rws-2', 'rws-3'], ['rws-4']],
    );
    assert.match(String(ca?.groups[1]?.value), /CN=Other CA/);
    const jks = drift('serverSettings.jksPassword');
    assert.equal(jks?.mustMatch, false);
    assert.deepEqual(jks?.groups, [{ nodes: ['rws-1', 'rws-3', 'rws-4'] }, { nodes: ['rws-2'] }]);
    assert.equal(drift('ssl.keyStorePath')?.mustMatch, false);
    assert.equal(drift('serverSettings.externalApiUrlV2')?.mustMatch, false);
    assert.equal(drift('ssl.keyStorePassword'), undefined, 'same password everywhere: no drift');
    assert.equal(drift('serverSettings.cryptoSecurityKey'), undefined);
  });

  test('text report groups values, marks must-match drift, masks secrets', async () => {
    const r = await rwsec('fleet', 'status', '-i', inventory);
    assertNoSecrets(r);
    assert.equal(r.code, 1);
    assert.match(
      r.out,
      /MUST MATCH {2}serverSettings\.crossOriginSettings\.allowedOrigins\n {4}"http:\/\/\*\.example\.com, http:\/\/\*\.example\.internal": rws-1, rws-2, rws-4\n {4}"https:\/\/\*\.other\.example": rws-3/,
    );
    assert.match(
      r.out,
      /differs {2}serverSettings\.jksPassword \(secret: compared by equality\)\n {4}value A: rws-1, rws-3, rws-4\n {4}value B: rws-2/,
    );
    assert.match(r.out, /rws-2:.*: error: serverSettings\.jksPassword does not open/);
  });

  test('one clean node: exit 0; --limit picks it', async () => {
    const r = await rwsec('fleet', 'status', '-i', inventory, '--limit', 'rws-1', '--json');
    assert.equal(r.code, 0, r.out + r.err);
    assert.deepEqual(JSON.parse(r.out).drift, []);
  });

  test('a node down: exit 2, it is named, the others are still reported; no secret on any command line', async () => {
    const down = fleet.nodes[2]!;
    await fleet.stopNode(down);
    const watch = watchArgv(SECRETS, /^ssh /);
    let pid: number | undefined;
    try {
      const r = await rwsec('fleet', 'status', '-i', inventory, '--json');
      pid = r.pid;
      assert.equal(r.code, 2);
      const report = JSON.parse(r.out) as {
        nodes: { name: string; reachable: boolean; error?: string; diagnostics: unknown[] }[];
      };
      const node = report.nodes.find((n) => n.name === 'rws-3')!;
      assert.equal(node.reachable, false);
      assert.match(
        node.error ?? '',
        /rws-3 \(127\.0\.0\.13:\d+\): unreachable \(.*Connection refused/,
      );
      assert.equal(report.nodes.filter((n) => n.reachable).length, 3);
    } finally {
      watch.stop();
      await fleet.startNode(down);
    }
    assert.ok(watch.seen > 0, 'the watch saw the ssh children');
    assert.deepEqual(watch.leaks, []);
    // Master connections shut and their private folder (named by rwsec's pid) removed.
    assert.ok(pid);
    assert.deepEqual(
      readdirSync(tmpdir()).filter((n) => n.startsWith(`rwsec-ssh-${pid}-`)),
      [],
    );
    assert.deepEqual(
      commandLines().filter(
        (l) => /^ssh .*ControlPath=.*rwsec-ssh-/.test(l) && l.includes(fleet.sshConfig),
      ),
      [],
    );
  });

  test('a changed host key is refused, naming the node and the ssh-keygen -R / ssh-keyscan steps', async () => {
    const node = fleet.nodes[3]!;
    await fleet.rekeyNode(node);
    const r = await rwsec('fleet', 'status', '-i', inventory, '--limit', 'rws-4');
    assert.equal(r.code, 2);
    assert.match(r.out, /rws-4 \(127\.0\.0\.14:\d+\): the host key has CHANGED/);
    assert.match(r.out, new RegExp(`ssh-keygen -R '\\[127\\.0\\.0\\.14\\]:${node.port}'`));
    assert.match(r.out, new RegExp(`ssh-keyscan -p ${node.port} 127\\.0\\.0\\.14`));
  });
});
