// One build for every front door: the rwsec CLI (which also hosts `serve`), the Electron main
// process and preload, and the renderer. esbuild keeps it to about a second, so `npm install`
// (via `prepare`) and `npm test` always run against fresh bundles.
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { cp, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCliCodeCache } from './cli-code-cache.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const quiet = process.argv.includes('--quiet');

const nodeTarget = {
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  bundle: true,
  sourcemap: 'linked',
  logLevel: 'warning',
};

async function main() {
  const started = Date.now();
  // dist/ is overwritten in place, not deleted first: a test run in another shell keeps a working
  // CLI while this build runs.
  await mkdir(join(out, 'renderer'), { recursive: true });
  const jobs = [
    build({
      ...nodeTarget,
      entryPoints: [join(root, 'electron/cli/main.ts')],
      outfile: join(out, 'cli.cjs'),
      // The id ties the code cache to this very bundle (electron/cli/load-bundle.cjs).
      banner: { js: `// rwsec-build ${randomBytes(8).toString('hex')}` },
      // Every import() becomes a require: the bundle is run through vm.Script, which has no
      // loader for a real dynamic import.
      supported: { 'dynamic-import': false },
      // Without comments and indentation the bundle is ASCII (some comments in dependencies are
      // not), so Node reads it as a one-byte string: about 40 ms less of every rwsec start than
      // decoding 3 MB of UTF-8 into a two-byte string. Names stay, for readable stack traces.
      minifyWhitespace: true,
    }).then(() => writeCliCodeCache(root, out)),
    // The heavy-work thread (electron/services/heavy): its own entry, started by the worker pool of
    // `rwsec serve` (beside dist/cli.cjs) and of the desktop app (one folder up from main.cjs).
    build({
      ...nodeTarget,
      entryPoints: [join(root, 'electron/services/heavy/heavy-worker.ts')],
      outfile: join(out, 'heavy-worker.cjs'),
    }),
    build({
      ...nodeTarget,
      entryPoints: [join(root, 'electron/desktop/main.ts')],
      outfile: join(out, 'desktop/main.cjs'),
      external: ['electron'],
    }),
    // The preload runs in a sandboxed renderer: one self-contained file, only `electron` external.
    build({
      ...nodeTarget,
      platform: 'browser',
      entryPoints: [join(root, 'electron/desktop/preload.ts')],
      outfile: join(out, 'desktop/preload.cjs'),
      external: ['electron'],
    }),
    build({
      // Split so pages loaded with React.lazy (keystore manager, chain preview) stay out of the
      // initial app.js; index.html still loads app.js only, and it imports its chunks itself.
      entryPoints: { app: join(root, 'renderer/index.tsx') },
      outdir: join(out, 'renderer'),
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: ['chrome120'],
      sourcemap: 'linked',
      define: { 'process.env.NODE_ENV': '"production"' },
      // The bundled Roboto (@fontsource): its CSS lands in app.css, its font files beside it.
      loader: { '.woff2': 'file', '.woff': 'file' },
      assetNames: 'fonts/[name]-[hash]',
      metafile: true,
      logLevel: 'warning',
    }),
  ];
  await Promise.all(jobs);
  await cp(join(root, 'renderer/index.html'), join(out, 'renderer/index.html'));
  if (existsSync(join(root, 'build/sample'))) {
    await cp(join(root, 'build/sample'), join(out, 'sample'), { recursive: true });
  }
  if (!quiet) console.log(`build: dist/ ready in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(`build failed: ${error.message}`);
  process.exit(1);
});
