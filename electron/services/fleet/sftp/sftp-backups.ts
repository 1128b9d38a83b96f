// The backup side of the SFTP save: the private backup folder on the node (made 0700, a symlink
// or a file in its place refused), the version read written there as a synced temp file, named
// without replacing another backup, and rotation to the newest few. Also the step refusal and
// the abandoned-temp cleaning that the save shares.
import { BACKUP_FOLDER, backupsOldestFirst, utcStamp } from '../../files/backups';
import { STALE_TEMP_AGE_MS } from '../../files/stale-temps';
import { isMissing, SftpStatusError, type SftpClient } from './sftp-client';
import type { RemoteSaveRequest } from '../remote-save';
import { writeAll } from './sftp-io';
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

/** The same request as the shell path's: both transports do the one remote safe save. */
export type SftpSaveRequest = RemoteSaveRequest;

export const fileType = (a: Attrs) => (a.mode ?? 0) & S_IFMT;

/** Removes abandoned temp files of earlier, killed saves of `n` (best effort). */
export async function removeStaleTemps(c: SftpClient, d: string, n: string, nodeNow: number) {
  const pattern = new RegExp(
    `^\\.${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.rwsec-[0-9a-f]{12}\\.tmp$`,
  );
  const names = await c.readdir(d).catch(() => []);
  const stale = names.filter(
    (e) =>
      pattern.test(e.name) &&
      fileType(e.attrs) === S_IFREG &&
      nodeNow - (e.attrs.mtime ?? nodeNow) > STALE_TEMP_AGE_MS / 1000,
  );
  await Promise.all(stale.map((e) => c.remove(`${d}/${e.name}`).catch(() => undefined)));
}

/** The private backup folder: made 0700 if absent; a symlink or a file in its place refused. */
export async function backupFolder(c: SftpClient, d: string, f: string, owner: SftpSaveRequest) {
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
    if (fileType(st) === S_IFDIR)
      await c.setstat(b, { uid: owner.uid, gid: owner.gid }).catch(() => undefined);
  }
  if (fileType(st) === S_IFLNK) throw refuse('a symbolic link');
  if (fileType(st) !== S_IFDIR) throw refuse('a file');
  if (((st.mode ?? 0) & 0o777) !== 0o700) await c.setstat(b, { mode: 0o700 });
  return b;
}

/** The version read, in a synced temp file of the backup folder (named at the switch). */
export async function writeBackupTemp(
  c: SftpClient,
  b: string,
  n: string,
  req: SftpSaveRequest,
  hex: string,
): Promise<string> {
  const bt = `${b}/.${n}.rwsec-${hex}.tmp`;
  const h = await c.open(bt, OPEN.WRITE | OPEN.CREAT | OPEN.EXCL, { mode: 0o600 });
  try {
    await writeAll(c, h, req.original as Uint8Array);
    await c.fsetstat(h, { uid: req.uid, gid: req.gid }).catch(() => undefined);
    await c.fsetstat(h, { mode: req.mode & 0o777 });
    await c.fsync(h);
  } catch (error) {
    await c.remove(bt).catch(() => undefined);
    throw error;
  } finally {
    await c.close(h).catch(() => undefined);
  }
  return bt;
}

/** Gives the backup temp its name, never replacing an existing backup; returns the path. */
export async function nameBackup(c: SftpClient, b: string, bt: string, n: string): Promise<string> {
  const stem = `${n}.${utcStamp(new Date())}`;
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
}

export async function rotate(c: SftpClient, b: string, n: string, keep: number): Promise<void> {
  const names = (await c.readdir(b).catch(() => [])).map((e) => e.name);
  const all = backupsOldestFirst(n, names);
  const old = all.slice(0, Math.max(0, all.length - keep));
  await Promise.all(old.map((name) => c.remove(`${b}/${name}`).catch(() => undefined)));
}
