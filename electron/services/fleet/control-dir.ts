// The private folder for ssh's ControlPath sockets. Its name carries the pid of the rwsec process
// that made it, so a folder left behind by a killed run (SIGKILL runs no cleanup) can be told
// apart from one in use: at the next start, folders of ours whose process is gone are removed.
import { lstatSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'rwsec-ssh-';
const NAME = /^rwsec-ssh-(\d+)-[A-Za-z0-9]{6}$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to someone else (then it is not our run either, but a
    // folder we own with a live pid is left alone: pids are reused, removing is not undoable).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders of earlier runs of this user whose process is gone (sockets of dead masters). */
export async function staleControlDirs(root = tmpdir()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const uid = process.getuid?.();
  const stale: string[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    if (!match || Number(match[1]) === process.pid) continue;
    const path = join(root, name);
    try {
      const st = lstatSync(path);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
      if ((st.mode & 0o777) !== 0o700) continue;
    } catch {
      continue;
    }
    if (!alive(Number(match[1]))) stale.push(path);
  }
  return stale;
}

/** Removes stale folders (best effort), then makes this run's own 0700 folder. */
export async function makeControlDir(root = tmpdir()): Promise<string> {
  for (const dir of await staleControlDirs(root)) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
  const dir = await mkdtemp(join(root, `${PREFIX}${process.pid}-`));
  await chmod(dir, 0o700);
  return dir;
}
