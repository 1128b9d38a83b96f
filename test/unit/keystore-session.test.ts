// The keystore manager's API through the contract (schemas included), on real store files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiHandlers, Channel, Request, Response } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { obfuscate } from '../../shared/secrets/obf';
import { createChainHandlers } from '../../electron/api/chain-handlers';
import { createKeystoreHandlers } from '../../electron/api/keystore-handlers';
import { readKeystoreFile } from '../../electron/services/keystore/read';
import { defaultFileStore } from '../../electron/services/session/default-file-store';
import { EditingSession } from '../../electron/services/session/editing-session';
import { makeTestPki, type TestPki } from '../helpers/chain-pki';

let dir: string;
let pki: TestPki;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rwsec-ks-session-'));
  pki = await makeTestPki();
});
after(() => rm(dir, { recursive: true, force: true }));

async function app(yaml = 'ssl:\n  port: 443\n') {
  const config = join(dir, `application-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(config, yaml);
  const session = new EditingSession(defaultFileStore);
  await session.open(config);
  // Only the channels under test; dispatch picks the handler by channel name.
  const handlers = {
    ...createKeystoreHandlers(session),
    ...createChainHandlers(session),
  } as unknown as ApiHandlers;
  return <C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> =>
    dispatch(handlers, channel, request);
}

const generate = (handle: number, alias: string) => ({
  handle,
  alias,
  dname: 'CN=rws.example.com, O=Test',
  san: 'dns:rws.example.com,ip:127.0.0.1',
  keyAlgorithm: 'ec' as const,
  keySize: 256,
  days: 30,
});

describe('keystore session', () => {
  test('a new store: changes stay pending and undoable until Save writes them with a backup', async () => {
    const call = await app();
    const file = join(dir, 'new.p12');
    const opened = await call('keystore.open', {
      path: file,
      password: 'secret1',
      create: 'PKCS12',
    });
    assert.equal(opened.exists, false);
    assert.deepEqual(opened.entries, []);

    let view = await call('keystore.generate', generate(opened.handle, 'RWS'));
    assert.deepEqual(
      view.entries.map((e) => [e.alias, e.kind]),
      [['rws', 'key']],
    );
    assert.deepEqual(view.entries[0]?.chain[0]?.san, [
      'DNS:rws.example.com',
      'IP Address:127.0.0.1',
    ]);
    view = await call('keystore.import', {
      handle: view.handle,
      input: { pem: pki.root.certPem },
      alias: 'root',
    });
    view = await call('keystore.delete', { handle: view.handle, alias: 'root' });
    assert.deepEqual(view.pending, [
      'generated the key pair "rws"',
      'imported the pasted text',
      'deleted "root"',
    ]);
    view = await call('keystore.undo', { handle: view.handle });
    assert.deepEqual(
      view.entries.map((e) => e.alias),
      ['rws', 'root'],
    );
    await assert.rejects(readFile(file), /ENOENT/, 'nothing is written before Save');

    const saved = await call('keystore.save', { handle: view.handle });
    assert.equal(saved.backup, null);
    assert.deepEqual(saved.view.pending, []);
    const onDisk = readKeystoreFile(file, { password: 'secret1' }).store;
    assert.equal(onDisk.type, 'PKCS12');
    assert.deepEqual(
      onDisk.entries.map((e) => [e.alias, e.kind]),
      [
        ['rws', 'key'],
        ['root', 'trusted'],
      ],
    );

    view = await call('keystore.rename', { handle: view.handle, from: 'root', to: 'test-root' });
    view = await call('keystore.passwd', { handle: view.handle, password: 'secret2' });
    const again = await call('keystore.save', { handle: view.handle });
    assert.ok(again.backup, 'the previous file is kept');
    assert.deepEqual((await readdir(join(dir, '.rwsec-backups'))).length > 0, true);
    assert.throws(() => readKeystoreFile(file, { password: 'secret1' }), /wrong/);
    assert.deepEqual(
      readKeystoreFile(file, { password: 'secret2' }).store.entries.map((e) => e.alias),
      ['rws', 'test-root'],
    );
    for (const response of [opened, view, again]) {
      const text = JSON.stringify(response);
      assert.ok(!text.includes('secret1') && !text.includes('secret2'), 'no password echoed');
    }
  });

  test('a wrong password is an error naming the file, and the open store stays open', async () => {
    const call = await app();
    const file = join(dir, 'wrong.p12');
    const first = await call('keystore.open', {
      path: file,
      password: 'right-pw',
      create: 'PKCS12',
    });
    await call('keystore.generate', generate(first.handle, 'a'));
    await call('keystore.save', { handle: first.handle });
    await assert.rejects(
      call('keystore.open', { path: file, password: 'wrong-pw' }),
      (error: Error) => error.message.includes(file) && /wrong/.test(error.message),
    );
    const state = await call('keystore.state', {});
    assert.equal(state.view?.handle, first.handle);
    await assert.rejects(
      call('keystore.delete', { handle: first.handle + 100, alias: 'a' }),
      /Another store/,
    );
  });

  test('a store named by the config opens with its OBF password; a CRYPT password is asked for', async () => {
    const file = join(dir, 'https.p12');
    const setup = await app();
    const created = await setup('keystore.open', {
      path: file,
      password: 'storepwd',
      create: 'PKCS12',
    });
    await setup('keystore.generate', generate(created.handle, 'jetty'));
    await setup('keystore.save', { handle: created.handle });

    const call = await app(
      `ssl:\n  keyStorePath: https.p12\n  keyStorePassword: ${obfuscate('storepwd')}\n`,
    );
    const view = await call('keystore.open', { path: 'https.p12', configKey: 'ssl.keyStorePath' });
    assert.equal(view.file, file, 'relative to the config folder');
    assert.deepEqual(
      view.entries.map((e) => e.alias),
      ['jetty'],
    );

    const crypt = await app(
      `serverSettings:\n  caCertificate: https.p12\n  jksPassword: CRYPT:abcdef\n`,
    );
    await assert.rejects(
      crypt('keystore.open', { path: 'https.p12', configKey: 'serverSettings.caCertificate' }),
      /serverSettings\.jksPassword.*type the store password/,
    );
  });

  test('import: PEM key + chain becomes a key entry; oversized drops are refused; key export is encrypted', async () => {
    const call = await app();
    const opened = await call('keystore.open', {
      path: join(dir, 'import.jks'),
      password: 'changeit',
      create: 'JKS',
    });
    const pem = pki.good.keyPem + pki.good.certPem + pki.intermediate.certPem + pki.root.certPem;
    const view = await call('keystore.import', {
      handle: opened.handle,
      input: { upload: { name: 'server.pem', base64: Buffer.from(pem).toString('base64') } },
      alias: 'server',
    });
    assert.deepEqual(
      view.entries.map((e) => [e.alias, e.kind, e.chain.length]),
      [['server', 'key', 3]],
    );
    await assert.rejects(
      call('keystore.import', {
        handle: opened.handle,
        input: { upload: { name: 'big.bin', base64: 'A'.repeat(700_000) } },
      }),
      /Invalid keystore\.import request|larger than/,
    );
    await assert.rejects(
      call('keystore.export', { handle: opened.handle, alias: 'server', what: 'private-key' }),
      /passphrase/,
    );
    const exported = await call('keystore.export', {
      handle: opened.handle,
      alias: 'server',
      what: 'private-key',
      passphrase: 'export-pass',
    });
    assert.match(exported.pem, /BEGIN ENCRYPTED PRIVATE KEY/);
    assert.equal(
      createPrivateKey({ key: exported.pem, passphrase: 'export-pass' }).asymmetricKeyType,
      'ec',
    );
    const csr = await call('keystore.csr', { handle: opened.handle, alias: 'server' });
    assert.match(csr.pem, /BEGIN CERTIFICATE REQUEST/);
  });

  test('chain preview of a keystore alias against a config trust file and against another trust', async () => {
    await writeFile(join(dir, 'ca.pem'), pki.root.certPem);
    const call = await app('serverSettings:\n  caCertificate: ca.pem\n');
    const opened = await call('keystore.open', {
      path: join(dir, 'chain.p12'),
      password: 'changeit',
      create: 'PKCS12',
    });
    await call('keystore.import', {
      handle: opened.handle,
      input: { pem: pki.good.keyPem + pki.good.certPem + pki.intermediate.certPem },
      alias: 'leaf',
    });
    const choices = await call('chain.trustChoices', {});
    assert.deepEqual(
      choices.choices.map((c) => [c.key, c.resolved]),
      [['serverSettings.caCertificate', join(dir, 'ca.pem')]],
    );
    const trusted = await call('chain.verify', {
      source: { kind: 'keystore', alias: 'leaf' },
      trust: { kind: 'config', key: 'serverSettings.caCertificate' },
      host: 'localhost',
    });
    assert.equal(trusted.report.verdict.reason, 'trusted');
    assert.deepEqual(
      trusted.report.certificates.map((c) => c.role),
      ['leaf', 'intermediate', 'root'],
    );
    assert.equal(trusted.details.length, 3);
    assert.match(trusted.details[2]?.subject ?? '', /Test Root CA/);

    await writeFile(join(dir, 'foreign.pem'), pki.foreignRoot.certPem);
    const foreign = await call('chain.verify', {
      source: { kind: 'pem', text: pki.good.certPem + pki.intermediate.certPem },
      trust: { kind: 'file', path: 'foreign.pem' },
    });
    assert.equal(foreign.report.verdict.reason, 'unknown-ca');
  });
});
