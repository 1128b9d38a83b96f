// Both-or-neither writes for a kit: every file is first written in full beside its target under a
// temporary name, then all are renamed into place. If any step fails, targets already replaced get
// their previous content back and new files and folders are removed, so a kit never leaves a
// keystore whose password no longer matches the config (or half a Cassandra kit).
// Each file goes through the same steps as every other save (files/replace-parts.ts): the write
// lock, mode, owner and group kept (refused when they cannot be), previous versions in
// .rwsec-backups/ (the newest five).
import { UserFacingError } from '../../../shared/user-error';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_BACKUPS, rotateBackups, writeBackup } from '../files/backups';
import { contentHash } from '../files/content-hash';
import { SaveError } from '../files/file-errors';
import {
  isReadOnly,
  readCurrent,
  resolveTarget,
  writeTempLike,
  type Current,
} from '../files/replace-parts';
import { failureReason } from '../files/safe-save';
import { removeStaleTemps } from '../files/stale-temps';
import { acquireWriteLock, type HeldLock } from '../files/write-lock';

export interface PlannedFile {
  path: string;
  data: string | Uint8Array;
  /** Unix mode for a new file; a replaced file keeps its own mode, owner and group. */
  mode?: number;
  /** The content (or sha256: hash) the kit read: the commit is refused if the file changed. */
  expectedOriginal?: string | Uint8Array;
}

export interface CommitOptions {
  /** Keep previous versions in .rwsec-backups/ (default true). */
  backup?: boolean;
  /** Called before each file is renamed into place (progress; tests use it to inject a failure). */
  beforeRename?: (file: string) => void | Promise<void>;
  /** Write even when a replaced file's owner or group cannot be kept (see replace-parts.ts). */
  allowOwnerChange?: boolean;
}

export interface CommitResult {
  written: string[];
  /** Backups made of files that existed before. */
  backups: string[];
  /** Replaced files that were read-only (mode without owner write): said, not silently done. */
  readOnlyReplaced: string[];
}

export class TransactionError extends UserFacingError {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super('refused', message);
  }
}

interface Step {
  file: PlannedFile;
  target: string;
  current?: Current;
  temp?: string;
  /** Hard link to the previous content while the commit runs (undefined when the file is new). */
  previous?: string;
  renamed: boolean;
}

function sideName(path: string, tag: string): string {
  return join(dirname(path), `.${basename(path)}.${tag}-${randomBytes(4).toString('hex')}`);
}

async function exists(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    () => true,
    () => false,
  );
}

/** Creates the missing folders of `dir` and returns those it created (deepest last). */
async function makeDirs(dir: string, created: string[]): Promise<void> {
  if (await exists(dir)) return;
  await makeDirs(dirname(dir), created);
  await fs.mkdir(dir);
  created.push(dir);
}

function describe(err: unknown): string {
  if (err instanceof SaveError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EISDIR') return 'it is a folder';
  return e.code ? failureReason(err) : String(err);
}

function expectedHash(expected: string | Uint8Array): string {
  return typeof expected === 'string' && expected.startsWith('sha256:')
    ? expected
    : contentHash(expected);
}

async function prepare(step: Step, options: CommitOptions): Promise<void> {
  const { file } = step;
  if (
    await fs.stat(step.target).then(
      (s) => s.isDirectory(),
      () => false,
    )
  ) {
    throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  }
  const current = await readCurrent(step.target);
  if (current) step.current = current;
  if (file.expectedOriginal !== undefined) {
    if (!current || contentHash(current.bytes) !== expectedHash(file.expectedOriginal)) {
      throw new SaveError(
        `${file.path} changed on disk since the kit read it; nothing was written (run the kit again)`,
        'changed-on-disk',
        file.path,
      );
    }
  }
  const data = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data;
  const mode = current ? current.mode : (file.mode ?? 0o644);
  await removeStaleTemps(step.target);
  step.temp = await writeTempLike(step.target, data, mode, current, {
    ...(options.allowOwnerChange ? { allowOwnerChange: true } : {}),
    how: 'change its owner yourself',
  });
}

async function undo(steps: Step[]): Promise<void> {
  for (const step of [...steps].reverse()) {
    try {
      if (step.renamed) {
        if (step.previous) await fs.rename(step.previous, step.target);
        else await fs.rm(step.target, { force: true });
      } else if (step.previous) {
        await fs.rm(step.previous, { force: true });
      }
    } catch {
      // Best effort: keep undoing the others.
    }
    if (step.temp) await fs.rm(step.temp, { force: true }).catch(() => undefined);
  }
}

/**
 * Runs `work` on every step at once and waits for all of them (so none is still writing when a
 * failure is undone); rethrows the first failure, naming its file through `failedAt`.
 */
async function eachSettled(steps: Step[], work: (step: Step) => Promise<void>): Promise<string> {
  const results = await Promise.allSettled(steps.map(work));
  const failed = results.findIndex((r) => r.status === 'rejected');
  if (failed >= 0) {
    const reason = (results[failed] as PromiseRejectedResult).reason as unknown;
    throw Object.assign(reason instanceof Error ? reason : new Error(String(reason)), {
      failedAt: steps[failed]?.file.path,
    });
  }
  return steps[steps.length - 1]?.file.path ?? '';
}

/** A commit whose folders and locks are taken, waiting for the files' content (startCommit). */
export interface StartedCommit {
  /** Writes `files` (the paths started, in any order) or none of them. */
  finish(files: readonly PlannedFile[]): Promise<CommitResult>;
  /** Nothing will be written: releases the locks and removes the folders it created. */
  abandon(): Promise<void>;
}

function refuseDuplicates(paths: readonly string[]): void {
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) throw new TransactionError(`${path} is planned twice.`, path);
    seen.add(path);
  }
}

function failure(err: unknown, current: string): TransactionError {
  const at = (err as { failedAt?: string }).failedAt ?? current;
  return new TransactionError(`Could not write ${at}: ${describe(err)}. Nothing was changed.`, at);
}

/**
 * Takes the folders, real targets and write locks of `paths` before their content exists, so a
 * kit does this while its keys are still being made rather than after them. Nothing is replaced
 * until finish(); a commit that cannot start leaves nothing behind.
 */
export async function startCommit(
  paths: readonly string[],
  options: CommitOptions = {},
): Promise<StartedCommit> {
  refuseDuplicates(paths);
  const targets = new Map<string, string>();
  const createdDirs: string[] = [];
  const locks: HeldLock[] = [];
  let current = paths[0] ?? '';
  const release = async () => {
    await Promise.all(locks.map((l) => l.release()));
    // Last, once the lock files in them are gone.
    for (const dir of [...createdDirs].reverse()) await fs.rmdir(dir).catch(() => undefined);
  };
  try {
    for (const path of paths) {
      current = path;
      await makeDirs(dirname(path), createdDirs);
      targets.set(path, await resolveTarget(path));
    }
    // Locks in one order (by path) for every saver, so two kits never wait on each other.
    for (const [path, target] of [...targets].sort((a, b) => a[1].localeCompare(b[1]))) {
      current = path;
      locks.push(await acquireWriteLock(target));
    }
  } catch (err) {
    await release();
    throw failure(err, current);
  }
  let done = false;
  return {
    finish: async (files) => {
      if (done) throw new Error('commit already finished or abandoned');
      done = true;
      if (files.length !== targets.size || files.some((f) => !targets.has(f.path))) {
        // Not the files started: give the locks back and commit these the ordinary way.
        await release();
        return commitFiles(files, options);
      }
      const steps = files.map((file) => ({
        file,
        target: targets.get(file.path) ?? file.path,
        renamed: false,
      }));
      return writeSteps(steps, options, createdDirs, locks);
    },
    abandon: async () => {
      if (done) return;
      done = true;
      await release();
    },
  };
}

/** Writes all `files` or none of them. Throws TransactionError naming the file that failed. */
export async function commitFiles(
  files: readonly PlannedFile[],
  options: CommitOptions = {},
): Promise<CommitResult> {
  const started = await startCommit(
    files.map((f) => f.path),
    options,
  );
  return started.finish(files);
}

/** Temp writes, backups and renames of a started commit; on failure everything is put back. */
async function writeSteps(
  steps: Step[],
  options: CommitOptions,
  createdDirs: string[],
  locks: HeldLock[],
): Promise<CommitResult> {
  const backups: string[] = [];
  let current = steps[0]?.file.path ?? '';
  try {
    // Each file's temp write, fsync and backup is independent of the others: done side by side,
    // a 10-node Cassandra kit's 36 files cost about one fsync wait instead of 36 in a row.
    current = await eachSettled(steps, (step) => prepare(step, options));
    // Backups before anything is replaced: a backup that cannot be made stops the kit.
    current = await eachSettled(steps, async (step) => {
      if (step.current && (options.backup ?? true)) {
        backups.push(await writeBackup(step.target, step.current));
      }
    });
    current = await eachSettled(steps, async (step) => {
      if (step.current) {
        const previous = sideName(step.target, 'old');
        // A hard link keeps the old content without a moment where the target is missing.
        await fs.link(step.target, previous).catch(() => fs.copyFile(step.target, previous));
        step.previous = previous;
      }
    });
    for (const step of steps) {
      current = step.file.path;
      await options.beforeRename?.(step.file.path);
      await fs.rename(step.temp ?? '', step.target);
      step.temp = undefined;
      step.renamed = true;
    }
  } catch (err) {
    await undo(steps);
    // Nothing changed, so the backups this attempt made are not previous versions of anything.
    for (const backup of backups) {
      await fs.rm(backup, { force: true }).catch(() => undefined);
      await fs.rmdir(dirname(backup)).catch(() => undefined); // only when it is empty
    }
    await Promise.all(locks.map((l) => l.release()));
    // Last, once the lock files in them are gone.
    for (const dir of [...createdDirs].reverse()) await fs.rmdir(dir).catch(() => undefined);
    throw failure(err, current);
  }
  try {
    for (const step of steps) {
      if (step.previous) await fs.rm(step.previous, { force: true });
      if (step.current && (options.backup ?? true)) {
        await rotateBackups(step.target, DEFAULT_BACKUPS);
      }
    }
  } finally {
    await Promise.all(locks.map((l) => l.release()));
  }
  return {
    written: steps.map((s) => s.file.path),
    backups,
    readOnlyReplaced: steps
      .filter((s) => s.current && isReadOnly(s.current))
      .map((s) => s.file.path),
  };
}
