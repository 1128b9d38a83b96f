// `rwsec kit https --renew --config FILE` against real peers: keytool lists the renewed store with
// the same alias, password, DN and SANs and a new key; the old store is kept as FILE.bak; Jetty 9
// serves the renewed keystore opened with the OBF: password the config already holds.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../../electron/cli/main';
import { listBackups } from '../../electron/services/files/backups';
import { probeTls } from '../../electron/services/probe/tls-probe';
import { RwsDocument } from '../../shared/yaml/document';
import { keytoolList } from '../helpers/java';
import { haveJava, haveJetty, startJetty } from '../helpers/kit-peers';

const PASS = 'renew-Store-1';
const skip = haveJava() ? false : 'needs a JDK (keytool, java): bash build/install-deps.sh';
const skipJetty =
  haveJava() && haveJetty() ? false : 'needs Jetty 9 and a JDK: bash build/install-deps.sh';

let dir: string;
let config: string;
let keystore: string;

async function rwsec(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env: { ...process.env, RWSEC_STOREPASS: PASS },
  });
  return { code, out, err };
}

function owner(listing: string): string {
  return /^Owner: (.*)$/m.exec(listing)?.[1] ?? '';
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-renew-https-'));
  config = join(dir, 'application.yaml');
  keystore = join(dir, 'https.jks');
  writeFileSync(
    config,
    'serverSettings:\n  externalApiUrlV2: https://rws.renew.test:9443/api/v2\n',
  );
  const made = await rwsec([
    'kit',
    'https',
    '--keystore',
    keystore,
    '--dname',
    'CN=rws.renew.test, OU=Recording, O=Example',
    '--san',
    'dns:rws.renew.test,ip:127.0.0.1',
    '--days',
    '20',
    '--config',
    config,
  ]);
  assert.equal(made.code, 0, made.err);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test(
  'renewal keeps alias, password, DN and SANs; new key and validity; old store kept',
  { skip },
  async () => {
    const before = keytoolList(keystore, PASS);
    assert.equal(before.code, 0, before.output);
    const configBefore = readFileSync(config, 'utf8');
    const r = await rwsec(['kit', 'https', '--renew', '--config', config, '--days', '400']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Renewed "jetty"/);
    assert.match(r.out, /Verified: /);
    assert.ok(!r.out.includes(PASS) && !r.err.includes(PASS));
    assert.equal(readFileSync(config, 'utf8'), configBefore, 'the config is not touched');
    const after = keytoolList(keystore, PASS);
    assert.equal(after.code, 0, after.output);
    assert.deepEqual(
      after.entries.map((e) => [e.alias, e.kind]),
      [['jetty', 'key']],
    );
    assert.notEqual(after.entries[0]?.sha256[0], before.entries[0]?.sha256[0], 'a new certificate');
    assert.equal(owner(after.output), owner(before.output));
    assert.equal(owner(after.output), 'CN=rws.renew.test, OU=Recording, O=Example');
    assert.match(after.output, /DNSName: rws\.renew\.test/);
    assert.match(after.output, /IPAddress: 127\.0\.0\.1/);
    // The old store, as it was, beside it.
    const backups = await listBackups(keystore);
    assert.equal(backups.length, 1, r.out);
    assert.match(r.out, /Previous versions kept as: .*\.rwsec-backups/);
    const backup = keytoolList(backups[0] as string, PASS);
    assert.equal(backup.entries[0]?.sha256[0], before.entries[0]?.sha256[0]);
    // The inventory now counts 400 days for it.
    const inv = await rwsec(['certs', '--config', config, '--json']);
    assert.equal(inv.code, 0, inv.err);
    const rows = (JSON.parse(inv.out) as { certificates: { daysLeft: number; alias?: string }[] })
      .certificates;
    assert.deepEqual(
      rows.map((c) => [c.alias, c.daysLeft]),
      [['jetty', 399]],
    );
  },
);

test(
  'Jetty serves the renewed keystore with the OBF: password from the config',
  { skip: skipJetty },
  async () => {
    const doc = RwsDocument.parse(readFileSync(config, 'utf8'));
    const obf = String(doc.get('ssl.keyStorePassword'));
    assert.match(obf, /^OBF:/);
    const listed = keytoolList(keystore, PASS).entries[0]?.sha256[0];
    const jetty = await startJetty(keystore, obf);
    try {
      const served = await probeTls({ host: '127.0.0.1', port: jetty.port, timeoutMs: 10_000 });
      assert.ok(served.ok, served.ok ? '' : served.message);
      assert.equal(served.served[0]?.fingerprint256, listed);
    } finally {
      await jetty.stop();
    }
  },
);

test('a CA-signed entry is refused with the CSR procedure; nothing written', async () => {
  const ca = join(dir, 'ca');
  const chainConfig = join(dir, 'chain.yaml');
  const made = await runCli(
    ['kit', 'cassandra', '--nodes', 'rws.chain.test', '--out', ca, '--keyalg', 'ec'],
    {
      out: () => undefined,
      err: () => undefined,
      env: { ...process.env, RWSEC_STOREPASS: PASS, RWSEC_CAPASS: 'ca-pass-123' },
    },
  );
  assert.equal(made, 0);
  const nodeStore = join(ca, 'nodes', 'rws.chain.test', 'keystore.jks');
  writeFileSync(
    chainConfig,
    `enableSsl: true\nssl:\n  keyStorePath: ${nodeStore}\n  keyStorePassword: ${PASS}\n`,
  );
  const stamp = readFileSync(nodeStore);
  const r = await rwsec(['kit', 'https', '--renew', '--config', chainConfig]);
  assert.equal(r.code, 1);
  assert.match(r.err, /was issued by CN=RWS Cassandra Root CA.*only that CA can renew it.*--csr/);
  assert.ok(readFileSync(nodeStore).equals(stamp));
});
