// A keystore made by `rwsec keystore selfsigned` (JKS and PKCS12, RSA and EC) served by a real
// Jetty 9 configured like RWS (keystore path, OBF: password, certAlias); a Node client and a JSSE
// client trusting only our certificate complete the handshake for the certificate's name and
// fail for another name.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { obfuscate } from '../../shared/secrets/obf';
import { repoRoot, rwsecBin } from '../helpers/paths';
import { haveJdk, runJava } from '../helpers/java';

const javaDir = '/usr/share/java';
const jettyProgram = join(repoRoot, 'test', 'java', 'jetty', 'JettyHttps.java');
// ASCII with a space: Java refuses non-ASCII PKCS12 passwords (see keystore-cli tests).
const password = 'Store-pass 1!';
const dir = mkdtempSync(join(tmpdir(), 'rwsec-jetty-'));
const children: ChildProcess[] = [];

after(() => {
  for (const child of children) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

function jettyClasspath(): string[] | undefined {
  const names = existsSync(javaDir) ? readdirSync(javaDir) : [];
  const servlet = ['servlet-api.jar', 'servlet-api-3.1.jar', 'javax.servlet-api.jar'].find((n) =>
    names.includes(n),
  );
  const jetty = ['server', 'util', 'http', 'io'].map((m) => `jetty9-${m}.jar`);
  if (!servlet || !jetty.every((n) => names.includes(n))) return undefined;
  return [...jetty, servlet].map((n) => join(javaDir, n));
}

function missingPeers(): string | undefined {
  if (!existsSync(join(repoRoot, 'dist', 'cli.cjs'))) return 'CLI not built (npm run build)';
  if (!haveJdk()) return 'no JDK (java, javac, keytool)';
  if (!jettyClasspath())
    return `Jetty 9 jars or the servlet API not in ${javaDir} (libjetty9-java)`;
  return undefined;
}

function rwsec(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [rwsecBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, RWSEC_STOREPASS: password },
  });
}

/** Starts Jetty on a free port of 127.0.0.1 and resolves with the port (or rejects with its log). */
function startJetty(
  store: string,
  type: string,
  alias: string,
  storePass: string,
): Promise<number> {
  const child = spawn('java', [
    '-cp',
    (jettyClasspath() ?? []).join(':'),
    jettyProgram,
    store,
    type,
    alias,
  ]);
  children.push(child);
  // The password goes through stdin (never a command line), exactly as written in application.yaml.
  child.stdin.write(storePass + '\n');
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Jetty did not start:\n${err}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Jetty exited (${code}):\n${err}`));
    });
  });
}

function nodeGet(port: number, name: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, servername: name, headers: { host: name }, ca, agent: false },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve(body));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const cases = [
  { storetype: 'jks', javaType: 'JKS', keyalg: 'rsa', truststore: 'jks' },
  { storetype: 'pkcs12', javaType: 'PKCS12', keyalg: 'ec', truststore: 'pkcs12' },
  { storetype: 'jks', javaType: 'JKS', keyalg: 'ec', truststore: 'pkcs12' },
  { storetype: 'pkcs12', javaType: 'PKCS12', keyalg: 'rsa', truststore: 'jks' },
];

for (const c of cases) {
  test(`Jetty serves a ${c.storetype} ${c.keyalg} keystore from rwsec with an OBF: password`, async (t) => {
    const missing = missingPeers();
    if (missing) return t.skip(missing);
    const base = `${c.storetype}-${c.keyalg}`;
    const store = join(dir, `${base}.${c.storetype === 'jks' ? 'jks' : 'p12'}`);
    const made = rwsec([
      'keystore',
      'selfsigned',
      store,
      '--storetype',
      c.storetype,
      '--keyalg',
      c.keyalg,
      '--alias',
      'Jetty',
      '--dname',
      'CN=localhost, O=RWS Test',
      '--san',
      'dns:localhost',
      '--days',
      '2',
    ]);
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stderr, /"Jetty" is stored as "jetty"/);

    const certPem = join(dir, `${base}.pem`);
    assert.equal(
      rwsec(['keystore', 'export', store, '--alias', 'jetty', '--file', certPem]).status,
      0,
    );
    const truststore = join(dir, `${base}-trust.${c.truststore === 'jks' ? 'jks' : 'p12'}`);
    const imported = rwsec([
      'keystore',
      'import',
      truststore,
      '--storetype',
      c.truststore,
      '--file',
      certPem,
    ]);
    assert.equal(imported.status, 0, imported.stderr);

    const port = await startJetty(store, c.javaType, 'jetty', obfuscate(password));
    const ca = readFileSync(certPem, 'utf8');

    assert.equal(await nodeGet(port, 'localhost', ca), 'hello from jetty');
    await assert.rejects(nodeGet(port, 'wrong.example', ca), /altnames|does not match/);

    const trustType = c.truststore === 'jks' ? 'JKS' : 'PKCS12';
    const ok = runJava('JsseClient', [truststore, trustType, password, 'localhost', String(port)]);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /^OK HTTP\/1\.1 200/);
    const wrong = runJava('JsseClient', [
      truststore,
      trustType,
      password,
      'wrong.example',
      String(port),
    ]);
    assert.equal(wrong.code, 3, wrong.stdout + wrong.stderr);
    assert.match(wrong.stdout, /No subject alternative DNS name matching wrong\.example/);
  });
}

test('Jetty refuses to start with the OBF: form of a wrong password (the password is really used)', async (t) => {
  const missing = missingPeers();
  if (missing) return t.skip(missing);
  const store = join(dir, 'wrong-pass.p12');
  const made = rwsec([
    'keystore',
    'selfsigned',
    store,
    '--alias',
    'jetty',
    '--dname',
    'CN=localhost',
    '--san',
    'dns:localhost',
    '--keyalg',
    'ec',
  ]);
  assert.equal(made.status, 0, made.stderr);
  await assert.rejects(
    startJetty(store, 'PKCS12', 'jetty', obfuscate('not-the-password')),
    /password/i,
  );
});
