// `rwsec probe` against real TLS servers on 127.0.0.1: node's tls server, openssl s_server, a plain
// HTTP server, a silent TCP server and a closed port. Every server is closed in `after`.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createServer as createTlsServer } from 'node:tls';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';
import type { ProbeReport } from '../../shared/tls/verdicts';
import { makeTestPki, type Issued, type TestPki } from '../helpers/chain-pki';

let pki: TestPki;
let dir: string;
let rootPem: string;
const servers: Server[] = [];
const children: ChildProcess[] = [];

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A node TLS server sending `leaf` followed by `extra` certificates. */
function tlsServer(leaf: Issued, ...extra: Issued[]): Promise<number> {
  const cert = [leaf, ...extra].map((c) => c.certPem).join('');
  return listen(createTlsServer({ key: leaf.keyPem, cert }, (socket) => socket.end()));
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface CliResult {
  code: number;
  out: string;
  err: string;
}

async function rwsec(...args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env: {} };
  const code = await runCli(args, io);
  return { code, out, err };
}

async function probeJson(...args: string[]): Promise<{ code: number; report: ProbeReport }> {
  const result = await rwsec('probe', ...args, '--json');
  return { code: result.code, report: JSON.parse(result.out) as ProbeReport };
}

before(async () => {
  pki = await makeTestPki();
  dir = mkdtempSync(join(tmpdir(), 'rwsec-probe-'));
  rootPem = join(dir, 'root.pem');
  writeFileSync(rootPem, pki.root.certPem);
});

after(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const server of servers) server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('good chain: leaf + intermediate served, root in the trust file → exit 0', async () => {
  const port = await tlsServer(pki.good, pki.intermediate);
  const { code, report } = await probeJson(
    `127.0.0.1:${port}`,
    '--servername',
    'localhost',
    '--trust',
    rootPem,
  );
  assert.equal(code, 0, report.chain?.verdict.message);
  assert.equal(report.servedCount, 2);
  assert.match(report.protocol ?? '', /^TLSv1\.[23]$/);
  assert.ok(report.cipher);
  const leaf = report.chain?.certificates[0];
  assert.deepEqual(leaf?.sanDns, ['localhost']);
  assert.match(leaf?.sha256 ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  assert.equal(report.chain?.certificates[2]?.origin, 'trust-source');
  const text = await rwsec(
    'probe',
    `127.0.0.1:${port}`,
    '--servername',
    'localhost',
    '--trust',
    rootPem,
  );
  assert.match(text.out, /TRUSTED/);
  assert.match(text.out, /RFC 6125: .*SAN DNS localhost matches/);
});

test('missing intermediate: what the server SENT is judged (node does not complete it) → exit 1', async () => {
  const port = await tlsServer(pki.good);
  const { code, report } = await probeJson(
    `127.0.0.1:${port}`,
    '--servername',
    'localhost',
    '--trust',
    rootPem,
  );
  assert.equal(code, 1);
  assert.equal(report.servedCount, 1);
  assert.equal(report.chain?.verdict.reason, 'incomplete-chain');
});

test('foreign CA, wrong name, expired, self-signed → exit 1 with the reason named', async () => {
  const cases: [string, Issued[], string][] = [
    ['unknown-ca', [pki.foreignLeaf, pki.foreignIntermediate], 'unknown CA'],
    ['name-mismatch', [pki.wrongName, pki.intermediate], 'name mismatch'],
    ['expired', [pki.expired, pki.intermediate], 'expired'],
    ['self-signed', [pki.selfSigned], 'self-signed'],
  ];
  for (const [reason, chain, words] of cases) {
    const [leaf, ...extra] = chain as [Issued, ...Issued[]];
    const port = await tlsServer(leaf, ...extra);
    const { code, report } = await probeJson(
      `127.0.0.1:${port}`,
      '--servername',
      'localhost',
      '--trust',
      rootPem,
    );
    assert.equal(code, 1, reason);
    assert.equal(report.chain?.verdict.reason, reason);
    const text = await rwsec(
      'probe',
      `127.0.0.1:${port}`,
      '--servername',
      'localhost',
      '--trust',
      rootPem,
    );
    assert.match(text.out, new RegExp(`NOT TRUSTED \\(${reason}\\)\\. ${words}`, 'i'));
  }
});

test('IP-only SAN: trusted by IP under RFC 6125, not under the RWS rule nor by name', async () => {
  const port = await tlsServer(pki.ipOnly, pki.intermediate);
  const byIp = await probeJson(`127.0.0.1:${port}`, '--trust', rootPem);
  assert.equal(byIp.code, 0, byIp.report.chain?.verdict.message);
  assert.equal(byIp.report.chain?.hostname?.rfc6125.matchedBy, 'san-ip');
  assert.equal(byIp.report.chain?.hostname?.rws.status, 'mismatch');
  assert.equal((await probeJson(`127.0.0.1:${port}`, '--trust', rootPem, '--rule', 'rws')).code, 1);
  const byName = await probeJson(
    `127.0.0.1:${port}`,
    '--servername',
    'localhost',
    '--trust',
    rootPem,
  );
  assert.equal(byName.code, 1);
  assert.equal(byName.report.chain?.verdict.reason, 'name-mismatch');
});

test('RWS rule vs RFC 6125: CN matches but SAN does not; the Issuer CN case', async () => {
  const cnPort = await tlsServer(pki.cnOnlyMatch, pki.intermediate);
  const target = `127.0.0.1:${cnPort}`;
  assert.equal((await probeJson(target, '--servername', 'localhost', '--trust', rootPem)).code, 1);
  assert.equal(
    (await probeJson(target, '--servername', 'localhost', '--trust', rootPem, '--rule', 'rws'))
      .code,
    0,
  );
  const issuerPort = await tlsServer(pki.hostnamedCaLeaf, pki.hostnamedCa);
  const rws = await probeJson(
    `127.0.0.1:${issuerPort}`,
    '--servername',
    'cfg-ca.test',
    '--trust',
    rootPem,
    '--rule',
    'rws',
  );
  assert.equal(rws.code, 0);
  assert.equal(rws.report.chain?.hostname?.rws.matchedBy, 'issuer-cn');
  assert.equal(rws.report.chain?.hostname?.rfc6125.status, 'mismatch');
});

test('a JKS trust file made by keytool', async (t) => {
  if (spawnSync('keytool', ['-help']).error) return t.skip('keytool is not installed');
  const jks = join(dir, 'trust.jks');
  const made = spawnSync('keytool', [
    '-importcert',
    '-noprompt',
    '-storetype',
    'JKS',
    '-alias',
    'rootca',
    '-file',
    rootPem,
    '-keystore',
    jks,
    '-storepass',
    'changeit',
  ]);
  assert.equal(made.status, 0, made.stderr.toString());
  const port = await tlsServer(pki.good, pki.intermediate);
  const { code, report } = await probeJson(
    `127.0.0.1:${port}`,
    '--servername',
    'localhost',
    '--trust',
    jks,
    '--trust-password',
    'changeit',
  );
  assert.equal(code, 0, report.chain?.verdict.message);
  assert.equal(report.chain?.anchor?.alias, 'rootca');
  assert.equal(report.chain?.anchor?.store, jks);
  const wrong = await rwsec(
    'probe',
    `127.0.0.1:${port}`,
    '--trust',
    jks,
    '--trust-password',
    'nope-nope',
  );
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /trust\.jks/);
  assert.doesNotMatch(wrong.err, /nope-nope/);
});

test('openssl s_server serving leaf + intermediate', async (t) => {
  if (spawnSync('openssl', ['version']).error) return t.skip('openssl is not installed');
  const files = {
    cert: join(dir, 'leaf.pem'),
    key: join(dir, 'leaf.key'),
    chain: join(dir, 'inter.pem'),
  };
  writeFileSync(files.cert, pki.good.certPem);
  writeFileSync(files.key, pki.good.keyPem);
  writeFileSync(files.chain, pki.intermediate.certPem);
  const port = await freePort();
  const child = spawn(
    'openssl',
    [
      's_server',
      '-accept',
      String(port),
      '-4',
      '-cert',
      files.cert,
      '-key',
      files.key,
      '-cert_chain',
      files.chain,
      '-naccept',
      '1',
      '-quiet',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  children.push(child);
  // Wait until the port accepts (s_server prints nothing with -quiet).
  const deadline = Date.now() + 5000;
  for (;;) {
    const ready = await rwsec(
      'probe',
      `127.0.0.1:${port}`,
      '--servername',
      'localhost',
      '--trust',
      rootPem,
      '--timeout',
      '2',
      '--json',
    );
    const report = JSON.parse(ready.out) as ProbeReport;
    if (report.connected || Date.now() > deadline) {
      assert.equal(report.connected, true, report.failure?.message);
      assert.equal(ready.code, 0, report.chain?.verdict.message);
      assert.equal(report.servedCount, 2);
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
});

test('no TLS session → exit 2: refused port, silent TCP server (bounded timeout), plain HTTP', async () => {
  const refused = await probeJson(`127.0.0.1:${await freePort()}`, '--trust', rootPem);
  assert.equal(refused.code, 2);
  assert.equal(refused.report.failure?.kind, 'refused');

  const silentPort = await listen(createNetServer(() => undefined));
  const started = Date.now();
  const silent = await probeJson(`127.0.0.1:${silentPort}`, '--trust', rootPem, '--timeout', '1');
  const took = Date.now() - started;
  assert.equal(silent.code, 2);
  assert.equal(silent.report.failure?.kind, 'timeout');
  assert.match(silent.report.failure?.message ?? '', /accepted the connection/);
  assert.ok(took < 3000, `timeout took ${took} ms`);

  const http = createHttpServer((_req, res) => res.end('hello'));
  const httpPort = await listen(http);
  const plain = await probeJson(`127.0.0.1:${httpPort}`, '--trust', rootPem, '--timeout', '3');
  assert.equal(plain.code, 2);
  assert.equal(plain.report.failure?.kind, 'not-tls', plain.report.failure?.message);

  const dns = await probeJson('no-such-host.invalid:443', '--trust', rootPem, '--timeout', '3');
  assert.equal(dns.code, 2);
  assert.equal(dns.report.failure?.kind, 'dns');
});

test('bad arguments → exit 2 with a message', async () => {
  assert.equal((await rwsec('probe', 'no-port')).code, 2);
  assert.equal((await rwsec('probe', 'h:99999')).code, 2);
  const missing = await rwsec('probe', '127.0.0.1:1', '--trust', join(dir, 'missing.pem'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /missing\.pem does not exist/);
});
