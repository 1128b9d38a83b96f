// `rwsec certs`: the inventory of every certificate a config depends on, against stores made here
// with chosen dates (an expired and a soon-to-expire certificate among them), PEM and JKS trust
// files (one written by keytool itself), an OBF: keystore password, a missing file and a wrong
// password; and --probe against a TLS server this test starts on 127.0.0.1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createServer, type Server } from 'node:tls';
import { runCli } from '../../electron/cli/main';
import { writeKeystore } from '../../electron/services/keystore/write';
import type { Inventory } from '../../shared/certs/inventory';
import { obfuscate } from '../../shared/secrets/obf';
import { issue, type Issued } from '../helpers/chain-pki';
import { haveJdk } from '../helpers/java';

const DAY = 86_400_000;
const HTTPS_PASS = 'https-secret-1';
const CASS_PASS = 'cassandra-pass';
const WEBDAV_PASS = 'webdav-pass-9';

let dir: string;
let root: Issued;
let httpsLeaf: Issued;
let cfgCa: Issued;
let expiredCa: Issued;
let server: Server | undefined;

const skipJava = haveJdk() ? false : 'needs a JDK (keytool): bash build/install-deps.sh';

function jks(
  file: string,
  password: string,
  entries: Parameters<typeof writeKeystore>[0]['entries'],
) {
  writeFileSync(
    join(dir, file),
    writeKeystore({ type: 'JKS', entries }, { type: 'JKS', password }),
  );
}

async function certs(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['certs', ...args], {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env: process.env,
  });
  return { code, out, err };
}

function config(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-certs-'));
  const now = Date.now();
  root = await issue({
    subject: 'CN=Inventory Root CA,O=RWS Test',
    ca: true,
    notAfter: new Date(now + 3000 * DAY),
  });
  httpsLeaf = await issue({
    subject: 'CN=rws.example.test',
    issuer: root,
    dns: ['rws.example.test'],
    ips: ['127.0.0.1'],
    notBefore: new Date(now - 340 * DAY),
    notAfter: new Date(now + 12 * DAY + 3600_000),
  });
  cfgCa = await issue({
    subject: 'CN=Config Server CA,O=RWS Test',
    ca: true,
    notAfter: new Date(now + 400 * DAY + 3600_000),
  });
  expiredCa = await issue({
    subject: 'CN=Old WebDAV CA,O=RWS Test',
    ca: true,
    notBefore: new Date(now - 800 * DAY),
    notAfter: new Date(now - 5 * DAY),
  });
  const created = new Date(now - DAY);
  jks('https.jks', HTTPS_PASS, [
    {
      kind: 'key',
      alias: 'jetty',
      created,
      chain: [httpsLeaf.cert, root.cert],
      privateKey: KeyObject.from(httpsLeaf.keys.privateKey),
    },
  ]);
  writeFileSync(join(dir, 'config-ca.pem'), cfgCa.certPem);
  jks('cassandra-trust.jks', CASS_PASS, [
    { kind: 'trusted', alias: 'root-ca', created, chain: [root.cert] },
  ]);
  writeFileSync(join(dir, 'old-webdav-ca.pem'), expiredCa.certPem);
});

after(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a healthy config: PEM trust file listed as a trust anchor, exit 0; a wider window exits 1', async () => {
  const file = config('healthy.yaml', 'serverSettings:\n  caCertificate: config-ca.pem\n');
  const ok = await certs(['--config', file, '--json']);
  assert.equal(ok.code, 0, ok.err);
  const inv = JSON.parse(ok.out) as Inventory;
  assert.equal(inv.certificates.length, 1);
  const [ca] = inv.certificates;
  assert.equal(ca?.role, 'trust-anchor');
  assert.equal(ca?.configKey, 'serverSettings.caCertificate');
  assert.equal(ca?.file, join(dir, 'config-ca.pem'));
  assert.equal(ca?.subjectCN, 'Config Server CA');
  assert.equal(ca?.alias, undefined, 'a PEM file has no aliases');
  assert.equal(ca?.daysLeft, 400);
  assert.equal(ca?.serial, cfgCa.cert.serialNumber.toLowerCase().replace(/^0+/, ''));
  const wide = await certs(['--config', file, '--warn-days', '401']);
  assert.equal(wide.code, 1);
  assert.match(wide.out, /expiring within 401 days/);
});

test('OBF: keystore password opens the HTTPS keystore; the soon-to-expire server certificate exits 1', async () => {
  const file = config(
    'https.yaml',
    `enableSsl: true\nssl:\n  port: 9443\n  keyStorePath: https.jks\n  keyStorePassword: ${obfuscate(HTTPS_PASS)}\n`,
  );
  const r = await certs(['--config', file]);
  assert.equal(r.code, 1, r.err);
  const lines = r.out.trim().split('\n');
  assert.match(lines[0] ?? '', /^DAYS\s+STATE\s+NOT BEFORE\s+NOT AFTER\s+ROLE\s+SUBJECT/);
  // Sorted by days left: the 12-day server certificate before its root.
  assert.match(
    lines[1] ?? '',
    /^12\s+expiring .*server certificate\s+CN=rws\.example\.test .*DNS:rws\.example\.test,IP Address:127\.0\.0\.1 .*https\.jks\s+jetty\s+ssl\.keyStorePath$/,
  );
  assert.match(lines[2] ?? '', /valid .*root CA\s+O=RWS Test, CN=Inventory Root CA/);
  assert.ok(!r.out.includes(HTTPS_PASS) && !r.err.includes(HTTPS_PASS));
  // Without the warning window reaching it, the same config is fine.
  assert.equal((await certs(['--config', file, '--warn-days', '10'])).code, 0);
});

test('missing file, wrong password, expired anchor and cacerts summary: all reported, exit 2', async () => {
  const file = config(
    'full.yaml',
    [
      'enableSsl: true',
      'ssl:',
      '  keyStorePath: https.jks',
      `  keyStorePassword: ${obfuscate(HTTPS_PASS)}`,
      'serverSettings:',
      '  caCertificate: config-ca.pem',
      '  webDAVTrustedCA: old-webdav-ca.pem',
      '  rcsTrustedCA: gone/rcs-ca.pem',
      '  speechMinerTrustedCA: true',
      'cassandraCluster:',
      '  useSSL: true',
      '  trustStore: cassandra-trust.jks',
      '  truststorePassword: not-the-password',
      '',
    ].join('\n'),
  );
  const r = await certs(['--config', file, '--json']);
  assert.equal(r.code, 2);
  const inv = JSON.parse(r.out) as Inventory;
  const kinds = Object.fromEntries(inv.errors.map((e) => [e.configKey, e.kind]));
  assert.deepEqual(kinds, {
    'serverSettings.rcsTrustedCA': 'missing',
    'cassandraCluster.trustStore': 'wrong-password',
  });
  assert.match(r.err, /serverSettings\.rcsTrustedCA .*gone\/rcs-ca\.pem does not exist/);
  assert.match(
    r.err,
    /cassandraCluster\.truststorePassword does not open cassandraCluster\.trustStore/,
  );
  assert.ok(!r.err.includes('not-the-password') && !r.out.includes('not-the-password'));
  const first = inv.certificates[0];
  assert.equal(first?.subjectCN, 'Old WebDAV CA');
  assert.equal(first?.state, 'expired');
  assert.ok((first?.daysLeft ?? 0) < 0);
  assert.deepEqual(
    inv.certificates.map((c) => c.daysLeft),
    [...inv.certificates.map((c) => c.daysLeft)].sort((a, b) => a - b),
  );
  assert.equal(inv.cacerts.length, 1, 'speechMinerTrustedCA: true brings in the JVM cacerts');
  assert.deepEqual(inv.cacerts[0]?.configKeys, ['serverSettings.speechMinerTrustedCA']);
  assert.ok((inv.cacerts[0]?.count ?? 0) > 50, 'cacerts counted');
  assert.ok(!inv.certificates.some((c) => c.file === inv.cacerts[0]?.file), 'cacerts not listed');
});

test(
  'a JKS trust file written by keytool, opened with the config password',
  { skip: skipJava },
  async () => {
    const store = join(dir, 'webdav-keytool.jks');
    const r = spawnSync(
      'keytool',
      [
        '-importcert',
        '-noprompt',
        '-alias',
        'WebDAV-CA',
        '-file',
        join(dir, 'config-ca.pem'),
        '-keystore',
        store,
        '-storetype',
        'JKS',
        '-storepass',
        WEBDAV_PASS,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    const file = config(
      'webdav.yaml',
      `serverSettings:\n  webDAVTrustedCA: webdav-keytool.jks\n  webDAVJksPassword: ${WEBDAV_PASS}\n`,
    );
    const out = await certs(['--config', file, '--json']);
    assert.equal(out.code, 0, out.err);
    const inv = JSON.parse(out.out) as Inventory;
    assert.equal(inv.certificates.length, 1);
    assert.equal(inv.certificates[0]?.alias, 'webdav-ca');
    assert.equal(inv.certificates[0]?.role, 'trust-anchor');
    assert.equal(inv.certificates[0]?.configKey, 'serverSettings.webDAVTrustedCA');
  },
);

test('--probe lists the chain the Configuration Server endpoint serves', async () => {
  server = createServer({ key: httpsLeaf.keyPem, cert: httpsLeaf.certPem + root.certPem }, (s) =>
    s.end(),
  );
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const file = config(
    'probe.yaml',
    `onPremiseSettings:\n  tlsEnabled: true\n  cmeHost: 127.0.0.1\n  cmePort: ${port}\n`,
  );
  const r = await certs(['--config', file, '--probe', '--json', '--warn-days', '5']);
  assert.equal(r.code, 0, r.err);
  const inv = JSON.parse(r.out) as Inventory;
  assert.deepEqual(
    inv.certificates.map((c) => [c.origin, c.role, c.subjectCN, c.file, c.configKey]),
    [
      ['probe', 'server', 'rws.example.test', `127.0.0.1:${port}`, 'onPremiseSettings.cmeHost'],
      ['probe', 'root', 'Inventory Root CA', `127.0.0.1:${port}`, 'onPremiseSettings.cmeHost'],
    ],
  );
});

test('bad options and an unreadable config exit 2 with the reason', async () => {
  assert.equal((await certs([])).code, 2);
  const bad = await certs(['--config', join(dir, 'healthy.yaml'), '--warn-days', 'soon']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--warn-days must be a whole number/);
  const missing = await certs(['--config', join(dir, 'nope.yaml')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /nope\.yaml: no such file/);
});
