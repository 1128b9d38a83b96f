// How a caller asks for heavy work, without knowing where it runs: the worker pool (serve host,
// desktop app) or this thread (the CLI, where a pool would only add start-up time).
import type { HeavyTaskName, HeavyTasks } from './heavy-tasks';

export type TaskArgs<N extends HeavyTaskName> = Parameters<HeavyTasks[N]>;
export type TaskResult<N extends HeavyTaskName> = Awaited<ReturnType<HeavyTasks[N]>>;

export interface HeavyWork {
  run<N extends HeavyTaskName>(task: N, ...args: TaskArgs<N>): Promise<TaskResult<N>>;
}
