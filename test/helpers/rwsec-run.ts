// Runs the built rwsec CLI as a child process (async, so the test's own sshd fleet keeps running).
import { spawn, type ChildProcess } from 'node:child_process';
import { rwsecBin } from './paths';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export function rwsecAsync(
  args: string[],
  options: {
    env?: Record<string, string>;
    onStdout?: (text: string, child: ChildProcess) => void;
  } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [rwsecBin, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      options.onStdout?.(out, child);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}
