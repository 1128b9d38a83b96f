// The steps every write of this tool shares (single-file saves and kits alike): what is on disk
// now, a complete temp copy beside the target with the original's mode, owner and group, and the
// refusals that keep an administrator's file usable by the service that reads it.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { errnoCode, SaveError } from './file-errors';
import { tempPrefix } from './stale-temps';

export interface Current {
  bytes: Uint8Array;
  mode: number;
  uid: number;
  gid: number;
}

export interface KeepOptions {
  /**
   * Write even when the new copy cannot keep the file's owner or group (a non-root user may not
   * chown): the file then belongs to the user saving it. Default: refuse.
   */
  allowOwnerChange?: boolean;
  /** Replace a file whose mode has no write bit for its owner (e.g. 0444). Default: refuse. */
  allowReadOnly?: boolean;
}

/** The file now, or undefined when it does not exist; refuses anything but a regular file. */
export async function readCurrent(file: string): Promise<Current | undefined> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) {
      throw new SaveError(`${file}: not a regular file; nothing was written`, 'write-failed', file);
    }
    return {
      bytes: await fs.readFile(file),
      mode: stat.mode & 0o7777,
      uid: stat.uid,
      gid: stat.gid,
    };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** Follows symlinks so that the link stays a link and its target gets the new content. */
export async function resolveTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return file;
    throw error;
  }
}

export function isReadOnly(current: Current): boolean {
  return (current.mode & 0o200) === 0;
}

export function readOnlyError(file: string, current: Current, how: string): SaveError {
  const mode = (current.mode & 0o777).toString(8).padStart(4, '0');
  return new SaveError(
    `${file} is read-only (mode ${mode}); nothing was written. Someone made it so on purpose: ` +
      `make it writable (chmod u+w) or ${how} to replace it anyway (the mode is kept)`,
    'read-only',
    file,
  );
}

function ownerError(file: string, current: Current, how: string): SaveError {
  return new SaveError(
    `${file}: not saved: it belongs to uid ${current.uid} gid ${current.gid}, and this user ` +
      `(uid ${process.getuid?.() ?? '?'}) may not give the new copy that owner and group, so ` +
      'the service that reads it could lose access. Run as its owner or as root (sudo), or ' +
      `${how} to let the file become yours`,
    'owner-not-kept',
    file,
  );
}

/**
 * Writes `bytes` to a new temp file beside `target` (exclusive create), with `mode` and the owner
 * and group of `current`, fsynced and read back. Returns its path; the caller renames or removes it.
 */
export async function writeTempLike(
  target: string,
  bytes: Uint8Array,
  mode: number,
  current: Current | undefined,
  options: KeepOptions & { how: string },
): Promise<string> {
  const temp = join(dirname(target), `${tempPrefix(target)}${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
    mode & 0o777,
  );
  try {
    try {
      await handle.writeFile(bytes);
      if (current) await keepOwner(handle, target, current, options);
      await handle.chmod(mode); // after chown, which clears set-id bits; open() applied the umask
      await handle.sync();
    } finally {
      await handle.close();
    }
    const back = await fs.readFile(temp);
    if (back.length !== bytes.length || Buffer.compare(back, bytes) !== 0) {
      throw new SaveError(
        `${target}: the written copy reads back differently (disk problem?)`,
        'write-failed',
        target,
      );
    }
    return temp;
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function keepOwner(
  handle: fs.FileHandle,
  target: string,
  current: Current,
  options: KeepOptions & { how: string },
): Promise<void> {
  const made = await handle.stat();
  if (made.uid === current.uid && made.gid === current.gid) return;
  try {
    await handle.chown(current.uid, current.gid);
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'EPERM' && code !== 'EINVAL') throw error;
    if (!options.allowOwnerChange) throw ownerError(target, current, options.how);
    // Forced: keep at least the group when this user belongs to it.
    await handle.chown(made.uid, current.gid).catch(() => undefined);
  }
}
