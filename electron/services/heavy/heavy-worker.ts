// Entry of a heavy worker thread (bundled to dist/heavy-worker.cjs): runs one task of
// heavy-tasks.ts per message and answers with its value or its error in wire form. Arguments,
// passwords included, arrive by structured clone from the pool: never argv, env or a file.
import { parentPort } from 'node:worker_threads';
import { heavyTasks, type HeavyTaskName } from './heavy-tasks';
import { reviveBuffers, toWireError } from './wire';
import type { TaskReply, TaskRequest } from './worker-pool';

async function runTask(request: TaskRequest): Promise<TaskReply> {
  const fn = heavyTasks[request.task as HeavyTaskName] as
    ((...args: unknown[]) => unknown) | undefined;
  if (fn === undefined) {
    return {
      id: request.id,
      ok: false,
      error: { type: 'internal', name: 'Error', message: `no task "${request.task}"` },
    };
  }
  try {
    const value = await fn(...reviveBuffers(request.args));
    return { id: request.id, ok: true, value };
  } catch (error) {
    return { id: request.id, ok: false, error: toWireError(error) };
  }
}

const port = parentPort;
if (port) {
  port.on('message', (request: TaskRequest) => {
    void runTask(request).then((reply) => {
      try {
        port.postMessage(reply);
      } catch (error) {
        // A value that cannot be cloned is our bug: say so instead of leaving the caller waiting.
        port.postMessage({ id: reply.id, ok: false, error: toWireError(error) });
      }
    });
  });
}
