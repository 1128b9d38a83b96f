// Issue 5 item 5: a 10-node Cassandra TLS kit (RSA-2048) with `rwsec kit cassandra` against the
// guide's keytool + openssl procedure (guide-cassandra-procedure.sh), side by side on this machine.
// Goal: ours takes at most 1/10 of the script's time. Both run as separate processes from a cold
// start (the CLI bundle must be built: `npm run bench` does it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, type BenchFigure } from './figure';
import { rwsecBin } from '../helpers/paths';

const NODES = Array.from(
  { length: 10 },
  (_, i) => `cass-${String(i + 1).padStart(2, '0')}.example.internal`,
);
const PASS = 'bench-pass-1';
const SCRIPT_RUNS = 2;
const KIT_RUNS = 5;

function timed(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const r = spawnSync(command, args, { env, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0)
    throw new Error(`${command} ${args[0] ?? ''} failed (${r.status}): ${r.stderr.slice(-400)}`);
  return ms;
}

function inTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kit-bench-'));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchFigure[]> {
  const env = {
    ...process.env,
    RWSEC_STOREPASS: PASS,
    RWSEC_CAPASS: `${PASS}-ca`,
    STOREPASS: PASS,
  };
  const script = join(__dirname, 'guide-cassandra-procedure.sh');
  const scriptMs: number[] = [];
  const kitMs: number[] = [];
  // Interleaved, so a burst of load on the machine hits both sides alike.
  for (let i = 0; i < Math.max(SCRIPT_RUNS, KIT_RUNS); i++) {
    if (i < SCRIPT_RUNS)
      scriptMs.push(inTempDir((dir) => timed('bash', [script, join(dir, 'guide'), ...NODES], env)));
    kitMs.push(
      inTempDir((dir) =>
        timed(
          process.execPath,
          [
            rwsecBin,
            'kit',
            'cassandra',
            '--nodes',
            NODES.join(','),
            '--out',
            join(dir, 'kit'),
            '--keyalg',
            'rsa',
          ],
          env,
        ),
      ),
    );
  }
  const guide = median(scriptMs);
  const ours = median(kitMs);
  const both = `rwsec ${(ours / 1000).toFixed(2)} s vs guide script ${(guide / 1000).toFixed(1)} s`;
  return [
    {
      name: 'cassandra kit, 10 nodes RSA-2048: guide keytool+openssl script',
      value: guide / 1000,
      unit: 's',
      goal: guide / 1000,
      better: 'lower',
      method: `baseline, median of ${SCRIPT_RUNS} runs of test/bench/guide-cassandra-procedure.sh (no goal of its own)`,
    },
    {
      name: 'cassandra kit, 10 nodes RSA-2048: rwsec kit cassandra',
      value: ours,
      unit: 'ms',
      goal: guide / 10,
      better: 'lower',
      method: `median of ${KIT_RUNS} CLI runs (process start included); goal = script time / 10`,
    },
    {
      name: 'cassandra kit speed-up over the guide procedure',
      value: guide / ours,
      unit: 'ratio',
      goal: 10,
      better: 'higher',
      method: both,
    },
  ];
}
