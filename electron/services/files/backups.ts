// Previous versions of saved files: `.rwsec-backups/<name>.<UTC timestamp>.bak` beside the file,
// written before the file is replaced and rotated so only the newest few stay.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SaveError } from './file-errors';
import type { Current } from './replace-parts';
import { removeStaleTemps, tempPrefix } from './stale-temps';

export const BACKUP_FOLDER = '.rwsec-backups';
export const DEFAULT_BACKUPS = 5;

export function backupFolder(file: string): string {
  return join(dirname(file), BACKUP_FOLDER);
}

/** 20260102T030405.678Z: sorts by time as text and is a valid file name everywhere. */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The backups of `file`, oldest first. */
export async function listBackups(file: string): Promise<string[]> {
  const folder = backupFolder(file);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  return backupsOldestFirst(basename(file), names).map((n) => join(folder, n));
}

/** Of the `names` in a backup folder, the backups of the file named `name`, oldest first. */
export function backupsOldestFirst(name: string, names: readonly string[]): string[] {
  const pattern = new RegExp(`^${escapeRegExp(name)}\\.\\d{8}T\\d{6}\\.\\d{3}Z(?:-\\d+)?\\.bak$`);
  return names.filter((n) => pattern.test(n)).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

/** Same-millisecond backups get a -N suffix; pad it so they sort after the plain one. */
function sortKey(name: string): string {
  return name.replace(
    /(?:-(\d+))?\.bak$/,
    (_, n: string | undefined) => `-${(n ?? '0').padStart(6, '0')}`,
  );
}

/**
 * The backup folder, private to the file's owner (backups hold the same secrets as the file). A
 * symlink or a non-folder in its place is refused, never followed: whoever planted it would
 * receive every previous version. An existing folder gets its mode enforced.
 */
async function privateFolder(file: string, owner: Current): Promise<string> {
  const folder = backupFolder(file);
  const refuse = (what: string): SaveError =>
    new SaveError(
      `${file}: not saved: ${folder} is ${what}, not a folder this tool made; backups are never ` +
        'written through it. Remove it (or move it away) and save again',
      'write-failed',
      file,
    );
  let stat = await fs.lstat(folder).catch(() => undefined);
  if (!stat) {
    await fs.mkdir(folder, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    stat = await fs.lstat(folder);
    if (stat.isDirectory() && process.getuid?.() === 0) {
      // Made by root for a file the service account owns: the account keeps its own history.
      await fs.chown(folder, owner.uid, owner.gid).catch(() => undefined);
    }
  }
  if (stat.isSymbolicLink()) throw refuse('a symbolic link');
  if (!stat.isDirectory()) throw refuse('a file');
  if ((stat.mode & 0o777) !== 0o700) await fs.chmod(folder, 0o700);
  return folder;
}

/**
 * Writes `current` (the version about to be replaced) as a new backup with its mode, owner and
 * group, fsynced, and returns its path.
 */
export async function writeBackup(file: string, current: Current): Promise<string> {
  const folder = await privateFolder(file, current);
  // Written under a temporary name and linked into place: a process killed mid-write leaves a
  // stray temp file, never a truncated .bak that looks like a real previous version.
  // Same naming as the save's own temp files, so abandoned ones are cleaned the same way.
  const inFolder = join(folder, basename(file));
  await removeStaleTemps(inFolder);
  const temp = `${join(folder, tempPrefix(inFolder))}${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    current.mode & 0o777,
  );
  try {
    await handle.writeFile(current.bytes);
    if (process.getuid?.() === 0) await handle.chown(current.uid, current.gid);
    await handle.chmod(current.mode & 0o777);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    const stem = `${basename(file)}.${utcStamp(new Date())}`;
    for (let n = 0; ; n++) {
      const path = join(folder, `${stem}${n === 0 ? '' : `-${n}`}.bak`);
      try {
        await fs.link(temp, path);
        return path;
      } catch (error) {
        if ((error as { code?: string }).code === 'EEXIST' && n < 1000) continue;
        throw error;
      }
    }
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
}

/** Deletes all but the newest `keep` backups of `file`; returns the deleted paths. */
export async function rotateBackups(file: string, keep: number): Promise<string[]> {
  const all = await listBackups(file);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const path of old) await fs.unlink(path).catch(() => undefined);
  return old;
}
