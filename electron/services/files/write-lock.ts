// One writer at a time per file. Comparing the file with what was read and renaming the new copy
// over it are two steps; without a lock, two savers can both pass the comparison and both rename,
// and the first change is lost while both report success. Every saver of this tool (CLI, app,
// kits) takes `.NAME.rwsec-lock` beside the file (exclusive create) around those two steps.
// A lock whose process is gone (SIGKILL, power loss) or that is older than any save can take is
// broken; a live one is waited for briefly, then the save is refused as a conflict.
import { constants, promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { errnoCode, SaveError } from './file-errors';

/** No save holds its lock this long; a lock this old is left over. */
const STALE_LOCK_MS = 120_000;
const WAIT_MS = 10_000;

export function lockPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.rwsec-lock`);
}

function ownerAlive(content: string): boolean {
  const [pid, host] = content.split(' ');
  if (host !== hostname()) return true; // cannot check another machine's process: wait it out
  const n = Number(pid);
  if (!Number.isInteger(n) || n <= 0) return false;
  try {
    process.kill(n, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

async function breakIfStale(path: string): Promise<void> {
  let content: string;
  let age: number;
  try {
    const [text, stat] = await Promise.all([fs.readFile(path, 'utf8'), fs.lstat(path)]);
    content = text;
    age = Date.now() - stat.mtimeMs;
  } catch {
    return; // released meanwhile
  }
  // A lock file still empty was just created; its writer is about to fill it.
  if (content === '' && age < 5_000) return;
  if (content !== '' && ownerAlive(content) && age < STALE_LOCK_MS) return;
  // Remove it only if it is still the same stale lock (not a fresh one another saver just took).
  const again = await fs.readFile(path, 'utf8').catch(() => undefined);
  if (again === content) await fs.unlink(path).catch(() => undefined);
}

export interface HeldLock {
  release(): Promise<void>;
}

/** Takes the write lock of `target`, waiting up to `waitMs` for another saver to finish. */
export async function acquireWriteLock(target: string, waitMs = WAIT_MS): Promise<HeldLock> {
  const path = lockPath(target);
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fs.open(
        path,
        constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
        0o600,
      );
      try {
        await handle.writeFile(`${process.pid} ${hostname()} ${new Date().toISOString()}`);
      } finally {
        await handle.close();
      }
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          await fs.unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
    }
    if (Date.now() >= deadline) {
      throw new SaveError(
        `${target}: another save of this file is in progress (lock ${path}); nothing was written. ` +
          'Try again; if no other rwsec or app is saving it, delete the lock file.',
        'changed-on-disk',
        target,
      );
    }
    await breakIfStale(path);
    await new Promise((resolve) => setTimeout(resolve, Math.min(10 + attempt * 5, 100)));
  }
}
