// Saving a file so that it is never half-written, never silently overwrites someone else's change,
// and never holds text that does not read back as intended:
//   1. refuse (SaveError 'changed-on-disk') when the file's bytes no longer hash to what was read;
//   2. verify the new content (for YAML: it re-parses) before touching anything;
//   3. keep the current version in .rwsec-backups/ (newest `backups` kept);
//   4. remove temp files of this file's earlier, killed saves (older than 10 minutes);
//   5. write a temp file in the same folder (exclusive create, the original's mode and owner),
//      fsync it, read it back, rename it over the original and fsync the folder.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { RwsDocument } from '../../../shared/yaml/document';
import { DEFAULT_BACKUPS, rotateBackups, writeBackup } from './backups';
import { contentHash, isContentHash } from './content-hash';
import { errnoCode, SaveError } from './file-errors';
import { removeStaleTemps, tempPrefix } from './stale-temps';

export interface SaveOptions<T> {
  /**
   * What the caller read: the text itself or its `sha256:` hash from readTextFile. When given,
   * the save is refused if the file now holds something else (or was deleted).
   */
  expectedOriginal?: string | Uint8Array;
  /** Overwrite even when the file changed on disk (after the user said so). */
  force?: boolean;
  /** How many backups to keep (default 5; 0 writes none). */
  backups?: number;
  /** Throws (or returns a message) when `content` is not what should be written. */
  verify?: (content: T) => void | string | Promise<void | string>;
  /** Mode for a file that does not exist yet (default 0o600: configs hold secrets). */
  newFileMode?: number;
}

export interface SaveResult {
  /** The file written (symlinks resolved to their target). */
  file: string;
  /** Hash of the content now on disk; pass it as expectedOriginal for the next save. */
  hash: string;
  /** False when the file already held exactly this content (nothing written, no backup). */
  written: boolean;
  /** Where the previous version was kept, if one was. */
  backup?: string;
  /** Backups removed by the rotation. */
  removedBackups: string[];
}

interface Current {
  bytes: Uint8Array;
  mode: number;
  uid: number;
  gid: number;
}

async function readCurrent(file: string): Promise<Current | undefined> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new SaveError(`${file}: not a regular file`, 'write-failed', file);
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
async function resolveTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return file;
    throw error;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

function checkExpected(
  file: string,
  current: Current | undefined,
  expected: string | Uint8Array,
): void {
  const expectedHash =
    typeof expected === 'string' && isContentHash(expected) ? expected : contentHash(expected);
  if (current === undefined) {
    throw new SaveError(
      `${file} was deleted or moved since it was read; nothing was written`,
      'changed-on-disk',
      file,
    );
  }
  if (contentHash(current.bytes) !== expectedHash) {
    throw new SaveError(
      `${file} changed on disk since it was read; nothing was written (reload it, or save with force to overwrite)`,
      'changed-on-disk',
      file,
    );
  }
}

async function runVerifier<T>(
  file: string,
  content: T,
  verify: SaveOptions<T>['verify'],
): Promise<void> {
  if (!verify) return;
  let problem: void | string;
  try {
    problem = await verify(content);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (typeof problem === 'string') {
    throw new SaveError(
      `${file}: not saved, the new content failed its check: ${problem}`,
      'verify-failed',
      file,
    );
  }
}

async function fsyncFolder(folder: string): Promise<void> {
  // Makes the rename durable; some platforms cannot open a folder for sync, which is not fatal.
  const handle = await fs.open(folder, constants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

async function writeTemp(
  target: string,
  bytes: Uint8Array,
  mode: number,
  owner?: Current,
): Promise<string> {
  const temp = join(dirname(target), `${tempPrefix(target)}${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
    mode,
  );
  try {
    await handle.writeFile(bytes);
    await handle.chmod(mode); // open() applies the umask; the original's mode is wanted exactly
    if (owner && process.getuid?.() === 0) await handle.chown(owner.uid, owner.gid);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const back = await fs.readFile(temp);
  if (!sameBytes(back, bytes)) {
    throw new SaveError(
      `${target}: the written copy reads back differently (disk problem?)`,
      'write-failed',
      target,
    );
  }
  return temp;
}

/** Atomically replaces `file` with `bytes` (binary files such as keystores). */
export async function saveBytes(
  file: string,
  bytes: Uint8Array,
  options: SaveOptions<Uint8Array> = {},
): Promise<SaveResult> {
  let temp: string | undefined;
  try {
    // Resolving and reading the current file fail too (EACCES on a folder, a symlink loop): those
    // are save failures like any other, not raw errno errors.
    const target = await resolveTarget(file);
    const current = await readCurrent(target);
    if (options.expectedOriginal !== undefined && !options.force) {
      checkExpected(file, current, options.expectedOriginal);
    }
    await runVerifier(file, bytes, options.verify);
    const hash = contentHash(bytes);
    if (current && sameBytes(current.bytes, bytes)) {
      return { file: target, hash, written: false, removedBackups: [] };
    }
    const keep = options.backups ?? DEFAULT_BACKUPS;
    const mode = current?.mode ?? options.newFileMode ?? 0o600;
    const backup =
      current && keep > 0 ? await writeBackup(target, current.bytes, current.mode) : undefined;
    await removeStaleTemps(target);
    temp = await writeTemp(target, bytes, mode, current);
    // Last look just before the switch, to narrow the window for a concurrent editor.
    if (options.expectedOriginal !== undefined && !options.force) {
      checkExpected(file, await readCurrent(target), options.expectedOriginal);
    }
    await fs.rename(temp, target);
    temp = undefined;
    await fsyncFolder(dirname(target));
    const removedBackups = backup ? await rotateBackups(target, keep) : [];
    return { file: target, hash, written: true, removedBackups, ...(backup ? { backup } : {}) };
  } catch (error) {
    if (temp) await fs.unlink(temp).catch(() => undefined);
    if (error instanceof SaveError) throw error;
    throw new SaveError(
      `${file}: not saved (${failureReason(error)}); the file is unchanged`,
      'write-failed',
      file,
    );
  }
}

/** Why a save failed, and what the administrator can do about it. */
function failureReason(error: unknown): string {
  const code = errnoCode(error);
  if (code === 'EACCES' || code === 'EPERM') {
    return 'permission denied: run as a user that may write the file and its folder';
  }
  if (code === 'ELOOP') {
    return 'too many symbolic links, probably a loop: point the link at the real file';
  }
  if (code === 'ENOTDIR') return 'a folder in its path is a file: check the path';
  return code ?? (error instanceof Error ? error.message : String(error));
}

function isYamlFile(file: string): boolean {
  return ['.yaml', '.yml'].includes(extname(file).toLowerCase());
}

/**
 * Atomically replaces a text file. Without a `verify` option, YAML files must re-parse (callers
 * holding the intended values pass a verifier that compares them, e.g. `verifyDocument`).
 */
export async function saveText(
  file: string,
  text: string,
  options: SaveOptions<string> = {},
): Promise<SaveResult> {
  const verify =
    options.verify ??
    (isYamlFile(file)
      ? (content: string) => {
          RwsDocument.parse(content);
        }
      : undefined);
  const { verify: _ignored, ...rest } = options;
  return saveBytes(file, Buffer.from(text, 'utf8'), {
    ...rest,
    ...(verify ? { verify: () => verify(text) } : {}),
  });
}

/**
 * A verifier for text produced by `RwsDocument.withEdits`: that document already re-parsed its
 * text and checked every edited value reads back as intended, so the content must be exactly it.
 */
export function verifyDocument(doc: RwsDocument): (text: string) => string | void {
  return (text) => (text === doc.text ? undefined : 'the text differs from the edited document');
}
