// A small pool of worker threads for the tasks of heavy-tasks.ts, used by the serve host and the
// desktop app: a PKCS#12 with millions of iterations, a key generation or a kit keeps a worker
// busy, not the event loop that answers the other requests and the stop signal. Workers start on
// first use (start-up pays nothing), stay for the next task, and one that dies fails only the
// task it was running and is replaced by the next task. close() stops every worker at once.
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { UserFacingError } from '../../../shared/user-error';
import { taskLabels, type HeavyTaskName } from './heavy-tasks';
import type { HeavyWork, TaskArgs, TaskResult } from './heavy-work';
import { fromWireError, reviveBuffers, type WireError } from './wire';

export interface TaskRequest {
  id: number;
  task: string;
  args: unknown[];
}

export type TaskReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

/** A task lost with its worker (a crash, or the host stopping): nothing was written for it. */
export class HeavyWorkerError extends UserFacingError {}

interface Job {
  id: number;
  task: HeavyTaskName;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

export interface PoolOptions {
  /** The bundled worker entry (dist/heavy-worker.cjs; see worker-script.ts). */
  script: string;
  size?: number;
  resourceLimits?: ResourceLimits;
}

/** One worker per core, at least one, at most four (more would only queue on the same cores). */
export function defaultPoolSize(): number {
  return Math.min(4, Math.max(1, availableParallelism()));
}

export class WorkerPool implements HeavyWork {
  readonly size: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
  }

  run<N extends HeavyTaskName>(task: N, ...args: TaskArgs<N>): Promise<TaskResult<N>> {
    if (this.closed) return Promise.reject(this.stoppedError(task));
    return new Promise<TaskResult<N>>((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        task,
        args,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.pump();
    });
  }

  /** Workers alive now (started on demand, so 0 before the first task). */
  get workers(): number {
    return this.slots.size;
  }

  /** Stops every worker; running and queued tasks fail with "stopped", nothing waits for them. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(this.stoppedError(job.task));
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) slot.job?.reject(this.stoppedError(slot.job.task));
    await Promise.all(slots.map((slot) => slot.worker.terminate().catch(() => undefined)));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot = this.idleSlot();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      try {
        slot.worker.postMessage({ id: job.id, task: job.task, args: job.args } as TaskRequest);
      } catch (error) {
        // Arguments that cannot be cloned are the caller's bug; the worker itself is fine.
        this.finish(slot);
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  private idleSlot(): Slot | undefined {
    for (const slot of this.slots) if (!slot.job) return slot;
    return this.slots.size < this.size ? this.startWorker() : undefined;
  }

  private startWorker(): Slot {
    // execArgv empty: the bundle needs no loader flags of the parent (a test's --import tsx).
    const worker = new Worker(this.options.script, {
      name: 'rwsec-heavy',
      execArgv: [],
      ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
    });
    const slot: Slot = { worker, job: undefined };
    worker.on('message', (reply: TaskReply) => this.answer(slot, reply));
    worker.on('error', (error: Error) => this.lost(slot, error.message));
    worker.on('exit', (code: number) => this.lost(slot, `exit code ${code}`));
    this.slots.add(slot);
    return slot;
  }

  private finish(slot: Slot): void {
    slot.job = undefined;
    // An idle worker does not keep the process alive.
    slot.worker.unref();
  }

  private answer(slot: Slot, reply: TaskReply): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    this.finish(slot);
    if (reply.ok) job.resolve(reviveBuffers(reply.value));
    else job.reject(fromWireError(reply.error, job.task));
    this.pump();
  }

  /** The worker died (uncaught error, out of memory, killed): fail its task, forget it. */
  private lost(slot: Slot, why: string): void {
    if (!this.slots.delete(slot)) return;
    const job = slot.job;
    slot.job = undefined;
    void slot.worker.terminate().catch(() => undefined);
    if (job) {
      job.reject(
        this.closed
          ? this.stoppedError(job.task)
          : new HeavyWorkerError(
              'refused',
              `The background worker stopped while ${taskLabels[job.task]} (${why}); nothing was written. Try again; if it happens again, the input may be too large.`,
            ),
      );
    }
    this.pump();
  }

  private stoppedError(task: HeavyTaskName): HeavyWorkerError {
    return new HeavyWorkerError(
      'unavailable',
      `Stopped while ${taskLabels[task]}: the host is shutting down; nothing was written.`,
    );
  }
}
