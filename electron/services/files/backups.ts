// Previous versions of saved files: `.rwsec-backups/<name>.<UTC timestamp>.bak` beside the file,
// written before the file is replaced and rotated so only the newest few stay.
import { constants, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const BACKUP_FOLDER = '.rwsec-backups';
export const DEFAULT_BACKUPS = 5;

export function backupFolder(file: string): string {
  return join(dirname(file), BACKUP_FOLDER);
}

/** 20260102T030405.678Z: sorts by time as text and is a valid file name everywhere. */
function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The backups of `file`, oldest first. */
export async function listBackups(file: string): Promise<string[]> {
  const folder = backupFolder(file);
  const pattern = new RegExp(
    `^${escapeRegExp(basename(file))}\\.\\d{8}T\\d{6}\\.\\d{3}Z(?:-\\d+)?\\.bak$`,
  );
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  return names
    .filter((n) => pattern.test(n))
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
    .map((n) => join(folder, n));
}

/** Same-millisecond backups get a -N suffix; pad it so they sort after the plain one. */
function sortKey(name: string): string {
  return name.replace(
    /(?:-(\d+))?\.bak$/,
    (_, n: string | undefined) => `-${(n ?? '0').padStart(6, '0')}`,
  );
}

/**
 * Writes `content` (the version about to be replaced) as a new backup with the given mode, fsynced,
 * and returns its path. The folder is private to the owner: backups hold the same secrets as the file.
 */
export async function writeBackup(
  file: string,
  content: Uint8Array,
  mode: number,
): Promise<string> {
  const folder = backupFolder(file);
  await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  const stem = `${basename(file)}.${utcStamp(new Date())}`;
  for (let n = 0; ; n++) {
    const path = join(folder, `${stem}${n === 0 ? '' : `-${n}`}.bak`);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST' && n < 1000) continue;
      throw error;
    }
    try {
      await handle.writeFile(content);
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return path;
  }
}

/** Deletes all but the newest `keep` backups of `file`; returns the deleted paths. */
export async function rotateBackups(file: string, keep: number): Promise<string[]> {
  const all = await listBackups(file);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const path of old) await fs.unlink(path).catch(() => undefined);
  return old;
}
