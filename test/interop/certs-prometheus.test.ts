// `rwsec certs --prometheus FILE` judged by the real Prometheus tools from Debian: promtool accepts
// the exposition text, and a prometheus-node-exporter started here (127.0.0.1, textfile collector
// only) serves the series on /metrics. The exporter is stopped at the end.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../../electron/cli/main';
import { writeKeystore } from '../../electron/services/keystore/write';
import { obfuscate } from '../../shared/secrets/obf';
import { issue, type Issued } from '../helpers/chain-pki';

const DAY = 86_400_000;
const PASS = 'metrics-pass-1';
const runs = (cmd: string, args: string[]) =>
  spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const skipPromtool = runs('promtool', ['--version'])
  ? false
  : 'needs promtool (Debian prometheus): bash build/install-deps.sh';
const skipExporter = runs('prometheus-node-exporter', ['--version'])
  ? false
  : 'needs prometheus-node-exporter: bash build/install-deps.sh';

let dir: string;
let textDir: string;
let metricsFile: string;
let leaf: Issued;
let root: Issued;
let exporter: ChildProcess | undefined;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-prom-'));
  textDir = join(dir, 'textfile');
  mkdirSync(textDir);
  metricsFile = join(textDir, 'rwsec-certs.prom');
  const now = Date.now();
  root = await issue({ subject: 'CN=Metrics Root CA', ca: true });
  leaf = await issue({
    subject: 'CN=rws \\"quoted\\" host\\, a',
    issuer: root,
    dns: ['rws.example.test'],
    notBefore: new Date(now - 400 * DAY),
    notAfter: new Date(now - DAY),
  });
  writeFileSync(
    join(dir, 'https.jks'),
    writeKeystore(
      {
        type: 'JKS',
        entries: [
          {
            kind: 'key',
            alias: 'jetty',
            created: new Date(now),
            chain: [leaf.cert, root.cert],
            privateKey: KeyObject.from(leaf.keys.privateKey),
          },
        ],
      },
      { type: 'JKS', password: PASS },
    ),
  );
  writeFileSync(
    join(dir, 'application.yaml'),
    [
      'enableSsl: true',
      'ssl:',
      '  keyStorePath: https.jks',
      `  keyStorePassword: ${obfuscate(PASS)}`,
      'serverSettings:',
      '  caCertificate: missing-ca.pem',
      '',
    ].join('\n'),
  );
  const code = await runCli(
    [
      'certs',
      '--config',
      join(dir, 'application.yaml'),
      '--prometheus',
      metricsFile,
      '--node',
      'rws-01',
    ],
    { out: () => undefined, err: () => undefined, env: process.env },
  );
  assert.equal(code, 2, 'a missing file still exits 2, after writing the metrics');
});

after(async () => {
  if (exporter && exporter.exitCode === null) {
    const exited = new Promise((resolve) => exporter?.once('exit', resolve));
    exporter.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

test('the metrics file holds the x509-certificate-exporter families with our labels', () => {
  const text = readFileSync(metricsFile, 'utf8');
  const expired = text.split('\n').filter((l) => l.startsWith('x509_cert_expired{'));
  assert.equal(expired.length, 2);
  const leafLine = expired.find((l) => l.includes('role="server"')) ?? '';
  assert.match(leafLine, /node="rws-01"/);
  assert.match(leafLine, new RegExp(`filepath="${join(dir, 'https.jks')}"`));
  assert.match(leafLine, /alias="jetty",config_key="ssl.keyStorePath"/);
  assert.match(leafLine, /subject_CN="rws \\"quoted\\" host, a",issuer_CN="Metrics Root CA"/);
  assert.match(leafLine, / 1$/, 'the expired server certificate is 1');
  const notAfter = text
    .split('\n')
    .find((l) => l.startsWith('x509_cert_not_after{') && l.includes('role="server"'));
  assert.equal(
    Number(notAfter?.split(' ').pop()),
    Math.floor(Date.parse(leaf.cert.validTo) / 1000),
  );
  assert.match(text, /^x509_read_errors\{node="rws-01"\} 1$/m);
  assert.match(
    text,
    /^x509_cert_read_error\{node="rws-01",filepath="[^"]*missing-ca\.pem",config_key="serverSettings\.caCertificate",reason="missing"\} 1$/m,
  );
  assert.ok(!text.includes(PASS));
  // Written atomically: no temp file is left beside it.
  assert.deepEqual(readdirSync(textDir), ['rwsec-certs.prom']);
});

test('promtool check metrics accepts it', { skip: skipPromtool }, () => {
  const r = spawnSync('promtool', ['check', 'metrics'], {
    input: readFileSync(metricsFile),
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  assert.equal(`${r.stdout}${r.stderr}`.trim(), '', 'no lint complaint either');
});

test(
  'node_exporter serves the series from its textfile directory',
  { skip: skipExporter },
  async () => {
    const port = await freePort();
    exporter = spawn(
      'prometheus-node-exporter',
      [
        `--web.listen-address=127.0.0.1:${port}`,
        '--collector.disable-defaults',
        '--collector.textfile',
        `--collector.textfile.directory=${textDir}`,
      ],
      { stdio: 'ignore' },
    );
    let body = '';
    for (let i = 0; i < 100 && body === ''; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/metrics`);
        body = await res.text();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    assert.notEqual(body, '', 'node_exporter answered on /metrics');
    assert.match(body, /^node_textfile_scrape_error 0$/m);
    const served = body
      .split('\n')
      .filter((l) => /^x509_cert_(not_before|not_after|expired)\{/.test(l));
    assert.equal(served.length, 6, served.join('\n'));
    assert.ok(
      served.some(
        (l) =>
          l.startsWith('x509_cert_expired{') && l.includes('role="server"') && l.endsWith(' 1'),
      ),
    );
    assert.match(body, /^x509_read_errors\{node="rws-01"\} 1$/m);
  },
);
