// What the heavy-work pool costs (services/heavy): the first task of a host pays the worker's
// start (its bundle loads); later tasks pay the structured clone of their arguments and result.
// Measured on a small PKCS12 read (the cheapest heavy task, so the overhead shows) against the
// same read on this thread, and the light path (config.state on the API) with the pool present.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, type BenchFigure } from './figure';
import { createApiHandlers } from '../../electron/api/api-handlers';
import { inlineWork } from '../../electron/services/heavy/inline-work';
import { WorkerPool } from '../../electron/services/heavy/worker-pool';
import { defaultFileStore } from '../../electron/services/session/default-file-store';
import { EditingSession } from '../../electron/services/session/editing-session';
import { writeKeystore } from '../../electron/services/keystore/write';
import { sampleStore } from '../helpers/keystore-fixtures';
import { repoRoot, sampleConfig } from '../helpers/paths';

const runs = 30;
const script = join(repoRoot, 'dist', 'heavy-worker.cjs');

async function timeEach(n: number, step: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await step();
    out.push(performance.now() - t);
  }
  return out;
}

export async function run(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rwsec-bench-pool-'));
  const { store } = await sampleStore();
  const bytes = writeKeystore(store, { type: 'PKCS12', password: 'changeit' });
  const read = (work: typeof inlineWork) =>
    work.run('readKeystore', bytes, { password: 'changeit' });
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const fresh = new WorkerPool({ script, size: 1 });
    const t = performance.now();
    await read(fresh);
    starts.push(performance.now() - t);
    await fresh.close();
  }
  const pool = new WorkerPool({ script, size: 1 });
  try {
    await read(pool);
    const pooled = await timeEach(runs, () => read(pool));
    const inline = await timeEach(runs, () => read(inlineWork));
    const session = new EditingSession(defaultFileStore);
    await session.open(sampleConfig);
    const handlers = createApiHandlers(session, { version: 'bench', mode: 'browser', work: pool });
    const light = await timeEach(runs, () => handlers['config.state']({}));
    const method = `median of ${runs} runs, one warm worker`;
    return [
      {
        name: 'heavy pool: first task incl. worker start (small PKCS12 read)',
        value: median(starts),
        unit: 'ms',
        goal: 500,
        better: 'lower',
        method: 'median of 5 fresh pools',
      },
      {
        name: 'heavy pool: small PKCS12 read in the pool',
        value: median(pooled),
        unit: 'ms',
        goal: median(inline) + 10,
        better: 'lower',
        method: `${method}; goal: the same read on this thread (${median(inline).toFixed(1)} ms) + 10 ms`,
      },
      {
        name: 'config.state with the pool present (light path, main thread)',
        value: median(light),
        unit: 'ms',
        goal: 50,
        better: 'lower',
        method,
      },
    ];
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
