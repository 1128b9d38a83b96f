// The remote safe save over SFTP: the same policy, names and steps as the shell version
// (remote-save.ts) and the local save, with no program run on the node. Stage: the new content
// goes to `.NAME.rwsec-<hex>.tmp` beside the file (exclusive create, owner and mode of the
// original, fsync@openssh.com, read back). Switch, under the write lock `.NAME.rwsec-lock`
// (exclusive create): the file must still hold what was read; the previous version is written
// to `.rwsec-backups/` (a private folder; a symlink in its place is refused), synced and named
// without replacing any other backup; then posix-rename@openssh.com puts the new file in place,
// atomically, and the folder is synced. A kill at any point leaves the old or the new file.
import { hostname } from 'node:os';
import { posix } from 'node:path';
import { BACKUP_FOLDER, backupsOldestFirst, DEFAULT_BACKUPS, utcStamp } from '../../files/backups';
import { STALE_TEMP_AGE_MS } from '../../files/stale-temps';
import { isMissing, SftpStatusError, type SftpClient } from './sftp-client';
import { readAll, TooLargeError, writeAll } from './sftp-io';
import { OPEN, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, STATUS, type Attrs } from './sftp-wire';

/** One step refused: 'changed' (the file is not what was read) or 'failed' (with the reason). */
export class SaveStep extends Error {
  constructor(
    readonly kind: 'changed' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

export interface SftpSaveRequest {
  file: string;
  original?: Uint8Array;
  next: Uint8Array;
  mode: number;
  uid?: number;
  gid?: number;
  backups?: number;
}

/** write-lock.ts breaks locks older than 120 s. */
const STALE_LOCK_S = 120;
const LOCK_WAITS = 10;

const type = (a: Attrs) => (a.mode ?? 0) & S_IFMT;

/** The file (a symlink followed, as the local save does), its folder and its name. */
async function resolveTarget(c: SftpClient, file: string) {
  let f = file;
  try {
    if (type(await c.lstat(file)) === S_IFLNK) f = await c.realpath(file);
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

/** Removes abandoned temp files of earlier, killed saves of `n` (best effort). */
async function removeStaleTemps(c: SftpClient, d: string, n: string, nodeNow: number) {
  const pattern = new RegExp(
    `^\\.${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.rwsec-[0-9a-f]{12}\\.tmp$`,
  );
  const names = await c.readdir(d).catch(() => []);
  const stale = names.filter(
    (e) =>
      pattern.test(e.name) &&
      type(e.attrs) === S_IFREG &&
      nodeNow - (e.attrs.mtime ?? nodeNow) > STALE_TEMP_AGE_MS / 1000,
  );
  await Promise.all(stale.map((e) => c.remove(`${d}/${e.name}`).catch(() => undefined)));
}

/** Step 1: uploads `next` beside the file; the file itself is not touched. */
export async function sftpStage(c: SftpClient, req: SftpSaveRequest, hex: string): Promise<void> {
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
    if (!st || type(st) !== S_IFREG) throw new SaveStep('changed', `${f} is not a file any more`);
    owner = { uid: req.uid, gid: req.gid };
  }
  const t = `${d}/${tempName(f, hex)}`;
  const h = await c.open(t, OPEN.READ | OPEN.WRITE | OPEN.CREAT | OPEN.EXCL, { mode: 0o600 });
  let kept = false;
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
    kept = true;
    await removeStaleTemps(c, d, n, st.mtime ?? 0);
  } finally {
    await c.close(h).catch(() => undefined);
    if (!kept) await c.remove(t).catch(() => undefined);
  }
}

/** Removes a staged temp file that will not be switched in (best effort). */
export async function sftpDiscard(c: SftpClient, file: string, hex: string): Promise<void> {
  const { d, f } = await resolveTarget(c, file);
  await c.remove(`${d}/${tempName(f, hex)}`).catch(() => undefined);
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
      await writeAll(c, h, Buffer.from(`${process.pid} ssh-client:${hostname()}\n`));
      await c.close(h);
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

/** The private backup folder: made 0700 if absent; a symlink or a file in its place refused. */
async function backupFolder(c: SftpClient, d: string, f: string, owner: SftpSaveRequest) {
  const b = `${d}/${BACKUP_FOLDER}`;
  const refuse = (what: string) =>
    new SaveStep(
      'failed',
      `${b} is ${what}, not a folder this tool made; backups are never written through it. Remove it (or move it away) and save again`,
    );
  let st = await c.lstat(b).catch((error: unknown) => {
    if (isMissing(error)) return undefined;
    throw error;
  });
  if (!st) {
    await c.mkdir(b, { mode: 0o700 }).catch(() => undefined);
    st = await c.lstat(b).catch(() => undefined);
    if (!st) throw new SaveStep('failed', `cannot create the backup folder ${b} for ${f}`);
    if (type(st) === S_IFDIR)
      await c.setstat(b, { uid: owner.uid, gid: owner.gid }).catch(() => undefined);
  }
  if (type(st) === S_IFLNK) throw refuse('a symbolic link');
  if (type(st) !== S_IFDIR) throw refuse('a file');
  if (((st.mode ?? 0) & 0o777) !== 0o700) await c.setstat(b, { mode: 0o700 });
  return b;
}

/** Writes `bytes` as a new backup in `b` under a free name; returns its path. */
async function writeBackup(c: SftpClient, b: string, n: string, req: SftpSaveRequest, hex: string) {
  const bt = `${b}/.${n}.rwsec-${hex}.tmp`;
  const h = await c.open(bt, OPEN.WRITE | OPEN.CREAT | OPEN.EXCL, { mode: 0o600 });
  try {
    await writeAll(c, h, req.original as Uint8Array);
    await c.fsetstat(h, { uid: req.uid, gid: req.gid }).catch(() => undefined);
    await c.fsetstat(h, { mode: req.mode & 0o777 });
    await c.fsync(h);
  } finally {
    await c.close(h).catch(() => undefined);
  }
  const stem = `${n}.${utcStamp(new Date())}`;
  try {
    for (let i = 0; i < 1000; i++) {
      const path = `${b}/${stem}${i === 0 ? '' : `-${i}`}.bak`;
      try {
        await c.rename(bt, path); // never replaces an existing backup
        return path;
      } catch (error) {
        if (!(error instanceof SftpStatusError) || error.code !== STATUS.FAILURE) throw error;
      }
    }
    throw new SaveStep('failed', `cannot name the backup in ${b}`);
  } finally {
    await c.remove(bt).catch(() => undefined);
  }
}

async function syncFolder(c: SftpClient, d: string): Promise<void> {
  try {
    const h = await c.open(d, OPEN.READ);
    await c.fsync(h).finally(() => c.close(h).catch(() => undefined));
  } catch {
    // Not every server opens folders; the rename is atomic either way.
  }
}

async function rotate(c: SftpClient, b: string, n: string, keep: number): Promise<void> {
  const names = (await c.readdir(b).catch(() => [])).map((e) => e.name);
  const all = backupsOldestFirst(n, names);
  const old = all.slice(0, Math.max(0, all.length - keep));
  await Promise.all(old.map((name) => c.remove(`${b}/${name}`).catch(() => undefined)));
}

/**
 * Step 2: under the lock, refuses unless the file still holds `original`, keeps it as a backup
 * and renames the staged file over it. Returns the backup's path ('' for a new file).
 */
export async function sftpSwitch(
  c: SftpClient,
  req: SftpSaveRequest,
  hex: string,
  backupHex: string,
): Promise<string> {
  const { f, d, n } = await resolveTarget(c, req.file);
  const t = `${d}/${tempName(f, hex)}`;
  const staged = await c.lstat(t).catch(() => undefined);
  if (!staged) throw new SaveStep('failed', `the uploaded copy ${t} is gone`);
  const l = await takeLock(c, d, n, f, staged.mtime ?? 0);
  let backup = '';
  try {
    if (req.original === undefined) {
      if (await exists(c, f)) throw new SaveStep('changed', 'changed');
      await c.rename(t, f).catch(() => {
        throw new SaveStep('failed', 'cannot rename the new file into place');
      });
    } else {
      const b = await backupFolder(c, d, f, req);
      const h = await c.open(f, OPEN.READ);
      const now = await readAll(c, h, req.original.length, req.original.length + 1)
        .catch((error: unknown) => {
          if (error instanceof TooLargeError) return undefined;
          throw error;
        })
        .finally(() => c.close(h).catch(() => undefined));
      if (!now || Buffer.compare(now, Buffer.from(req.original)) !== 0) {
        throw new SaveStep('changed', 'changed');
      }
      backup = await writeBackup(c, b, n, req, backupHex);
      await c.posixRename(t, f).catch(() => {
        throw new SaveStep('failed', 'cannot rename the new file into place');
      });
      await syncFolder(c, d);
      await rotate(c, b, n, req.backups ?? DEFAULT_BACKUPS);
    }
  } catch (error) {
    await c.remove(t).catch(() => undefined);
    throw error;
  } finally {
    await c.remove(l).catch(() => undefined);
  }
  if (req.original === undefined) await syncFolder(c, d);
  return backup;
}
