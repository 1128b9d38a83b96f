// `validate --probe`: targets derived from application.yaml, probed on 127.0.0.1 servers that this
// test starts (and closes), findings reported at the keys an admin would change.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createServer as createTlsServer } from 'node:tls';
import { runCli } from '../../electron/cli/main';
import { trustSourceOf } from '../../electron/services/chain/trust-source';
import { probeConfigDiagnostics } from '../../electron/services/probe/config-probe';
import type { Diagnostic } from '../../shared/diagnostics';
import { RwsDocument } from '../../shared/yaml/document';
import { makeTestPki, type Issued, type TestPki } from '../helpers/chain-pki';

let pki: TestPki;
let dir: string;
const servers: Server[] = [];

async function tlsServer(leaf: Issued, ...extra: Issued[]): Promise<number> {
  const cert = [leaf, ...extra].map((c) => c.certPem).join('');
  const server = createTlsServer({ key: leaf.keyPem, cert }, (socket) => socket.end());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function yamlFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function load(file: string): RwsDocument {
  return RwsDocument.parse(readFileSync(file, 'utf8'));
}

function byRule(list: Diagnostic[], rule: string): Diagnostic[] {
  return list.filter((d) => d.rule === rule);
}

before(async () => {
  pki = await makeTestPki();
  dir = mkdtempSync(join(tmpdir(), 'rwsec-probe-config-'));
  writeFileSync(join(dir, 'root.pem'), pki.root.certPem);
});

after(() => {
  for (const server of servers) server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('Configuration Server, Cassandra and RWS HTTPS are probed with their own trust and rules', async () => {
  const cfgPort = await tlsServer(pki.cnOnlyMatch, pki.intermediate);
  const cassandraPort = await tlsServer(pki.foreignLeaf, pki.foreignIntermediate);
  const httpsPort = await tlsServer(pki.good);
  const file = yamlFile(
    'application.yaml',
    [
      'enableSsl: true',
      'ssl:',
      `  port: ${httpsPort}`,
      '  keyStorePath: keystore',
      'onPremiseSettings:',
      '  cmeHost: localhost',
      `  cmePort: ${cfgPort}`,
      '  tlsEnabled: true',
      'cassandraCluster:',
      '  nodes: localhost, localhost',
      '  useSSL: true',
      '  trustStore: root.pem',
      'serverSettings:',
      `  externalApiUrlV2: https://localhost:${httpsPort}/api/v2`,
      '  caCertificate: root.pem',
      '',
    ].join('\n'),
  );
  const list = await probeConfigDiagnostics(load(file), file, {
    timeoutMs: 3000,
    cassandraPort,
    publicTrust: () => [trustSourceOf('test root', [pki.root.cert])],
  });
  // Config Server: the CN matches (RWS rule) although the SAN does not: RWS accepts it.
  const ok = byRule(list, 'probe-ok');
  assert.deepEqual(
    ok.map((d) => d.path),
    ['onPremiseSettings.cmeHost'],
    JSON.stringify(list, null, 2),
  );
  assert.equal(ok[0]?.line, 6);
  // Cassandra: foreign CA, once per distinct node, at the trust store key.
  const untrusted = byRule(list, 'probe-untrusted');
  const cassandra = untrusted.filter((d) => d.path === 'cassandraCluster.trustStore');
  assert.equal(cassandra.length, 1);
  assert.equal(cassandra[0]?.severity, 'error');
  assert.match(cassandra[0]?.message ?? '', /unknown CA/);
  // RWS HTTPS: the keystore lacks the intermediate.
  const https = untrusted.filter((d) => d.path === 'ssl.keyStorePath');
  assert.equal(https.length, 1);
  assert.match(https[0]?.message ?? '', /incomplete chain/);
  assert.match(https[0]?.fix ?? '', /intermediate/);
});

test('unreachable Configuration Server, no caCertificate, missing trust file', async () => {
  const refused = await closedPort();
  const file = yamlFile(
    'refused.yaml',
    `onPremiseSettings:\n  cmeHost: 127.0.0.1\n  cmePort: ${refused}\n  tlsEnabled: true\nserverSettings:\n  caCertificate: missing.jks\n  jksPassword: changeit\n`,
  );
  const list = await probeConfigDiagnostics(load(file), file, { timeoutMs: 2000 });
  const unreachable = byRule(list, 'probe-unreachable');
  assert.equal(unreachable.length, 1);
  assert.match(unreachable[0]?.message ?? '', /refused/);
  const trustFile = byRule(list, 'probe-trust-file');
  assert.equal(trustFile[0]?.path, 'serverSettings.caCertificate');
  assert.match(trustFile[0]?.message ?? '', /missing\.jks/);
  assert.doesNotMatch(JSON.stringify(list), /changeit/);

  const port = await tlsServer(pki.wrongName, pki.intermediate);
  const unchecked = await probeConfigDiagnostics(
    RwsDocument.parse(
      `onPremiseSettings:\n  cmeHost: localhost\n  cmePort: ${port}\n  tlsEnabled: true\n`,
    ),
    file,
    { timeoutMs: 2000 },
  );
  assert.deepEqual(
    unchecked.map((d) => d.rule),
    ['probe-unchecked'],
  );
});

test('nothing enabled: nothing is probed, and validate --probe runs from the CLI', async () => {
  const quiet = await probeConfigDiagnostics(
    RwsDocument.parse('onPremiseSettings:\n  tlsEnabled: false\n'),
    'x.yaml',
  );
  assert.deepEqual(
    quiet.map((d) => d.rule),
    ['probe-nothing'],
  );

  const port = await tlsServer(pki.good, pki.intermediate);
  const file = yamlFile(
    'cli.yaml',
    `onPremiseSettings:\n  cmeHost: localhost\n  cmePort: ${port}\n  tlsEnabled: true\nserverSettings:\n  caCertificate: root.pem\n`,
  );
  let out = '';
  const code = await runCli(['validate', file, '--probe', '--json'], {
    out: (t) => (out += t),
    err: () => undefined,
    env: {},
  });
  const parsed = JSON.parse(out) as { diagnostics: Diagnostic[] };
  assert.ok(code === 0 || code === 1);
  assert.equal(byRule(parsed.diagnostics, 'probe-ok').length, 1, out);
});
