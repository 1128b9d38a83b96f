// Runs the built rwsec CLI as a child process and lets the test watch its output as it comes (to
// kill it mid-run); the result includes the signal that ended it.
import { spawn, type ChildProcess } from 'node:child_process';
import { rwsecBin } from './paths';

export interface WatchedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  /** rwsec's pid (it names the ssh socket folder). */
  pid: number | undefined;
}

export function rwsecWatched(
  args: string[],
  options: {
    env?: Record<string, string>;
    onStdout?: (text: string, child: ChildProcess) => void;
    onSpawn?: (child: ChildProcess) => void;
  } = {},
): Promise<WatchedRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [rwsecBin, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    options.onSpawn?.(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      options.onStdout?.(out, child);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, out, err, pid: child.pid }));
  });
}
