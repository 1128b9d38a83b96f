// The desktop app's figures (issue 6): serve cold start to an interactive page, keystroke to
// updated diagnostics on a 5,000-line file, and the initial renderer JS size.
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { EditingSession } from '../../electron/services/session/editing-session';
import { defaultFileStore } from '../../electron/services/session/default-file-store';
import { chromiumArgs, chromiumPath, startServe } from '../e2e/serve-process';
import { repoRoot, sampleConfig } from '../helpers/paths';
import { median, type BenchFigure } from './figure';

async function coldStart(): Promise<BenchFigure> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const times: number[] = [];
  try {
    // One open tab, as when the admin pastes the printed URL into a running browser.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (let i = 0; i < 5; i++) {
      await page.goto('about:blank');
      const started = performance.now();
      const run = await startServe();
      await page.goto(run.url);
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
      method:
        'in-process session edit: lossless edit + reparse + validateConfig + state; median of 20 after 5 warm-up',
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function bundleSize(): Promise<BenchFigure> {
  const js = await readFile(join(repoRoot, 'dist', 'renderer', 'app.js'));
  return {
    name: 'initial renderer JS (gzip)',
    value: gzipSync(js, { level: 9 }).length / 1024,
    unit: 'KB',
    goal: 500,
    better: 'lower',
    method: 'dist/renderer/app.js gzip -9 (the only script index.html loads)',
  };
}

export async function run(): Promise<BenchFigure[]> {
  return [await bundleSize(), await keystroke(), await coldStart()];
}
