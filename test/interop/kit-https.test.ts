// The HTTPS kit against real peers: Jetty 9.4 opens the keystore with the OBF: password the kit
// wrote into application.yaml (Jetty decodes it itself), keytool reads the store, and a password
// change keeps keystore and config in step.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { haveJava, haveJetty, startJetty } from '../helpers/kit-peers';
import { rwsecBin, sampleConfig } from '../helpers/paths';

const PASS = 'jetty-Store-1';
const NEW_PASS = 'jetty-Store-2';
const HOST = 'rws.kit.test';

function rwsec(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [rwsecBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, RWSEC_STOREPASS: PASS, ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function sslValues(config: string): {
  path: string;
  password: string;
  port: unknown;
  enabled: unknown;
} {
  const doc = parseDocument(readFileSync(config, 'utf8'), { version: '1.1' }).toJS() as Record<
    string,
    unknown
  >;
  const ssl = doc['ssl'] as Record<string, unknown>;
  return {
    path: String(ssl['keyStorePath']),
    password: String(ssl['keyStorePassword']),
    port: ssl['port'],
    enabled: doc['enableSsl'],
  };
}

function exportCert(keystore: string, password: string): string {
  const r = spawnSync(
    'keytool',
    ['-exportcert', '-rfc', '-alias', 'jetty', '-keystore', keystore, '-storepass', password],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(r.status, 0, `keytool: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** GET / over TLS, trusting only `caPem` and verifying the host name HOST. */
function fetchOverTls(port: number, caPem: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername: HOST, ca: caPem }, () => {
      socket.write(`GET / HTTP/1.1\r\nHost: ${HOST}\r\nConnection: close\r\n\r\n`);
    });
    let body = '';
    socket.setEncoding('utf8').on('data', (c: string) => (body += c));
    socket.on('end', () => resolve(body));
    socket.on('error', reject);
  });
}

const skip = !haveJava()
  ? 'java/keytool not installed'
  : !haveJetty()
    ? 'Jetty 9 jars not in /usr/share/java'
    : false;

describe('kit https with Jetty 9', { skip }, () => {
  let dir = '';
  let keystore = '';
  let config = '';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kit-https-'));
    keystore = join(dir, 'keystore');
    config = join(dir, 'application.yaml');
    copyFileSync(sampleConfig, config);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a self-signed keystore and the ssl values; Jetty serves it with the OBF: password from the config', async () => {
    const r = rwsec([
      'kit',
      'https',
      '--keystore',
      keystore,
      '--dname',
      `CN=${HOST}, O=Kit Test`,
      '--san',
      `dns:${HOST}`,
      '--config',
      config,
      '--port',
      '9443',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const ssl = sslValues(config);
    assert.equal(ssl.enabled, true);
    assert.equal(ssl.port, 9443);
    assert.equal(ssl.path, keystore);
    assert.match(ssl.password, /^OBF:/);
    const jetty = await startJetty(ssl.path, ssl.password);
    try {
      const response = await fetchOverTls(jetty.port, exportCert(keystore, PASS));
      assert.match(response, /^HTTP\/1\.1 200/);
      assert.match(response, /kit-ok/);
    } finally {
      await jetty.stop();
    }
  });

  it('changes the store password and the config together; Jetty opens it with the new value', async () => {
    const before = sslValues(config).password;
    const r = rwsec(
      ['kit', 'https', '--keystore', keystore, '--change-password', '--config', config],
      {
        RWSEC_NEW_STOREPASS: NEW_PASS,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    const ssl = sslValues(config);
    assert.notEqual(ssl.password, before);
    const oldPass = spawnSync('keytool', ['-list', '-keystore', keystore, '-storepass', PASS]);
    assert.notEqual(oldPass.status, 0, 'the old password must no longer open the store');
    const jetty = await startJetty(ssl.path, ssl.password);
    try {
      assert.match(await fetchOverTls(jetty.port, exportCert(keystore, NEW_PASS)), /kit-ok/);
    } finally {
      await jetty.stop();
    }
  });

  it('Jetty refuses the keystore with a wrong password (the check above can fail)', async () => {
    await assert.rejects(
      startJetty(keystore, 'OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v'),
      /password|tampered|keystore/i,
    );
  });

  it('the ssl values pass rwsec validate with no errors', () => {
    const r = rwsec(['validate', config, '--json']);
    const report = JSON.parse(r.stdout) as {
      diagnostics: { severity: string; path: string; message: string }[];
    };
    assert.deepEqual(
      report.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    // Port 9443 and an OBF: password: nothing to warn about in the ssl section either.
    assert.deepEqual(
      report.diagnostics.filter((d) => /^(ssl\.|enableSsl)/.test(d.path) && d.severity !== 'info'),
      [],
    );
  });
});
