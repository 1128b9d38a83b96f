// `rwsec kit` as the admin meets it: clear one-line errors with nothing written, and the trust kit
// taking a live server's chain (--probe) from a local TLS server.
import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import type { CliIo } from '../../electron/cli/command';
import { kitCommand } from '../../electron/cli/commands/kit';
import { runCommand } from '../../electron/cli/cli-run';
import { RwsDocument } from '../../shared/yaml/document';
import { makeTestPki, type TestPki } from '../helpers/chain-pki';
import { sampleConfig } from '../helpers/paths';

function io(
  env: Record<string, string> = {},
): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env,
    stdout: () => out,
    stderr: () => err,
  };
}

describe('rwsec kit (command)', () => {
  let dir = '';
  let pki: TestPki;
  let server: Server;
  let port = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kit-cli-'));
    pki = await makeTestPki();
    // Serves leaf + intermediate, as most servers do: the root is not sent.
    server = createServer({
      key: pki.good.keyPem,
      cert: pki.good.certPem + pki.intermediate.certPem,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('trust --probe keeps the top of the served chain, warns that the root was not sent, sets the config', async () => {
    const config = join(dir, 'probe.yaml');
    copyFileSync(sampleConfig, config);
    const out = join(dir, 'webdav-ca.pem');
    const t = io();
    const code = await runCommand(
      kitCommand,
      [
        'trust',
        '--target',
        'webdav',
        '--probe',
        `127.0.0.1:${port}`,
        '--out',
        out,
        '--config',
        config,
      ],
      t,
    );
    assert.equal(code, 0, t.stderr());
    assert.match(t.stderr(), /does not send its root CA/);
    assert.equal(readFileSync(out, 'utf8'), pki.intermediate.cert.toString());
    assert.equal(
      RwsDocument.parse(readFileSync(config, 'utf8')).get('serverSettings.webDAVTrustedCA'),
      out,
    );
  });

  it('trust --from a chain file as JKS for rcs, password from RWSEC_STOREPASS', async () => {
    const chain = join(dir, 'chain.pem');
    writeFileSync(chain, pki.good.certPem + pki.intermediate.certPem + pki.root.certPem);
    const config = join(dir, 'rcs.yaml');
    copyFileSync(sampleConfig, config);
    const t = io({ RWSEC_STOREPASS: 'rcs-pass-1' });
    const code = await runCommand(
      kitCommand,
      [
        'trust',
        '--target',
        'rcs',
        '--from',
        chain,
        '--out',
        join(dir, 'rcs.jks'),
        '--config',
        config,
      ],
      t,
    );
    assert.equal(code, 0, t.stderr());
    const doc = RwsDocument.parse(readFileSync(config, 'utf8'));
    assert.equal(doc.get('serverSettings.rcsTrustedCA'), join(dir, 'rcs.jks'));
    assert.equal(doc.get('serverSettings.rcsJksPassword'), 'rcs-pass-1');
  });

  it('an unreachable endpoint is one clear line, and nothing is written', async () => {
    const t = io();
    const out = join(dir, 'never.pem');
    const code = await runCommand(
      kitCommand,
      ['trust', '--target', 'rcs', '--probe', '127.0.0.1:1', '--out', out],
      t,
    );
    assert.equal(code, 2);
    assert.match(t.stderr(), /^rwsec kit trust: Cannot take the chain of 127\.0\.0\.1:1/);
    assert.equal(existsSync(out), false);
  });

  it('no password and no terminal: says how to give one, writes nothing', async () => {
    const t = io();
    const out = join(dir, 'nopass');
    const code = await runCommand(kitCommand, ['cassandra', '--nodes', 'a,b', '--out', out], t);
    assert.equal(code, 2);
    assert.match(t.stderr(), /storepass-env NAME, set RWSEC_STOREPASS/);
    assert.equal(existsSync(out), false);
  });

  it('cassandra: the CA key password comes from RWSEC_CAPASS (or --ca-pass-env), differs from the store password', async () => {
    const out = join(dir, 'capass');
    const noCa = io({ RWSEC_STOREPASS: 'store-pass-1' });
    assert.equal(
      await runCommand(kitCommand, ['cassandra', '--nodes', 'a', '--out', out], noCa),
      2,
    );
    assert.match(noCa.stderr(), /ca-pass-env NAME, set RWSEC_CAPASS/);
    assert.equal(existsSync(out), false);

    const same = io({ RWSEC_STOREPASS: 'store-pass-1', RWSEC_CAPASS: 'store-pass-1' });
    assert.notEqual(
      await runCommand(kitCommand, ['cassandra', '--nodes', 'a', '--out', out], same),
      0,
    );
    assert.match(same.stderr(), /CA key password must differ from the store password/);
    assert.doesNotMatch(same.stderr(), /store-pass-1/, 'never shows the password');
    assert.equal(existsSync(out), false);

    const ok = io({ RWSEC_STOREPASS: 'store-pass-1', MY_CA: 'ca-pass-123' });
    const args = ['cassandra', '--out', out, '--keyalg', 'ec', '--ca-pass-env', 'MY_CA'];
    assert.equal(await runCommand(kitCommand, [...args, '--nodes', 'a'], ok), 0, ok.stderr());
    const key = readFileSync(join(out, 'ca', 'root-ca.key.pem'), 'utf8');
    assert.throws(() => createPrivateKey({ key, format: 'pem', passphrase: 'store-pass-1' }));
    assert.ok(createPrivateKey({ key, format: 'pem', passphrase: 'ca-pass-123' }));

    const wrong = io({ RWSEC_STOREPASS: 'store-pass-1', MY_CA: 'not-the-ca-pass' });
    assert.equal(await runCommand(kitCommand, [...args, '--add-node', 'b'], wrong), 2);
    assert.match(
      wrong.stderr(),
      /Cannot decrypt .*root-ca\.key\.pem with the given CA key password/,
    );
    assert.equal(existsSync(join(out, 'nodes', 'b')), false);
    const added = io({ RWSEC_STOREPASS: 'store-pass-1', MY_CA: 'ca-pass-123' });
    assert.equal(
      await runCommand(kitCommand, [...args, '--add-node', 'b'], added),
      0,
      added.stderr(),
    );
    assert.ok(existsSync(join(out, 'nodes', 'b', 'keystore.jks')));
  });

  it('a broken config stops the https kit before the keystore is written', async () => {
    const config = join(dir, 'broken.yaml');
    writeFileSync(config, 'ssl:\n  port: 443\n keyStorePath: x\n');
    const keystore = join(dir, 'never.jks');
    const t = io({ RWSEC_STOREPASS: 'https-pass-1' });
    const code = await runCommand(
      kitCommand,
      [
        'https',
        '--keystore',
        keystore,
        '--dname',
        'CN=x.test',
        '--san',
        'dns:x.test',
        '--config',
        config,
      ],
      t,
    );
    assert.equal(code, 2);
    assert.match(t.stderr(), /broken\.yaml:\d+:\d+: .*nothing was written/);
    assert.doesNotMatch(t.stderr(), /\n\s+at /, 'no stack trace');
    assert.equal(existsSync(keystore), false);
  });

  it('a broken config stops the cassandra kit: no kit folder, no lock left (they were taken early)', async () => {
    const config = join(dir, 'broken-cass.yaml');
    writeFileSync(config, 'cassandraCluster:\n  useSSL: false\n trustStore: x\n');
    const out = join(dir, 'cass-broken-config');
    const t = io({ RWSEC_STOREPASS: 'cass-pass-1', RWSEC_CAPASS: 'cass-ca-pass-1' });
    const args = ['cassandra', '--nodes', 'a,b', '--keyalg', 'ec', '--out', out];
    assert.equal(await runCommand(kitCommand, [...args, '--config', config], t), 2);
    assert.match(t.stderr(), /broken-cass\.yaml:\d+:\d+: .*nothing was written/);
    assert.equal(existsSync(out), false, 'the folders made for the kit are gone again');
    assert.equal(existsSync(join(dir, '.broken-cass.yaml.rwsec-lock')), false);
    const again = io({ RWSEC_STOREPASS: 'cass-pass-1', RWSEC_CAPASS: 'cass-ca-pass-1' });
    assert.equal(await runCommand(kitCommand, args, again), 0, again.stderr());
    assert.ok(existsSync(join(out, 'nodes', 'b', 'keystore.jks')));
    assert.deepEqual(
      readdirSync(join(out, 'nodes', 'b')).filter((f) => f.includes('rwsec-lock')),
      [],
    );
  });

  it('https on a store that already has the alias is refused (exit 1); a wrong password is exit 2', async () => {
    const keystore = join(dir, 'refuse.jks');
    const args = ['https', '--keystore', keystore, '--dname', 'CN=x.test', '--san', 'dns:x.test'];
    const first = io({ RWSEC_STOREPASS: 'https-pass-1' });
    assert.equal(await runCommand(kitCommand, args, first), 0, first.stderr());
    const original = readFileSync(keystore);

    const again = io({ RWSEC_STOREPASS: 'https-pass-1' });
    assert.equal(await runCommand(kitCommand, args, again), 1);
    assert.match(again.stderr(), /^rwsec kit https: .*already has an entry "jetty"/);
    assert.ok(readFileSync(keystore).equals(original), 'store untouched');

    const wrong = io({ RWSEC_STOREPASS: 'not-the-pass' });
    assert.equal(await runCommand(kitCommand, [...args, '--replace'], wrong), 2);
    assert.match(wrong.stderr(), /password is wrong/);
    assert.doesNotMatch(wrong.stderr(), /not-the-pass/, 'never shows the password');
    assert.ok(readFileSync(keystore).equals(original), 'store untouched');
  });

  it('bad usage: unknown kit, two sources, bad SAN', async () => {
    assert.equal(await runCommand(kitCommand, ['nope'], io()), 2);
    const t = io({ RWSEC_STOREPASS: 'https-pass-1' });
    assert.equal(
      await runCommand(
        kitCommand,
        ['https', '--keystore', join(dir, 'k'), '--csr', 'a.csr', '--reply', 'b.pem'],
        t,
      ),
      2,
    );
    assert.match(t.stderr(), /only one of/);
    const s = io({ RWSEC_STOREPASS: 'https-pass-1' });
    assert.equal(
      await runCommand(
        kitCommand,
        ['https', '--keystore', join(dir, 'k'), '--dname', 'CN=x', '--san', 'dns:bad name'],
        s,
      ),
      2,
    );
    assert.match(s.stderr(), /not a DNS name/);
    assert.equal(existsSync(join(dir, 'k')), false);
  });
});
