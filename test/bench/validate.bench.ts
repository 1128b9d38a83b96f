// Validation speed on a realistic large file: in-process parse + validate, and `rwsec validate`
// as a whole process (what an admin or a CI job waits for).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { validateConfig } from '../../electron/services/validate/validate-config';
import { RwsDocument } from '../../shared/yaml/document';
import { rwsecBin, sampleConfig } from '../helpers/paths';
import { median, type BenchFigure } from './figure';

/** The sample plus unknown sections (comments, nested maps, long lists) up to `lines` lines. */
export function generateLargeConfig(lines: number): string {
  const out = readFileSync(sampleConfig, 'utf8').split('\n');
  for (let s = 0; out.length < lines; s++) {
    out.push('', `# --- generated section ${s}: not owned by RWS Security Studio ---`);
    out.push(
      `customSection${s}:`,
      `  enabled: ${s % 2 === 0 ? 'yes' : 'no'}`,
      `  name: "section ${s}"`,
    );
    out.push('  endpoints:');
    for (let i = 0; i < 12; i++) {
      out.push(
        `    - host: node-${s}-${i}.example.internal   # node ${i}`,
        `      port: ${9000 + i}`,
      );
    }
    out.push('  tags: [alpha, beta, gamma, delta, epsilon]', '  limits:');
    for (let i = 0; i < 10; i++) out.push(`    limit${i}: ${i * 100}`);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

export async function run(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rwsec-bench-validate-'));
  try {
    const text = generateLargeConfig(5000);
    const file = join(dir, 'application.yaml');
    writeFileSync(file, text);

    const inProcess: number[] = [];
    for (let i = 0; i < 23; i++) {
      const started = performance.now();
      await validateConfig(RwsDocument.parse(text), file);
      if (i >= 3) inProcess.push(performance.now() - started); // first runs warm the JIT
    }

    const whole: number[] = [];
    for (let i = 0; i < 11; i++) {
      const started = performance.now();
      const r = spawnSync(process.execPath, [rwsecBin, 'validate', file], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`rwsec validate exited ${r.status}: ${r.stderr}`);
      if (i >= 1) whole.push((performance.now() - started) / 1000); // first run warms the disk cache
    }
    // Other work on the machine inflates wall times; the load average tells the reader how much.
    const load = `, load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
    return [
      {
        name: 'validate 5,000-line file in-process (parse + all rules)',
        value: median(inProcess),
        unit: 'ms',
        goal: 100,
        better: 'lower',
        method: `median of 20 runs after 3 warm-up runs${load}`,
      },
      {
        name: '`rwsec validate` 5,000-line file, whole process',
        value: median(whole),
        unit: 's',
        goal: 0.4,
        better: 'lower',
        method: `median of 10 spawns of node electron/cli/rwsec.cjs after 1 warm-up${load}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
