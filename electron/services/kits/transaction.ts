// Both-or-neither writes for a kit: every file is first written in full beside its target under a
// temporary name, then all are renamed into place. If any step fails, targets already replaced get
// their previous content back and new files and folders are removed, so a kit never leaves a
// keystore whose password no longer matches the config (or half a Cassandra kit).
import { UserFacingError } from '../../../shared/user-error';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface PlannedFile {
  path: string;
  data: string | Uint8Array;
  /** Unix mode for a new file; a replaced file keeps the stricter of this and its old mode. */
  mode?: number;
}

export interface CommitOptions {
  /** Keep the previous content of replaced files as `<file>.bak` (default true). */
  backup?: boolean;
  /** Called before each file is renamed into place (progress; tests use it to inject a failure). */
  beforeRename?: (file: string) => void | Promise<void>;
}

export interface CommitResult {
  written: string[];
  /** Backups made of files that existed before. */
  backups: string[];
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
  temp: string;
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
  const e = err as NodeJS.ErrnoException;
  return e.code ? `${e.code}${e.message ? ` (${e.message.split(',')[0]})` : ''}` : String(err);
}

async function writeTemp(step: Step): Promise<void> {
  const { file } = step;
  let mode = file.mode ?? 0o644;
  const old = await fs.stat(file.path).catch(() => undefined);
  if (old) {
    if (old.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    mode = mode & old.mode & 0o777; // never loosen the permissions of a file that was tighter
  }
  const handle = await fs.open(step.temp, 'wx', mode);
  try {
    await handle.writeFile(file.data);
    await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function undo(steps: Step[], createdDirs: string[]): Promise<void> {
  for (const step of [...steps].reverse()) {
    try {
      if (step.renamed) {
        if (step.previous) await fs.rename(step.previous, step.file.path);
        else await fs.rm(step.file.path, { force: true });
      } else if (step.previous) {
        await fs.rm(step.previous, { force: true });
      }
    } catch {
      // Best effort: keep undoing the others.
    }
    await fs.rm(step.temp, { force: true }).catch(() => undefined);
  }
  for (const dir of [...createdDirs].reverse()) await fs.rmdir(dir).catch(() => undefined);
}

/** Writes all `files` or none of them. Throws TransactionError naming the file that failed. */
export async function commitFiles(
  files: readonly PlannedFile[],
  options: CommitOptions = {},
): Promise<CommitResult> {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path))
      throw new TransactionError(`${file.path} is planned twice.`, file.path);
    seen.add(file.path);
  }
  const steps: Step[] = files.map((file) => ({
    file,
    temp: sideName(file.path, 'new'),
    renamed: false,
  }));
  const createdDirs: string[] = [];
  let current = files[0]?.path ?? '';
  try {
    for (const step of steps) {
      current = step.file.path;
      await makeDirs(dirname(step.file.path), createdDirs);
      await writeTemp(step);
    }
    for (const step of steps) {
      current = step.file.path;
      if (await exists(step.file.path)) {
        const previous = sideName(step.file.path, 'old');
        // A hard link keeps the old content without a moment where the target is missing.
        await fs.link(step.file.path, previous).catch(() => fs.copyFile(step.file.path, previous));
        step.previous = previous;
      }
    }
    for (const step of steps) {
      current = step.file.path;
      await options.beforeRename?.(step.file.path);
      await fs.rename(step.temp, step.file.path);
      step.renamed = true;
    }
  } catch (err) {
    await undo(steps, createdDirs);
    throw new TransactionError(
      `Could not write ${current}: ${describe(err)}. Nothing was changed.`,
      current,
    );
  }
  const backups: string[] = [];
  for (const step of steps) {
    if (!step.previous) continue;
    if (options.backup ?? true) {
      const bak = `${step.file.path}.bak`;
      await fs.rename(step.previous, bak).then(
        () => backups.push(bak),
        () => fs.rm(step.previous ?? '', { force: true }),
      );
    } else {
      await fs.rm(step.previous, { force: true });
    }
  }
  return { written: files.map((f) => f.path), backups };
}
