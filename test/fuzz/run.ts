// `npm run fuzz`: the long on-demand run (100,000 inputs per target by default).
//   npm run fuzz -- [--runs N] [--seed S] [--minutes M] [target ...]
// Prints one line per target (runs, time, slowest input, outcomes) and every failure with its
// fast-check seed and the input as base64; exits 1 when any target failed.
import { parseArgs } from 'node:util';
import { fuzz, type FuzzReport } from './harness';
import { makeSeeds } from './seeds';
import { allTargets } from './targets';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '100000' },
      seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
      minutes: { type: 'string' },
    },
  });
  const numRuns = Number(values.runs);
  const seed = Number(values.seed);
  const timeLimitMs = values.minutes ? Number(values.minutes) * 60_000 : undefined;
  const { seeds, missing } = await makeSeeds();
  console.log(
    `fuzz: ${seeds.length} seed files${missing.length ? ` (missing: ${missing.join(', ')})` : ''}; seed ${seed}`,
  );
  const targets = allTargets(seeds).filter(
    (t) => positionals.length === 0 || positionals.includes(t.name),
  );
  const reports: FuzzReport[] = [];
  for (const target of targets) {
    const report = await fuzz(target, { numRuns, seed, ...(timeLimitMs ? { timeLimitMs } : {}) });
    reports.push(report);
    const outcomes = Object.entries(report.outcomes)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `${report.failure ? 'FAIL' : 'ok  '} ${target.name.padEnd(14)} ${String(report.runs).padStart(7)} inputs in ${(report.ms / 1000).toFixed(1)} s, slowest ${report.slowestMs} ms CPU; ${outcomes}`,
    );
    if (report.failure) console.log(report.failure);
  }
  return reports.some((r) => r.failure) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
