/** One measured figure for the benchmark table (`npm run bench`). */
export interface BenchFigure {
  name: string;
  value: number;
  unit: 'ms' | 's' | 'KB' | 'ratio';
  /** The goal the issue sets, in the same unit, and which way is better. */
  goal: number;
  better: 'lower' | 'higher';
  /** How it was measured, e.g. "median of 20 runs". */
  method: string;
}

/** A bench module in test/bench/*.bench.ts exports `run()` returning its figures. */
export type BenchModule = { run(): Promise<BenchFigure[]> };

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
