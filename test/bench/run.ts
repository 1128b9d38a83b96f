// `npm run bench`: runs every test/bench/*.bench.ts module, prints one table of figures against
// the goals the issues set, and writes it as JSON to bench-results/latest.json.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchFigure, BenchModule } from './figure';

const only = process.argv.slice(2);

function meetsGoal(f: BenchFigure): boolean {
  return f.better === 'lower' ? f.value <= f.goal : f.value >= f.goal;
}

function format(value: number, unit: BenchFigure['unit']): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return unit === 'ratio' ? `${value.toFixed(digits)}x` : `${value.toFixed(digits)} ${unit}`;
}

async function main(): Promise<void> {
  const dir = __dirname;
  const modules = readdirSync(dir)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
    .sort();
  const figures: (BenchFigure & { module: string; ok: boolean })[] = [];
  for (const name of modules) {
    process.stderr.write(`bench: ${name} ...\n`);
    const mod = (await import(join(dir, name))) as BenchModule;
    for (const figure of await mod.run()) {
      figures.push({ ...figure, module: name, ok: meetsGoal(figure) });
    }
  }
  const rows = figures.map((f) => [
    f.name,
    format(f.value, f.unit),
    `${f.better === 'lower' ? '<=' : '>='} ${format(f.goal, f.unit)}`,
    f.ok ? 'met' : 'MISSED',
    f.method,
  ]);
  const header = ['figure', 'measured', 'goal', 'verdict', 'how'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  const outDir = join(dir, '..', '..', 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: { node: process.version, platform: process.platform, arch: process.arch },
    figures,
  };
  writeFileSync(join(outDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`\nbench: ${figures.length} figures written to bench-results/latest.json`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
