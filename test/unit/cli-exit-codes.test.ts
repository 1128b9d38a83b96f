// Every command's errors go through the one mapping of the error model: the same failure exits
// the same way whichever command hit it. An alias the store does not have is refused (1): the
// store was read fine, as `rwsec keystore` documents; bad options and unreadable input are 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { saveStore } from '../../electron/services/keystore/store-file';
import { sampleStore } from '../helpers/keystore-fixtures';
import { repoRoot, rwsecBin } from '../helpers/paths';

let dir: string;
let store: string;
const env = { ...process.env, RWSEC_STOREPASS: 'store-pass-1', RWSEC_TRUSTPASS: 'store-pass-1' };

before(async () => {
  assert.ok(existsSync(join(repoRoot, 'dist', 'cli.cjs')), 'run `npm run build` first');
  dir = await mkdtemp(join(tmpdir(), 'rwsec-exit-'));
  store = join(dir, 'server.p12');
  await saveStore(store, (await sampleStore()).store, { type: 'PKCS12', password: 'store-pass-1' });
});
after(() => rm(dir, { recursive: true, force: true }));

function rwsec(...args: string[]) {
  const r = spawnSync(process.execPath, [rwsecBin, ...args], { encoding: 'utf8', cwd: dir, env });
  return { code: r.status, err: r.stderr };
}

test('an unknown alias exits 1 everywhere, naming the alias', () => {
  const runs = {
    chain: rwsec('chain', store, '--alias', 'nope', '--trust', store),
    'keystore export': rwsec('keystore', 'export', store, '--alias', 'nope'),
    'keystore delete': rwsec('keystore', 'delete', store, '--alias', 'nope'),
  };
  for (const [name, r] of Object.entries(runs)) {
    assert.equal(r.code, 1, `${name}: ${r.err}`);
    assert.match(r.err, /nope/, name);
  }
});

test('bad options and unreadable input exit 2 in chain and probe alike', () => {
  const badRule = rwsec('chain', store, '--alias', 'ec-server', '--trust', store, '--rule', 'x');
  assert.equal(badRule.code, 2, badRule.err);
  assert.match(badRule.err, /^rwsec chain: --rule must be one of rfc6125, rws/m);
  const probeRule = rwsec('probe', '127.0.0.1:9', '--rule', 'x');
  assert.equal(probeRule.code, 2, probeRule.err);
  assert.match(probeRule.err, /^rwsec probe: --rule must be one of rfc6125, rws/m);
  const wrong = spawnSync(
    process.execPath,
    [rwsecBin, 'chain', store, '--alias', 'ec-server', '--trust', join(dir, 'missing.pem')],
    { encoding: 'utf8', cwd: dir, env },
  );
  assert.equal(wrong.status, 2, wrong.stderr);
  assert.match(wrong.stderr, /missing\.pem/);
});

test('--version is the version in package.json', async () => {
  const { version } = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const r = spawnSync(process.execPath, [rwsecBin, '--version'], { encoding: 'utf8' });
  assert.equal(r.stdout.trim(), version);
});
