import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, rwsecBin, sampleConfig } from '../helpers/paths';

let dir: string;
let original: string;

before(async () => {
  assert.ok(
    existsSync(join(repoRoot, 'dist', 'cli.cjs')),
    'dist/cli.cjs is missing: run `npm run build` (npm test does it first)',
  );
  dir = await mkdtemp(join(tmpdir(), 'rwsec-getset-'));
  original = await readFile(sampleConfig, 'utf8');
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

function rwsec(...args: string[]): { code: number | null; out: string; err: string } {
  return rwsecWith({}, ...args);
}

function rwsecWith(
  env: Record<string, string>,
  ...args: string[]
): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [rwsecBin, ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let counter = 0;
async function copyOfSample(): Promise<string> {
  const file = join(dir, `app-${++counter}.yaml`);
  await copyFile(sampleConfig, file);
  return file;
}

describe('rwsec get', () => {
  test('prints scalars as text, sections as YAML or JSON', async () => {
    const file = await copyOfSample();
    assert.deepEqual(rwsec('get', file, 'ssl.port'), { code: 0, out: '443\n', err: '' });
    const section = rwsec('get', file, 'ssl');
    assert.equal(section.code, 0);
    assert.match(section.out, /^port: 443\nkeyStorePath: \/opt\/genesys\/gir\/etc\/keystore\n/);
    const json = rwsec('get', file, 'serverSettings.crossOriginSettings', '--json');
    assert.equal(JSON.parse(json.out).corsFilterCacheTimeToLive, 120);
  });

  test('exit 1 for an absent key, naming the nearest existing section', async () => {
    const file = await copyOfSample();
    const r = rwsec('get', file, 'ssl.trustStorePath');
    assert.equal(r.code, 1);
    assert.match(r.err, /'ssl\.trustStorePath' is not in .*\('ssl' exists, at line 35\)/);
  });

  test('exit 2 with file:line:col for invalid YAML or a missing file', async () => {
    const file = join(dir, 'broken.yaml');
    await writeFile(file, 'a: 1\nssl:\n  port: 1\n  port: 2\n');
    const r = rwsec('get', file, 'a');
    assert.equal(r.code, 2);
    assert.ok(
      r.err.includes(`${file}:4:3: error: not valid YAML: duplicate key 'port' (first at line 3)`),
      r.err,
    );
    const missing = rwsec('get', join(dir, 'nope.yaml'), 'a');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.yaml: no such file/);
  });
});

describe('rwsec set', () => {
  test('changes only the edited lines, reports old -> new and the backup', async () => {
    const file = await copyOfSample();
    const r = rwsec('set', file, 'ssl.port=8443', 'jetty.cookies.secure=true');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^ssl\.port: 443 -> 8443$/m);
    assert.match(r.out, /^jetty\.cookies\.secure: false -> true$/m);
    const backup = /previous version kept as (.+)$/m.exec(r.out)?.[1];
    assert.ok(backup && existsSync(backup), r.out);
    assert.equal(await readFile(backup, 'utf8'), original);
    const expected = original
      .replace('  port: 443\n', '  port: 8443\n')
      .replace('    secure: false\n', '    secure: true\n');
    assert.equal(await readFile(file, 'utf8'), expected);
  });

  test('a value of the wrong type is refused and the file is untouched', async () => {
    const file = await copyOfSample();
    const r = rwsec('set', file, 'ssl.port=abc');
    assert.equal(r.code, 1);
    assert.match(r.err, /ssl\.port: 'abc' is not a port/);
    assert.equal(await readFile(file, 'utf8'), original);
  });

  test('a change that adds an error is refused unless --force', async () => {
    const file = await copyOfSample();
    const r = rwsec('set', file, 'enableSsl=true', 'ssl.keyStorePath=/nonexistent/keystore.p12');
    assert.equal(r.code, 1);
    assert.match(r.err, /:\d+:\d+: error: .+ \[[a-z0-9-]+\]$/m);
    assert.match(r.err, /not changed \(use --force/);
    assert.equal(await readFile(file, 'utf8'), original);
    const forced = rwsec(
      'set',
      file,
      'enableSsl=true',
      'ssl.keyStorePath=/nonexistent/keystore.p12',
      '--force',
    );
    assert.equal(forced.code, 0, forced.err);
    assert.match(await readFile(file, 'utf8'), /^enableSsl: true$/m);
  });

  test('secrets are never printed', async () => {
    const file = await copyOfSample();
    const r = rwsec('set', file, 'cassandraCluster.password=N3w-Secret', '--json');
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out + r.err, /N3w-Secret|Cass-Secret-1/);
    const json = JSON.parse(r.out);
    assert.deepEqual(json.changes, [
      { path: 'cassandraCluster.password', action: 'set', old: '********', new: '********' },
    ]);
    assert.equal(json.saved, true);
    // The double quotes of the old value are kept.
    assert.match(await readFile(file, 'utf8'), /^ {2}password: "N3w-Secret"$/m);
  });

  test('masking follows the catalog: the token TTL is shown, cryptoSecurityKey is masked (issue 13 item 8)', async () => {
    const file = await copyOfSample();
    const ttl = rwsec('set', file, 'serverSettings.temporaryAuthenticationTokenTTL=600', '--json');
    assert.equal(ttl.code, 0, ttl.err);
    assert.deepEqual(JSON.parse(ttl.out).changes, [
      { path: 'serverSettings.temporaryAuthenticationTokenTTL', action: 'set', old: 300, new: 600 },
    ]);
    assert.doesNotMatch(ttl.err, /visible to other users in `ps`/);
    const key = rwsec(
      'set',
      file,
      'serverSettings.cryptoSecurityKey=0f0e0d0c',
      '--json',
      '--force',
    );
    assert.equal(key.code, 0, key.err);
    assert.doesNotMatch(key.out + key.err, /0f0e0d0c|a5d3f0e1c2b4/);
    assert.deepEqual(JSON.parse(key.out).changes, [
      { path: 'serverSettings.cryptoSecurityKey', action: 'set', old: '********', new: '********' },
    ]);
  });

  test('isSecretPath reads the catalog, not the look of a name', async () => {
    const { isSecretPath } = await import('../../shared/catalog/secret-paths');
    assert.equal(isSecretPath('serverSettings.temporaryAuthenticationTokenTTL'), false);
    assert.equal(isSecretPath('serverSettings.cryptoSecurityKey'), true);
    assert.equal(isSecretPath('ssl.keyStorePassword'), true);
    assert.equal(isSecretPath('cassandraCluster.password'), true);
    assert.equal(isSecretPath('cassandraCluster.userName'), false);
  });

  test('a secret given inline is saved with a warning that ps shows it', async () => {
    const file = await copyOfSample();
    const r = rwsec('set', file, 'ssl.keyStorePassword=Inline-Secret-7', '--force');
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /ssl\.keyStorePassword .*visible to other users in `ps`.*--value-env/);
    assert.doesNotMatch(r.out + r.err, /Inline-Secret-7/);
    // A non-secret value gets no warning.
    assert.doesNotMatch(rwsec('set', file, 'ssl.port=8443', '--force').err, /warning/);
  });

  test('--value-env PATH=NAME takes the secret from the environment, never printing it', async () => {
    const file = await copyOfSample();
    const value = 'Env-Secret-42';
    const r = rwsecWith(
      { RWSEC_TEST_VALUE: value },
      'set',
      file,
      '--value-env',
      'cassandraCluster.password=RWSEC_TEST_VALUE',
    );
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out + r.err, new RegExp(value));
    assert.doesNotMatch(r.err, /warning/);
    assert.match(r.out, /^cassandraCluster\.password: \*+ -> \*+$/m);
    assert.equal(rwsec('get', file, 'cassandraCluster.password').out, '********\n');
    const got = rwsec('get', file, 'cassandraCluster.password', '--reveal');
    assert.equal(got.code, 0, got.err);
    assert.equal(got.out, `${value}\n`);
  });

  test('--value-env naming an unset variable: exit 2, file untouched', async () => {
    const file = await copyOfSample();
    const before = await readFile(file, 'utf8');
    const r = rwsec('set', file, '--value-env', 'cassandraCluster.password=RWSEC_SURELY_UNSET');
    assert.equal(r.code, 2);
    assert.match(r.err, /RWSEC_SURELY_UNSET is not set.*not changed/);
    assert.equal(await readFile(file, 'utf8'), before);
  });

  test('PATH=- without a terminal: exit 2 with a clear message, file untouched', async () => {
    const file = await copyOfSample();
    const before = await readFile(file, 'utf8');
    const r = rwsec('set', file, 'ssl.keyStorePassword=-', 'ssl.port=8443');
    assert.equal(r.code, 2);
    assert.match(r.err, /ssl\.keyStorePassword=- asks for the value on a terminal.*--value-env/);
    assert.equal(await readFile(file, 'utf8'), before);
    // For a non-secret option, - is an ordinary value.
    const plain = rwsec('set', file, 'cassandraCluster.keyspace=-', '--force');
    assert.equal(plain.code, 0, plain.err);
  });

  test('--unset removes the key line; new keys are added to their section', async () => {
    const file = await copyOfSample();
    const r = rwsec('set', file, '--unset', 'ssl.keyStorePassword', 'cassandraCluster.newFlag=yes');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /ssl\.keyStorePassword: removed/);
    assert.match(r.out, /cassandraCluster\.newFlag: added true/);
    const text = await readFile(file, 'utf8');
    assert.doesNotMatch(text, /keyStorePassword/);
    assert.match(text, /password: "Cass-Secret-1"\n {2}newFlag: true\n/);
  });

  test('broken YAML: exit 2 and the file is untouched', async () => {
    const file = join(dir, 'broken-set.yaml');
    const text = 'a: 1\nb: [1, 2\n';
    await writeFile(file, text);
    const r = rwsec('set', file, 'a=2');
    assert.equal(r.code, 2);
    assert.match(r.err, /broken-set\.yaml:\d+:\d+: error: not valid YAML/);
    assert.equal(await readFile(file, 'utf8'), text);
  });
});
