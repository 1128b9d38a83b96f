// A save killed between creating its temp file and renaming it (power loss, SIGKILL) leaves
// `.NAME.rwsec-<hex>.tmp` beside the file. The next save of the same file removes those that are
// old enough to be surely abandoned: a younger one may be another process's save in flight.
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temp files younger than this may belong to a save still running elsewhere. */
export const STALE_TEMP_AGE_MS = 10 * 60 * 1000;

const TEMP_SUFFIX = /^[0-9a-f]{12}\.tmp$/;

/** The temp-file name prefix of saves of `target`; the random part and `.tmp` follow. */
export function tempPrefix(target: string): string {
  return `.${basename(target)}.rwsec-`;
}

/**
 * Removes `target`'s abandoned temp files older than `maxAgeMs` (regular files only, this exact
 * naming only). Best effort: a leftover that cannot be removed never stops the save.
 */
export async function removeStaleTemps(
  target: string,
  maxAgeMs = STALE_TEMP_AGE_MS,
  now = Date.now(),
): Promise<string[]> {
  const folder = dirname(target);
  const prefix = tempPrefix(target);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !TEMP_SUFFIX.test(name.slice(prefix.length))) continue;
    const file = join(folder, name);
    try {
      const stat = await fs.lstat(file);
      if (!stat.isFile() || now - stat.mtimeMs < maxAgeMs) continue;
      await fs.unlink(file);
      removed.push(file);
    } catch {
      // Gone already (another save cleaned it) or not ours to remove: leave it.
    }
  }
  return removed;
}
