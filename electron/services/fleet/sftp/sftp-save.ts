// The remote safe save over SFTP: the same policy and names as the shell version (remote-save.ts)
// and the local save, with no program run on the node. Stage (all nodes at once, nothing
// replaced): the new content goes to `.NAME.rwsec-<hex>.tmp` beside the file (exclusive create,
// owner and mode of the original, fsync@openssh.com, read back), and the version read goes to a
// temp file in `.rwsec-backups/` (a private folder; a symlink in its place is refused), synced.
// Switch (node by node, so it is kept to a few pipelined round trips), under the write lock
// `.NAME.rwsec-lock` (exclusive create): the file must still hold what was read; the backup is
// named without replacing any other, posix-rename@openssh.com puts the new file in place,
// atomically, and the folder is synced. A kill at any point leaves the old or the new file.
import { hostname } from 'node:os';
import { posix } from 'node:path';
import { DEFAULT_BACKUPS } from '../../files/backups';
import {
  backupFolder,
  nameBackup,
  removeStaleTemps,
  rotate,
  SaveStep,
  type SftpSaveRequest,
  fileType,
  writeBackupTemp,
} from './sftp-backups';
import { isMissing, SftpStatusError, type SftpClient } from './sftp-client';
import { readAll, TooLargeError, writeAll } from './sftp-io';
import { OPEN, S_IFDIR, S_IFLNK, S_IFREG, STATUS } from './sftp-wire';

export { SaveStep, type SftpSaveRequest } from './sftp-backups';

/** write-lock.ts breaks locks older than 120 s. */
const STALE_LOCK_S = 120;
const LOCK_WAITS = 10;

/** The file (a symlink followed, as the local save does), its folder and its name. */
async function resolveTarget(c: SftpClient, file: string) {
  let f = file;
  try {
    if (fileType(await c.lstat(file)) === S_IFLNK) f = await c.realpath(file);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  return { f, d: posix.dirname(f), n: posix.basename(f) };
}

export function tempName(file: string, hex: string): string {
  return `.${posix.basename(file)}.rwsec-${hex}.tmp`;
}

async function exists(c: SftpClient, path: string): Promise<boolean> {
  try {
    await c.lstat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

async function mkdirs(c: SftpClient, dir: string): Promise<void> {
  if (await exists(c, dir)) return;
  await mkdirs(c, posix.dirname(dir));
  await c.mkdir(dir, { mode: 0o700 }).catch(async (error: unknown) => {
    if (!(await exists(c, dir))) throw error;
  });
}

/** What a stage left on the node for its switch. */
export interface SftpStaged {
  f: string;
  d: string;
  n: string;
  /** The new content, beside the file. */
  t: string;
  /** The backup folder and the version read in a temp file there (absent for a new file). */
  b?: string;
  bt?: string;
  /** The node's clock at the stage (seconds), for telling a stale lock from a live one. */
  nodeNow: number;
}

/**
 * Step 1: uploads `next` beside the file and the version read into the backup folder; the file
 * itself is not touched.
 */
export async function sftpStage(
  c: SftpClient,
  req: SftpSaveRequest,
  hex: string,
  backupHex: string,
): Promise<SftpStaged> {
  const { f, d, n } = await resolveTarget(c, req.file);
  let owner: { uid?: number; gid?: number };
  if (req.original === undefined) {
    await mkdirs(c, d);
    if (await exists(c, f)) throw new SaveStep('changed', `${f} exists already`);
    owner = await c.stat(d);
  } else {
    const st = await c.stat(f).catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    if (!st || fileType(st) !== S_IFREG)
      throw new SaveStep('changed', `${f} is not a file any more`);
    owner = { uid: req.uid, gid: req.gid };
  }
  const t = `${d}/${tempName(f, hex)}`;
  const h = await c.open(t, OPEN.READ | OPEN.WRITE | OPEN.CREAT | OPEN.EXCL, { mode: 0o600 });
  let kept = false;
  let nodeNow = 0;
  try {
    await writeAll(c, h, req.next);
    // Owner first: a change of owner clears set-id bits, which the mode then restores.
    await c.fsetstat(h, { uid: owner.uid, gid: owner.gid }).catch(() => undefined);
    await c.fsetstat(h, { mode: req.mode });
    const st = await c.fstat(h);
    if (st.uid !== owner.uid || st.gid !== owner.gid) {
      throw new SaveStep(
        'failed',
        `cannot keep the owner and group ${owner.uid}:${owner.gid} of ${f}: connect as root or as its owner`,
      );
    }
    await c.fsync(h);
    const back = await readAll(c, h, req.next.length, req.next.length + 1).catch(() => undefined);
    if (!back || Buffer.compare(back, Buffer.from(req.next)) !== 0) {
      throw new SaveStep('failed', 'the written copy reads back differently');
    }
    nodeNow = st.mtime ?? 0;
    await removeStaleTemps(c, d, n, nodeNow);
    kept = true;
  } finally {
    await c.close(h).catch(() => undefined);
    if (!kept) await c.remove(t).catch(() => undefined);
  }
  if (req.original === undefined) return { f, d, n, t, nodeNow };
  try {
    const b = await backupFolder(c, d, f, req);
    // Backup temps of killed runs are cleaned as beside the file.
    const [bt] = await Promise.all([
      writeBackupTemp(c, b, n, req, backupHex),
      removeStaleTemps(c, b, n, nodeNow),
    ]);
    return { f, d, n, t, b, bt, nodeNow };
  } catch (error) {
    await c.remove(t).catch(() => undefined);
    throw error;
  }
}

/** Removes what a stage left, when it will not be switched in (best effort). */
export async function sftpDiscard(c: SftpClient, staged: SftpStaged): Promise<void> {
  await Promise.all(
    [staged.t, staged.bt].map((path) => path && c.remove(path).catch(() => undefined)),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the write lock beside the file (the lock every saver of this tool takes). `nodeNow` is
 * the node's clock (from the staged file), for telling a stale lock from a live one.
 */
async function takeLock(c: SftpClient, d: string, n: string, f: string, nodeNow: number) {
  const l = `${d}/.${n}.rwsec-lock`;
  const busy = () =>
    new SaveStep('failed', `another save of ${f} is running (lock ${l}); try again`);
  for (let waits = 0, tries = 0; tries < 100; tries++) {
    try {
      const h = await c.open(l, OPEN.WRITE | OPEN.CREAT | OPEN.EXCL, { mode: 0o600 });
      // Not a pid of the node: a saver there must wait the lock out, never judge it dead.
      const owner = Buffer.from(`${process.pid} ssh-client:${hostname()}\n`);
      await Promise.all([c.write(h, 0, owner), c.close(h)]);
      return l;
    } catch (error) {
      if (!(error instanceof SftpStatusError) || error.code !== STATUS.FAILURE) throw error;
    }
    const held = await c.lstat(l).catch(() => undefined);
    if (!held) continue; // released meanwhile
    if (nodeNow - (held.mtime ?? nodeNow) > STALE_LOCK_S) {
      await c.remove(l).catch(() => undefined);
      continue;
    }
    if (++waits > LOCK_WAITS) throw busy();
    await sleep(1000);
  }
  throw busy();
}

async function syncFolder(c: SftpClient, d: string): Promise<void> {
  try {
    const h = await c.open(d, OPEN.READ);
    await c.fsync(h).finally(() => c.close(h).catch(() => undefined));
  } catch {
    // Not every server opens folders; the rename is atomic either way.
  }
}

/**
 * Step 2: under the lock, refuses unless the file still holds `original`, names the backup and
 * renames the staged file over it. Returns the backup's path ('' for a new file). Requests that
 * do not depend on each other go out together: this step runs node after node.
 */
export async function sftpSwitch(
  c: SftpClient,
  req: SftpSaveRequest,
  staged: SftpStaged,
): Promise<string> {
  const { f, d, n, t, b } = staged;
  const l = await takeLock(c, d, n, f, staged.nodeNow);
  let backup = '';
  let renamed = false;
  try {
    if (req.original === undefined) {
      if (await exists(c, f)) throw new SaveStep('changed', 'changed');
      await c.rename(t, f).catch(() => {
        throw new SaveStep('failed', 'cannot rename the new file into place');
      });
    } else {
      const [h, folder] = await Promise.all([
        c.open(f, OPEN.READ),
        c.lstat(b as string).catch(() => undefined),
      ]);
      const now = await readAll(c, h, req.original.length, req.original.length + 1)
        .catch((error: unknown) => {
          if (error instanceof TooLargeError) return undefined;
          throw error;
        })
        .finally(() => c.close(h).catch(() => undefined));
      if (!now || Buffer.compare(now, Buffer.from(req.original)) !== 0) {
        throw new SaveStep('changed', 'changed');
      }
      // The folder checked at the stage must still be that folder, not a link put there since.
      if (!folder || fileType(folder) !== S_IFDIR) {
        throw new SaveStep(
          'failed',
          `${b} changed since the upload; backups are never written through a link`,
        );
      }
      backup = await nameBackup(c, b as string, staged.bt as string, n);
      await c.posixRename(t, f).catch(() => {
        throw new SaveStep('failed', 'cannot rename the new file into place');
      });
    }
    renamed = true;
  } catch (error) {
    await sftpDiscard(c, staged);
    throw error;
  } finally {
    if (!renamed) await c.remove(l).catch(() => undefined);
  }
  await Promise.all([
    syncFolder(c, d).finally(() => c.remove(l).catch(() => undefined)),
    b ? rotate(c, b, n, req.backups ?? DEFAULT_BACKUPS) : undefined,
  ]);
  return backup;
}
