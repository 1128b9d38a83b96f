// The map and kit channels through the real handler table and dispatch (schemas on both sides),
// over an editing session on a temp copy of the sample.
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { dispatch, ApiError } from '../../shared/api/dispatch';
import type { ApiHandlers } from '../../shared/api/contract';
import { createApiHandlers } from '../../electron/api/api-handlers';
import { defaultFileStore } from '../../electron/services/session/default-file-store';
import { EditingSession } from '../../electron/services/session/editing-session';
import { readKeystoreFile } from '../../electron/services/keystore/read';
import { obfuscate } from '../../shared/secrets/obf';
import { sampleConfig } from '../helpers/paths';

let dir: string;
let handlers: ApiHandlers;

describe('map and kit channels', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rwsec-map-api-'));
    await copyFile(sampleConfig, join(dir, 'application.yaml'));
    const session = new EditingSession(defaultFileStore);
    handlers = createApiHandlers(session, { version: 'test', mode: 'browser' });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('map.state: nothing open gives no links; the Cassandra link follows a pending edit', async () => {
    assert.deepEqual(await dispatch(handlers, 'map.state', {}), { open: false, links: [] });
    await dispatch(handlers, 'config.open', { path: join(dir, 'application.yaml') });
    const cassandra = async () =>
      (await dispatch(handlers, 'map.state', {})).links.find((l) => l.id === 'cassandra');
    assert.equal((await cassandra())?.state, 'plain');
    await dispatch(handlers, 'config.edit', {
      edits: [{ path: 'cassandraCluster.useSSL', value: true }],
    });
    const on = await cassandra();
    assert.equal(on?.state, 'misconfigured', 'useSSL without a trustStore');
    assert.equal(on?.target.path, 'cassandraCluster.trustStore');
    await dispatch(handlers, 'config.undo', {});
    assert.equal((await cassandra())?.state, 'plain');
  });

  test('secret.obf gives Jetty OBF; secret.crypt with no jar names the jar and what to do', async () => {
    assert.deepEqual(await dispatch(handlers, 'secret.obf', { password: 'storepwd' }), {
      value: 'OBF:1vny1zlo1x8e1vnw1vn61x8g1zlu1vn4',
    });
    await assert.rejects(
      dispatch(handlers, 'secret.crypt', { girJar: join(dir, 'missing.jar'), password: 'x' }),
      (e: unknown) => e instanceof ApiError && /No gir\.jar at .*missing\.jar/.test(e.message),
    );
  });

  test('kit.https.plan writes nothing; run writes the keystore and returns OBF ssl.* edits, config untouched', async () => {
    const request = {
      mode: 'self-signed' as const,
      keystore: 'etc/keystore',
      alias: 'jetty',
      storeType: 'JKS' as const,
      password: 'changeit-1',
      port: 9443,
      san: 'dns:rws.example.com,ip:10.0.0.5',
      key: 'ec-p256' as const,
    };
    const keystore = join(dir, 'etc', 'keystore');
    const plan = await dispatch(handlers, 'kit.https.plan', request);
    assert.deepEqual(
      plan.files.map((f) => [f.path, f.secret]),
      [[keystore, true]],
    );
    await assert.rejects(stat(keystore), 'plan writes nothing');
    const configBefore = await stat(join(dir, 'application.yaml'));
    const run = await dispatch(handlers, 'kit.https.run', request);
    const { store } = readKeystoreFile(keystore, { password: 'changeit-1' });
    assert.deepEqual(
      store.entries.map((e) => [e.alias, e.kind, e.chain.length]),
      [['jetty', 'key', 1]],
    );
    assert.deepEqual(Object.fromEntries(run.edits.map((e) => [e.path, e.value])), {
      enableSsl: true,
      'ssl.port': 9443,
      // Written as typed: RWS resolves it against the config's folder, where the kit wrote it.
      'ssl.keyStorePath': 'etc/keystore',
      'ssl.keyStorePassword': obfuscate('changeit-1'),
    });
    assert.equal(
      (await stat(join(dir, 'application.yaml'))).mtimeMs,
      configBefore.mtimeMs,
      'the config is left to the reviewed save',
    );
    // The values were applied in the main process as pending edits: one undo step, not saved.
    assert.equal(run.applied, true);
    const pending = await dispatch(handlers, 'config.state', {});
    assert.equal(pending.dirty, true);
    assert.equal((pending.values as { ssl: { port: number } }).ssl.port, 9443);
    const undone = await dispatch(handlers, 'config.undo', {});
    assert.equal(undone.dirty, false, 'the kit values are one undo step');
    await dispatch(handlers, 'config.redo', {});
    const verify = await dispatch(handlers, 'kit.verify.store', {
      store: keystore,
      password: 'changeit-1',
      alias: 'jetty',
      host: 'rws.example.com',
    });
    assert.ok(verify.checks.length >= 4);
    assert.deepEqual(
      verify.checks.filter((c) => c.mark === 'fail'),
      [],
      JSON.stringify(verify.checks),
    );
    const wrong = await dispatch(handlers, 'kit.verify.store', {
      store: keystore,
      password: 'changeit-1',
      alias: 'jetty',
      host: 'other.example.com',
    });
    assert.ok(wrong.checks.some((c) => c.mark === 'fail' && /other\.example\.com/.test(c.text)));
  });

  test('a wrong store password is a clear failure naming the file', async () => {
    await assert.rejects(
      dispatch(handlers, 'kit.verify.store', {
        store: 'etc/keystore',
        password: 'wrong-pass',
      }),
      (e: unknown) =>
        e instanceof Error && /keystore/.test(e.message) && !/\n\s+at /.test(e.message),
    );
  });
});
