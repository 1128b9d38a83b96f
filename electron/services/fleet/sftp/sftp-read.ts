// Reads files on a node over SFTP, all of them at once (pipelined on one connection): stat first,
// so a folder, a FIFO or a device is never opened (a FIFO would block, /dev/zero never end) and a
// file over the limit is never read.
import type { RemoteFile } from '../remote-read';
import { isMissing, SftpStatusError, type SftpClient } from './sftp-client';
import { readAll, TooLargeError } from './sftp-io';
import { OPEN, S_IFDIR, S_IFMT, S_IFREG, STATUS } from './sftp-wire';

async function readOne(c: SftpClient, path: string, limit: number, overLimit: string) {
  const unreadable = (reason: string): RemoteFile => ({ kind: 'unreadable', path, reason });
  try {
    const st = await c.stat(path);
    const kind = (st.mode ?? 0) & S_IFMT;
    if (kind === S_IFDIR) return { kind: 'folder', path } as const;
    if (kind !== S_IFREG) {
      return unreadable('is a named pipe, device or socket, not a regular file');
    }
    if ((st.size ?? 0) > limit) return unreadable(`is ${st.size} bytes, ${overLimit}`);
    const h = await c.open(path, OPEN.READ);
    let bytes: Buffer;
    try {
      bytes = await readAll(c, h, st.size ?? 0, limit);
    } finally {
      // Not waited for: the server handles requests in order, and nothing depends on it.
      void c.close(h).catch(() => undefined);
    }
    return {
      kind: 'file',
      path,
      bytes,
      mode: (st.mode ?? 0) & 0o7777,
      uid: st.uid ?? -1,
      gid: st.gid ?? -1,
    } as const;
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing', path } as const;
    if (error instanceof TooLargeError) return unreadable(`is ${error.size} bytes, ${overLimit}`);
    if (error instanceof SftpStatusError && error.code === STATUS.PERMISSION_DENIED) {
      return unreadable('permission denied');
    }
    throw error;
  }
}

/** Reads `paths` (absolute); over `limit` bytes a file is reported unreadable with `overLimit`. */
export function sftpReadFiles(
  c: SftpClient,
  paths: readonly string[],
  limit: number,
  overLimit: string,
): Promise<RemoteFile[]> {
  return Promise.all(paths.map((path) => readOne(c, path, limit, overLimit)));
}
