// The desktop app's figures (issue 6): serve cold start to an interactive page, keystroke to
// updated diagnostics on a 5,000-line file, and the initial renderer JS size.
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EditingSession } from '../../electron/services/session/editing-session';
import { defaultFileStore } from '../../electron/services/session/default-file-store';
import { launchChromium, startServe } from '../e2e/serve-process';
import { repoRoot, sampleConfig } from '../helpers/paths';
import { median, type BenchFigure } from './figure';

async function coldStart(): Promise<BenchFigure> {
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    // One open tab, as when the admin pastes the printed URL into a running browser.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (let i = 0; i < 5; i++) {
      await page.goto('about:blank');
      const started = performance.now();
      const run = await startServe();
      await page.goto(await run.freshUrl());
      await page.waitForSelector('#root[data-app-state="ready"]');
      times.push(performance.now() - started);
      await run.stop();
    }
  } finally {
    await browser.close();
  }
  return {
    name: 'serve cold start to interactive page',
    value: median(times),
    unit: 'ms',
    goal: 1500,
    better: 'lower',
    method:
      'spawn `rwsec serve` -> printed URL -> Chromium page with data-app-state=ready (browser and a tab already open); median of 5',
  };
}

/** The sample grown to 5,000 lines with sections the forms do not own. */
async function bigConfig(dir: string): Promise<string> {
  const sample = await readFile(sampleConfig, 'utf8');
  const lines = sample.split('\n');
  const extra: string[] = [];
  for (let i = 0; extra.length + lines.length < 5000; i++) {
    extra.push(
      `section${i}:`,
      `  # generated block ${i}`,
      `  name: block-${i}`,
      `  size: ${i}`,
      `  enabled: true`,
    );
  }
  const file = join(dir, 'application.yaml');
  await writeFile(file, [...lines, ...extra].slice(0, 5000).join('\n') + '\n');
  return file;
}

async function keystroke(): Promise<BenchFigure> {
  const dir = await mkdtemp(join(tmpdir(), 'rwsec-bench-'));
  try {
    const session = new EditingSession(defaultFileStore);
    await session.open(await bigConfig(dir));
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      const started = performance.now();
      const state = await session.edit([{ path: 'ssl.port', value: 9000 + i }]);
      times.push(performance.now() - started);
      if (!Array.isArray(state.diagnostics)) throw new Error('no diagnostics');
    }
    return {
      name: 'keystroke to updated diagnostics (5,000 lines)',
      value: median(times.slice(5)),
      unit: 'ms',
      goal: 50,
      better: 'lower',
      method: `in-process session edit: lossless edit + re-read + validateConfig + state; median of 20 after 5 warm-up, load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * app.js and every chunk it loads through static imports, transitively: the browser fetches them
 * all before the first render. Chunks behind dynamic import() (the pages loaded on demand) are not
 * initial.
 */
async function initialScripts(dir: string, entry: string): Promise<Buffer[]> {
  const seen = new Set<string>();
  const out: Buffer[] = [];
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const js = await readFile(join(dir, file));
    out.push(js);
    const source = js.toString('utf8');
    for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+)["']/g)) {
      const target = match[1];
      if (target !== undefined) await visit(join(dirname(file), target));
    }
  };
  await visit(entry);
  return out;
}

async function bundleSize(): Promise<BenchFigure> {
  const dir = join(repoRoot, 'dist', 'renderer');
  const scripts = await initialScripts(dir, 'app.js');
  const gzipped = scripts.reduce((sum, js) => sum + gzipSync(js, { level: 9 }).length, 0);
  return {
    name: 'initial renderer JS (gzip)',
    value: gzipped / 1024,
    unit: 'KB',
    goal: 500,
    better: 'lower',
    method: `dist/renderer/app.js plus the ${scripts.length - 1} chunks it imports statically, each gzip -9 (dynamic import() pages excluded)`,
  };
}

export async function run(): Promise<BenchFigure[]> {
  return [await bundleSize(), await keystroke(), await coldStart()];
}
