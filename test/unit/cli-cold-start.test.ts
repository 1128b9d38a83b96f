// `rwsec validate` must start fast (README: whole process ≤ 0.4 s for 5,000 lines): it loads only
// what validation needs. The libraries other commands need (zod for the app contract, node-forge
// for PKCS12, @peculiar/x509 for reading CSRs and SANs, the fleet's SSH code) are loaded lazily,
// by the command registry and on first use; `kit cassandra`, timed against a floor, needs none of
// them. This checks the module graph a real run evaluates, from the sources (the bundle evaluates
// its modules in the same lazy order).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeKeystore } from '../../electron/services/keystore/write';
import { sampleStore } from '../helpers/keystore-fixtures';
import { repoRoot, sampleConfig } from '../helpers/paths';

function modulesLoadedBy(argv: string[], env: Record<string, string> = {}): string[] {
  const script = [
    "const { runCli } = require('./electron/cli/main');",
    `const io = { out: () => {}, err: () => {}, env: ${JSON.stringify(env)} };`,
    `runCli(${JSON.stringify(argv)}, io).then((code) => {`,
    '  process.stdout.write(JSON.stringify({ code, modules: Object.keys(require.cache) }));',
    '});',
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const { code, modules } = JSON.parse(r.stdout) as { code: number; modules: string[] };
  assert.ok(code === 0 || code === 1, `the command ran (exit ${code})`);
  return modules;
}

test('rwsec validate loads no zod, node-forge, @peculiar/x509 or fleet code', () => {
  const loaded = modulesLoadedBy(['validate', sampleConfig]);
  assert.ok(
    loaded.some((m) => m.includes('services/validate/validate-config')),
    'the validator itself was loaded (the probe sees the real graph)',
  );
  for (const heavy of [
    '/node_modules/zod/',
    '/node_modules/node-forge/',
    '/node_modules/@peculiar/',
    '/services/fleet/',
    '/commands/keystore',
    // The worker pool is for hosts that answer many requests (serve, the app), not one command.
    '/services/heavy/',
  ]) {
    const found = loaded.filter((m) => m.includes(heavy));
    assert.deepEqual(found, [], `${heavy} was loaded by rwsec validate`);
  }
});

test('the lazy load still happens where it is needed: listing a PKCS12 store loads node-forge', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rwsec-cold-'));
  try {
    const p12 = join(dir, 'server.p12');
    const { store } = await sampleStore();
    writeFileSync(p12, writeKeystore(store, { type: 'PKCS12', password: 'changeit' }));
    const loaded = modulesLoadedBy(['keystore', 'list', p12, '--storepass', 'changeit']);
    assert.ok(loaded.some((m) => m.includes('/node_modules/node-forge/')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rwsec kit cassandra loads no @peculiar/x509, zod or node-forge: it writes DER itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rwsec-cold-kit-'));
  try {
    const out = join(dir, 'kit');
    const loaded = modulesLoadedBy(
      ['kit', 'cassandra', '--nodes', 'a.example,b.example', '--keyalg', 'ec', '--out', out],
      { RWSEC_STOREPASS: 'cold-kit-1', RWSEC_CAPASS: 'cold-kit-ca-1' },
    );
    assert.ok(existsSync(join(out, 'client', 'truststore.jks')), 'the kit was written');
    assert.ok(loaded.some((m) => m.includes('services/x509/cert-der')));
    for (const heavy of [
      '/node_modules/@peculiar/',
      '/node_modules/zod/',
      '/node_modules/node-forge/',
    ]) {
      assert.deepEqual(
        loaded.filter((m) => m.includes(heavy)),
        [],
        `${heavy} was loaded`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
