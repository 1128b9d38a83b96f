// The Cassandra kit's lifecycle against JSSE: `--renew` re-issues chosen nodes (keytool lists the
// same alias and password, truststores untouched), and `--rotate-ca start|reissue|finish` keeps
// the cluster talking: for each pair of adjacent stages a node of each completes a mutual TLS
// handshake both ways, RWS's client truststore of either stage trusts the nodes of both, and
// after `finish` a certificate from the old CA is refused.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../../electron/cli/main';
import { listBackups } from '../../electron/services/files/backups';
import { keytoolList, runJava } from '../helpers/java';
import { haveJava, tlsCheckNames } from '../helpers/kit-peers';

const PASS = 'kit-Store-11';
const CA_PASS = 'kit-Ca-Pass-22';
const NODES = ['n1.cass.test', 'n2.cass.test'];
const skip = haveJava() ? false : 'needs a JDK (java, javac, keytool): bash build/install-deps.sh';

let dir: string;
let kit: string;

async function kitCmd(
  args: string[],
  caPass = CA_PASS,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['kit', 'cassandra', '--out', kit, ...args], {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env: { ...process.env, RWSEC_STOREPASS: PASS, RWSEC_CAPASS: caPass },
  });
  return { code, out, err };
}

const node = (root: string, n: string, file: string) => join(root, 'nodes', n, file);

/** Mutual TLS: `server` node folder serves, `client` node folder connects; both present keys. */
function mutual(server: string, client: string): string {
  const r = runJava(
    'MutualTls',
    [
      join(server, 'keystore.jks'),
      join(server, 'truststore.jks'),
      join(client, 'keystore.jks'),
      join(client, 'truststore.jks'),
    ],
    { input: `${PASS}\n` },
  );
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.trim();
}

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'rwsec-kit-life-'));
  kit = join(dir, 'kit');
  const made = await kitCmd(['--nodes', NODES.join(','), '--keyalg', 'ec']);
  assert.equal(made.code, 0, made.err);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(
  '--renew --nodes re-issues only that node: same alias and password, truststores untouched',
  { skip },
  async () => {
    const [n1, n2] = NODES as [string, string];
    const untouched = [
      node(kit, n1, 'keystore.jks'),
      node(kit, n1, 'truststore.jks'),
      node(kit, n2, 'truststore.jks'),
      node(kit, n2, 'cassandra-encryption.yaml'),
      join(kit, 'client', 'truststore.jks'),
      join(kit, 'ca', 'root-ca.pem'),
      join(kit, 'README.txt'),
    ].map((f) => ({ f, bytes: readFileSync(f) }));
    const before = keytoolList(node(kit, n2, 'keystore.jks'), PASS);
    const wrong = await kitCmd(['--renew', '--nodes', n2], 'not-the-ca-pass');
    assert.equal(wrong.code, 2);
    assert.match(wrong.err, /Cannot decrypt .*root-ca\.key\.pem/);
    const r = await kitCmd(['--renew', '--nodes', n2]);
    assert.equal(r.code, 0, r.err);
    assert.ok(!r.out.includes(PASS) && !r.err.includes(PASS) && !r.out.includes(CA_PASS));
    const after = keytoolList(node(kit, n2, 'keystore.jks'), PASS);
    assert.equal(after.code, 0, after.output);
    assert.deepEqual(
      after.entries.map((e) => [e.alias, e.kind, e.chainLength]),
      [[n2, 'key', 2]],
    );
    assert.notEqual(after.entries[0]?.sha256[0], before.entries[0]?.sha256[0]);
    assert.equal(after.entries[0]?.sha256[1], before.entries[0]?.sha256[1], 'same CA');
    assert.equal((await listBackups(node(kit, n2, 'keystore.jks'))).length, 1, 'old keystore kept');
    for (const { f, bytes } of untouched)
      assert.ok(readFileSync(f).equals(bytes), `${f} untouched`);
    assert.equal(mutual(join(kit, 'nodes', n1), join(kit, 'nodes', n2)), 'ok');
    assert.equal(mutual(join(kit, 'nodes', n2), join(kit, 'nodes', n1)), 'ok');
    const unknown = await kitCmd(['--renew', '--nodes', 'n9.cass.test']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /Not in the kit .*n9\.cass\.test/);
  },
);

test(
  '--rotate-ca: adjacent stages handshake both ways; the old CA is refused after finish',
  { skip },
  async () => {
    const [n1, n2] = NODES as [string, string];
    const stages = [join(dir, 's0')];
    cpSync(kit, stages[0] as string, { recursive: true });
    const early = await kitCmd(['--rotate-ca', 'finish']);
    assert.equal(early.code, 1, 'finish before start is refused');
    for (const stage of ['start', 'reissue', 'finish']) {
      if (stage === 'finish') {
        const again = await kitCmd(['--rotate-ca', 'start']);
        assert.equal(again.code, 1, 'a second start during a rotation is refused');
      }
      const r = await kitCmd(['--rotate-ca', stage]);
      assert.equal(r.code, 0, `${stage}: ${r.err}`);
      const readme = readFileSync(join(kit, 'README.txt'), 'utf8');
      assert.match(readme, new RegExp(`Last stage: ${stage} `));
      assert.equal(readme.match(/^CA rotation$/gm)?.length, 1, 'one rotation section');
      const copy = join(dir, `s${stages.length}`);
      cpSync(kit, copy, { recursive: true });
      stages.push(copy);
    }
    const trustAliases = (root: string) =>
      keytoolList(join(root, 'client', 'truststore.jks'), PASS)
        .entries.map((e) => e.alias)
        .sort();
    assert.deepEqual(trustAliases(stages[1] as string), ['root-ca', 'root-ca-next']);
    assert.deepEqual(trustAliases(stages[3] as string), ['root-ca']);
    assert.ok(!existsSync(join(kit, 'ca', 'next')), 'ca/next/ is gone after finish');
    for (let k = 0; k < 3; k++) {
      const a = stages[k] as string;
      const b = stages[k + 1] as string;
      assert.equal(
        mutual(join(a, 'nodes', n1), join(b, 'nodes', n2)),
        'ok',
        `stage ${k} serves, ${k + 1} connects`,
      );
      assert.equal(
        mutual(join(b, 'nodes', n2), join(a, 'nodes', n1)),
        'ok',
        `stage ${k + 1} serves, ${k} connects`,
      );
      for (const client of [a, b]) {
        for (const server of [a, b]) {
          const verdict = tlsCheckNames(
            node(server, n1, 'keystore.jks'),
            join(client, 'client', 'truststore.jks'),
            PASS,
            [n1],
          );
          assert.equal(
            verdict.get(n1),
            'ok',
            `client truststore of ${client} trusts node of ${server}`,
          );
        }
      }
    }
    // After finish: a node still holding an old-CA certificate is refused by finished peers and RWS.
    const old = join(stages[1] as string, 'nodes', n2);
    const done = join(stages[3] as string, 'nodes', n1);
    assert.match(mutual(done, old), /^fail/);
    assert.match(mutual(old, done), /^fail/);
    const rws = tlsCheckNames(
      join(old, 'keystore.jks'),
      join(stages[3] as string, 'client', 'truststore.jks'),
      PASS,
      [n2],
    );
    assert.notEqual(rws.get(n2), 'ok');
    assert.notEqual(rws.get(n2), undefined);
  },
);
