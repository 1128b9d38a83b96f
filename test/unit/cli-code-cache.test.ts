// `rwsec` starts from V8's code cache made at build time (electron/cli/load-bundle.cjs), and only
// for the bundle the cache was made from: a stale cache beside another build must be ignored, or
// V8 could run the old build's code (it checks only the source length).
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { repoRoot, sampleConfig } from '../helpers/paths';

interface Loaded {
  exports: { runCli(argv: string[], io: object): Promise<number> };
  cacheUsed: boolean;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the .cjs loader rwsec itself uses
const { loadBundle } = require('../../electron/cli/load-bundle.cjs') as {
  loadBundle(file: string): Loaded;
};

const bundle = join(repoRoot, 'dist', 'cli.cjs');
const dir = mkdtempSync(join(tmpdir(), 'rwsec-code-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function validates(loaded: Loaded): Promise<void> {
  let out = '';
  const io = { out: (t: string) => (out += t), err: () => undefined, env: {} };
  const code = await loaded.exports.runCli(['validate', sampleConfig], io);
  assert.ok(code === 0 || code === 1, `exit ${code}`);
  assert.match(out, /\d+ errors?, \d+ warnings?/);
}

describe('the CLI code cache', () => {
  it('the build makes one for its bundle, and rwsec uses it', async () => {
    const loaded = loadBundle(bundle);
    assert.equal(loaded.cacheUsed, true, 'run `npm run build` with this Node first');
    await validates(loaded);
  });

  it("a cache beside another build's bundle is ignored; that bundle still runs", async () => {
    const other = join(dir, 'cli.cjs');
    const source = readFileSync(bundle, 'utf8');
    // Same length (V8's own check), another build id: the cache must not be taken.
    writeFileSync(
      other,
      source.replace(/^\/\/ rwsec-build [0-9a-f]+/, (id) => id.replace(/[0-9a-f]/g, '0')),
    );
    copyFileSync(`${bundle}.v8cache`, `${other}.v8cache`);
    const loaded = loadBundle(other);
    assert.equal(loaded.cacheUsed, false);
    await validates(loaded);
  });

  it('no cache file: the bundle is compiled as usual', async () => {
    const bare = join(dir, 'bare.cjs');
    copyFileSync(bundle, bare);
    const loaded = loadBundle(bare);
    assert.equal(loaded.cacheUsed, false);
    await validates(loaded);
  });
});
