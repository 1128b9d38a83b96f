// Runs the built `rwsec` CLI as a child process (the way an administrator does), optionally as
// another user through setpriv, and returns its exit code and output.
import { spawn, spawnSync } from 'node:child_process';
import { rwsecBin } from './paths';

export interface RunResult {
  code: number | null;
  out: string;
  err: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Run as this uid/gid (no supplementary groups) through setpriv; the caller must be root. */
  as?: { uid: number; gid: number };
  timeoutMs?: number;
  input?: string;
}

function command(args: string[], options: RunOptions): [string, string[]] {
  const node = [process.execPath, rwsecBin, ...args];
  if (!options.as) return [node[0] ?? process.execPath, node.slice(1)];
  return [
    'setpriv',
    [`--reuid=${options.as.uid}`, `--regid=${options.as.gid}`, '--clear-groups', ...node],
  ];
}

export function rwsecSync(args: string[], options: RunOptions = {}): RunResult {
  const [cmd, argv] = command(args, options);
  const r = spawnSync(cmd, argv, {
    encoding: 'utf8',
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    timeout: options.timeoutMs ?? 60_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Starts rwsec without waiting, so several can run at once. */
export function rwsecAsync(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const [cmd, argv] = command(args, options);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}
