// Heavy work on the calling thread: for the CLI (one command, nothing else waits on it) and for
// handlers built without a pool.
import { heavyTasks, type HeavyTaskName } from './heavy-tasks';
import type { HeavyWork, TaskArgs, TaskResult } from './heavy-work';

export const inlineWork: HeavyWork = {
  async run<N extends HeavyTaskName>(task: N, ...args: TaskArgs<N>): Promise<TaskResult<N>> {
    const fn = heavyTasks[task] as (...a: TaskArgs<N>) => TaskResult<N> | Promise<TaskResult<N>>;
    return fn(...args);
  },
};
