// Reading a file a user named, with bounded work whatever the path points at: only regular files
// (a FIFO would block forever, /dev/zero never ends), and only up to a size limit stated in the
// message. The file is opened non-blocking so that opening a FIFO with no writer returns at once
// and is refused by its type instead of hanging the CLI or the serve session.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  promises as fs,
  readSync,
  type Stats,
} from 'node:fs';
import { errnoCode, FileReadError } from './file-errors';

const MiB = 1024 * 1024;

/** application.yaml: a real one is a few KiB; a file this size still parses in about a second. */
export const MAX_CONFIG_BYTES = 2 * MiB;
/** Keystores, certificate bundles, PEM/DER/P7B inputs (a 10,000-certificate bundle fits). */
export const MAX_STORE_BYTES = 32 * MiB;

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function sizeText(bytes: number): string {
  return bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MiB` : `${bytes} bytes`;
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function openError(file: string, error: unknown): FileReadError {
  const code = errnoCode(error);
  if (code === 'ENOENT')
    return new FileReadError(`${file}: no such file; check the path`, 'missing', file);
  if (code === 'EISDIR')
    return new FileReadError(`${file}: is a folder, not a file`, 'not-a-file', file);
  if (code === 'EACCES' || code === 'EPERM') {
    return new FileReadError(
      `${file}: permission denied; run as a user that may read it`,
      'unreadable',
      file,
    );
  }
  if (code === 'ENXIO') {
    return new FileReadError(
      `${file}: is a socket or device, not a file; give the path of a regular file`,
      'not-a-file',
      file,
    );
  }
  return new FileReadError(
    `${file}: cannot be read (${code ?? String(error)})`,
    'unreadable',
    file,
  );
}

function checkStat(file: string, stat: Stats, limit: number): void {
  if (!stat.isFile()) {
    throw new FileReadError(
      `${file}: is ${kindOf(stat)}, not a regular file; give the path of the file itself`,
      'not-a-file',
      file,
    );
  }
  if (stat.size > limit) throw tooLarge(file, stat.size, limit);
}

function tooLarge(file: string, size: number, limit: number): FileReadError {
  return new FileReadError(
    `${file}: is ${sizeText(size)}, over the ${sizeText(limit)} this tool reads; ` +
      'check that it is the right file (a real one is far smaller)',
    'too-large',
    file,
  );
}

/** Reads a regular file of at most `limit` bytes; FileReadError (naming the file) otherwise. */
export async function readRegularFile(file: string, limit: number): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (error) {
    throw openError(file, error);
  }
  try {
    checkStat(file, await handle.stat(), limit);
    // Read at most limit + 1 bytes: a file that grows while it is read is still bounded.
    const buffer = Buffer.alloc(Math.min(limit + 1, (await handle.stat()).size + 64 * 1024));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) throw tooLarge(file, length, limit);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw openError(file, error);
  } finally {
    await handle.close();
  }
}

/** Synchronous readRegularFile, for the synchronous keystore and certificate readers. */
export function readRegularFileSync(file: string, limit: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    throw openError(file, error);
  }
  try {
    const stat = fstatSync(fd);
    checkStat(file, stat, limit);
    const buffer = Buffer.alloc(Math.min(limit + 1, stat.size + 64 * 1024));
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) throw tooLarge(file, length, limit);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw openError(file, error);
  } finally {
    closeSync(fd);
  }
}
