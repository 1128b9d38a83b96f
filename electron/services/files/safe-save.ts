// Saving a file so that it is never half-written, never silently overwrites someone else's change,
// never changes hands, and never holds text that does not read back as intended. This is the one
// write path of the tool: the CLI, the app and the kits (commitFiles) all go through these steps.
//   1. take the file's write lock (write-lock.ts), so that the comparison below and the rename
//      are one step for every saver of this tool;
//   2. refuse (SaveError 'changed-on-disk') when the file's bytes no longer hash to what was read;
//   3. verify the new content (for YAML: it re-parses) before touching anything;
//   4. refuse a read-only file, or a copy that cannot keep the owner and group, unless forced;
//   5. keep the current version in .rwsec-backups/ (newest `backups` kept);
//   6. write a temp file in the same folder (exclusive create, the original's mode, owner and
//      group), fsync it, read it back, rename it over the original and fsync the folder.
import { constants, promises as fs } from 'node:fs';
import { dirname, extname } from 'node:path';
import { RwsDocument } from '../../../shared/yaml/document';
import { DEFAULT_BACKUPS, rotateBackups, writeBackup } from './backups';
import { contentHash, isContentHash } from './content-hash';
import { errnoCode, SaveError } from './file-errors';
import {
  isReadOnly,
  readCurrent,
  readOnlyError,
  resolveTarget,
  writeTempLike,
  type Current,
  type KeepOptions,
} from './replace-parts';
import { removeStaleTemps } from './stale-temps';
import { encodeText, sniffEncoding, type TextEncoding } from './text-encoding';
import { acquireWriteLock } from './write-lock';

export interface SaveOptions<T> extends KeepOptions {
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
  /** How the caller's user forces a refused save, named in the refusal (default "force"). */
  forceHint?: string;
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

/** Atomically replaces `file` with `bytes` (binary files such as keystores). */
export async function saveBytes(
  file: string,
  bytes: Uint8Array,
  options: SaveOptions<Uint8Array> = {},
): Promise<SaveResult> {
  let temp: string | undefined;
  let release: (() => Promise<void>) | undefined;
  try {
    // Resolving and reading the current file fail too (EACCES on a folder, a symlink loop): those
    // are save failures like any other, not raw errno errors.
    const target = await resolveTarget(file);
    release = (await acquireWriteLock(target)).release;
    const current = await readCurrent(target);
    if (options.expectedOriginal !== undefined && !options.force) {
      checkExpected(file, current, options.expectedOriginal);
    }
    await runVerifier(file, bytes, options.verify);
    const hash = contentHash(bytes);
    if (current && sameBytes(current.bytes, bytes)) {
      return { file: target, hash, written: false, removedBackups: [] };
    }
    const how = options.forceHint ?? 'force';
    if (current && isReadOnly(current) && !options.allowReadOnly) {
      throw readOnlyError(file, current, how);
    }
    const keep = options.backups ?? DEFAULT_BACKUPS;
    const mode = current?.mode ?? options.newFileMode ?? 0o600;
    await removeStaleTemps(target);
    // The temp copy first: a refusal to keep the owner must come before any backup is made.
    temp = await writeTempLike(target, bytes, mode, current, { ...options, how });
    const backup = current && keep > 0 ? await writeBackup(target, current) : undefined;
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
  } finally {
    await release?.();
  }
}

/** Why a save failed, and what the administrator can do about it. */
export function failureReason(error: unknown): string {
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

async function encodingOnDisk(file: string): Promise<TextEncoding> {
  const handle = await fs
    .open(file, constants.O_RDONLY | constants.O_NONBLOCK)
    .catch(() => undefined);
  if (!handle) return 'utf-8';
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return sniffEncoding(head.subarray(0, bytesRead));
  } catch {
    return 'utf-8';
  } finally {
    await handle.close();
  }
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
  options: SaveOptions<string> & { encoding?: TextEncoding } = {},
): Promise<SaveResult> {
  const verify =
    options.verify ??
    (isYamlFile(file)
      ? (content: string) => {
          RwsDocument.parse(content);
        }
      : undefined);
  const { verify: _ignored, encoding, ...rest } = options;
  // Written back in the encoding the file has (UTF-16 stays UTF-16), unless the caller says.
  const bytes = encodeText(text, encoding ?? (await encodingOnDisk(file)));
  return saveBytes(file, bytes, {
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
