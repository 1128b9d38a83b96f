// The fleet's only way to a node: the system OpenSSH client, so the user's ~/.ssh/config, agent,
// ProxyJump and known_hosts apply as for any ssh they run. We add BatchMode (never a prompt) and
// one multiplexed master connection per host, its socket in a private 0700 folder that `close()`
// shuts and removes. Host-key checking stays as the user configured it; a host-key failure
// becomes an error naming the host and the step to take. Remote commands carry paths only:
// file contents (secrets) travel on stdin/stdout, never in an argument.
import { spawn } from 'node:child_process';
import { UserFacingError } from '../../../shared/user-error';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SshTarget {
  /** Inventory name, for messages. */
  name: string;
  host: string;
  port?: number;
  user?: string;
  privateKey?: string;
  /** Extra ssh arguments (ansible_ssh_common_args), e.g. -F FILE or -o ProxyJump=... */
  sshArgs: string[];
}

export type SshErrorKind = 'unknown-host-key' | 'changed-host-key' | 'auth' | 'unreachable';

/** A node that ssh cannot reach or log in to: its files cannot be read (exit 2 in the CLI). */
export class SshError extends UserFacingError {
  constructor(
    message: string,
    readonly reason: SshErrorKind,
    readonly node: string,
  ) {
    super('unreadable', message);
  }
}

export interface RemoteResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Quotes a value for the remote POSIX shell. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function hostForKnownHosts(target: SshTarget): string {
  return target.port && target.port !== 22 ? `[${target.host}]:${target.port}` : target.host;
}

/** ssh's own failure (exit 255) as an error that says what to do. */
export function sshFailure(target: SshTarget, stderr: string): SshError {
  const where = `${target.name} (${target.host}${target.port ? `:${target.port}` : ''})`;
  const keyscan = `ssh-keyscan${target.port ? ` -p ${target.port}` : ''} ${target.host}`;
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/i.test(stderr)) {
    return new SshError(
      `${where}: the host key has CHANGED since it was recorded in known_hosts (the node was reinstalled, or someone is in between); nothing was done on it. If the change is expected, confirm the new fingerprint with the node's administrator, then run: ssh-keygen -R '${hostForKnownHosts(target)}' and ${keyscan} >> ~/.ssh/known_hosts`,
      'changed-host-key',
      target.name,
    );
  }
  if (/Host key verification failed|No \S+ host key is known/i.test(stderr)) {
    return new SshError(
      `${where}: the host key is not in known_hosts, and rwsec never accepts one by itself; nothing was done on it. Check the node's fingerprint, then run: ${keyscan} >> ~/.ssh/known_hosts (or connect once with ssh and answer the question)`,
      'unknown-host-key',
      target.name,
    );
  }
  const last = stderr.trim().split('\n').filter(Boolean).pop() ?? 'ssh failed';
  if (/Permission denied/i.test(stderr)) {
    return new SshError(
      `${where}: login refused (${last}); check ansible_user and the key (ansible_ssh_private_key_file or your agent)`,
      'auth',
      target.name,
    );
  }
  return new SshError(`${where}: unreachable (${last})`, 'unreachable', target.name);
}

/** Runs `fn` over `items` with at most `limit` running at once; results keep the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export interface SshSessionOptions {
  /** The ssh program (tests and odd installs); default `ssh` from PATH. */
  ssh?: string;
  /** Seconds the master stays up after its last use (it is shut at close() anyway). */
  persistSeconds?: number;
}

export class SshSession {
  private controlDir: Promise<string> | undefined;
  private readonly used = new Map<string, SshTarget>();
  private closed = false;

  constructor(private readonly options: SshSessionOptions = {}) {}

  private dir(): Promise<string> {
    this.controlDir ??= (async () => {
      const dir = await mkdtemp(join(tmpdir(), 'rwsec-ssh-'));
      await chmod(dir, 0o700);
      return dir;
    })();
    return this.controlDir;
  }

  private async baseArgs(target: SshTarget): Promise<string[]> {
    const dir = await this.dir();
    // Ours first: ssh keeps the first value it gets for an option, and these must hold.
    return [
      '-o',
      'BatchMode=yes',
      '-o',
      'ControlMaster=auto',
      '-o',
      `ControlPath=${join(dir, '%C')}`,
      '-o',
      `ControlPersist=${this.options.persistSeconds ?? 60}`,
      ...target.sshArgs,
      ...(target.port ? ['-p', String(target.port)] : []),
      ...(target.user ? ['-l', target.user] : []),
      ...(target.privateKey ? ['-i', target.privateKey] : []),
    ];
  }

  /**
   * Runs `script` with the node's POSIX shell; `stdin` (file contents) is written to it. Throws
   * SshError when ssh itself fails (exit 255: unreachable, host key, login).
   */
  async run(target: SshTarget, script: string, stdin?: Uint8Array): Promise<RemoteResult> {
    if (this.closed) throw new Error('the SSH session is closed');
    this.used.set(target.name, target);
    const args = [...(await this.baseArgs(target)), '--', target.host, script];
    return new Promise((resolve, reject) => {
      const child = spawn(this.options.ssh ?? 'ssh', args, { stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.on('error', (error) =>
        reject(
          new SshError(
            `${target.name}: cannot run ssh (${(error as NodeJS.ErrnoException).code ?? error.message}); install the OpenSSH client`,
            'unreachable',
            target.name,
          ),
        ),
      );
      child.stdin.on('error', () => undefined); // the node may exit before reading all of it
      child.on('close', (code) => {
        if (code === 255) reject(sshFailure(target, stderr));
        else resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr });
      });
      child.stdin.end(stdin ? Buffer.from(stdin) : undefined);
    });
  }

  /** Shuts every master connection and removes the socket folder. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.controlDir) return;
    const targets = [...this.used.values()];
    await Promise.all(
      targets.map(
        async (target) =>
          new Promise<void>((resolve) => {
            void this.baseArgs(target).then((args) => {
              const child = spawn(this.options.ssh ?? 'ssh', [...args, '-O', 'exit', target.host], {
                stdio: 'ignore',
              });
              child.on('error', () => resolve());
              child.on('close', () => resolve());
            });
          }),
      ),
    );
    await rm(await this.controlDir, { recursive: true, force: true });
  }
}
