// Runs one fuzz target under fast-check with a fixed seed: every input must either parse or fail
// with the target's typed error, and no input may take longer than the time bound. The bound is
// on this process's CPU time, so that other work on a shared machine cannot fail an input; a much
// larger wall-clock bound still catches an input that waits for ever. A failure carries the
// fast-check seed and path (to replay it) and the start of the input as base64.
import fc from 'fast-check';

export interface FuzzTarget<I> {
  name: string;
  arbitrary: fc.Arbitrary<I>;
  /** Feeds one input to the parser (and what reads its result, e.g. `keystore list`'s describe). */
  run(input: I): void | Promise<void>;
  /** undefined when `error` is the parser's typed, clear failure for a bad input; else why not. */
  judge(error: unknown, input: I): string | undefined;
  /** A replayable description of an input. */
  show(input: I): string;
}

export interface FuzzOptions {
  numRuns: number;
  seed: number;
  /** Most CPU time a single input may take (default 2 s); ten times that in wall-clock time. */
  maxMs?: number;
  /** Stop early (not a failure) after this long; the count run is reported. */
  timeLimitMs?: number;
}

export interface FuzzReport {
  target: string;
  seed: number;
  runs: number;
  ms: number;
  /** CPU time of the slowest input. */
  slowestMs: number;
  /** How the runs ended: 'ok' or the typed error's code/name. */
  outcomes: Record<string, number>;
  failure?: string;
}

export function outcomeOf(error: unknown): string {
  if (error === undefined) return 'ok';
  if (error instanceof Error) {
    const code =
      (error as { code?: unknown; reason?: unknown }).code ??
      (error as { reason?: unknown }).reason;
    return typeof code === 'string' ? `${error.name}:${code}` : error.name;
  }
  return typeof error;
}

/** Why a message is not one a user should see ('' when it is fine). */
export function messageProblem(message: string): string | undefined {
  if (message.trim() === '') return 'empty message';
  if (/\n\s+at /.test(message)) return 'stack trace in message';
  if (/\bundefined\b|\bNaN\b|\[object Object\]/.test(message)) return 'placeholder text in message';
  if (message.length > 1000) return 'message longer than 1000 characters';
  return undefined;
}

export async function fuzz<I>(target: FuzzTarget<I>, options: FuzzOptions): Promise<FuzzReport> {
  const maxMs = options.maxMs ?? 2000;
  const outcomes: Record<string, number> = {};
  let runs = 0;
  let slowestMs = 0;
  let failing: { input: I; why: string } | undefined;
  const property = fc.asyncProperty(target.arbitrary, async (input) => {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    let error: unknown;
    try {
      await target.run(input);
    } catch (err) {
      error = err ?? new Error('thrown undefined');
    }
    const wallMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const ms = (cpu.user + cpu.system) / 1000;
    runs++;
    slowestMs = Math.max(slowestMs, ms);
    const why = error === undefined ? undefined : (target.judge(error, input) ?? undefined);
    const outcome = outcomeOf(error);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const problem =
      why ??
      (ms > maxMs
        ? `took ${Math.round(ms)} ms of CPU (bound ${maxMs} ms)`
        : wallMs > maxMs * 10
          ? `took ${Math.round(wallMs)} ms of wall-clock time (bound ${maxMs * 10} ms)`
          : undefined);
    if (problem) {
      const detail =
        why && error instanceof Error
          ? `${problem}: ${error.name}: ${error.message}\n${error.stack ?? ''}`
          : problem;
      failing = { input, why: detail };
      throw new Error(detail);
    }
  });
  const started = performance.now();
  const result = await fc.check(property, {
    seed: options.seed,
    numRuns: options.numRuns,
    ...(options.timeLimitMs ? { interruptAfterTimeLimit: options.timeLimitMs } : {}),
    // Shrinking re-runs the parser many times; a failure is reported as found, with its replay path.
    endOnFailure: true,
  });
  const report: FuzzReport = {
    target: target.name,
    seed: options.seed,
    runs,
    ms: Math.round(performance.now() - started),
    slowestMs: Math.round(slowestMs),
    outcomes,
  };
  if (result.failed) {
    const input = (result.counterexample?.[0] as I | undefined) ?? failing?.input;
    report.failure =
      `fuzz target ${target.name} failed (fast-check seed ${result.seed}, path "${result.counterexamplePath ?? ''}"): ` +
      `${failing?.why ?? String(result.errorInstance)}\ninput: ${input === undefined ? '?' : shortened(target.show(input))}`;
  }
  return report;
}

/** An input's description cut to a readable length (the seed and path replay it whole). */
function shortened(shown: string, max = 2000): string {
  return shown.length <= max
    ? shown
    : `${shown.slice(0, max)}... (${shown.length} characters in all; replay with the seed and path)`;
}
