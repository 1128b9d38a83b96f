// The fleet's only way to a node: the system OpenSSH client, so the user's ~/.ssh/config, agent,
// ProxyJump and known_hosts apply as for any ssh they run. We add BatchMode (never a prompt) and
// one connection per host for the whole run, carrying one shell on the node (remote-shell.ts)
// that every step of the run uses; its control socket sits in a private 0700 folder that
// `close()` removes (and the next run removes, if a killed run could not). Host-key checking stays as the user configured it; a host-key failure
// becomes an error naming the host and the step to take. Remote commands carry paths only:
// file contents (secrets) travel on stdin/stdout, never in an argument.
import { rm } from 'node:fs/promises';
import { UserFacingError } from '../../../shared/user-error';
import { join } from 'node:path';
import { makeControlDir } from './control-dir';
import { RemoteShell } from './remote-shell';
import { NEEDED_EXTENSIONS, SftpClient } from './sftp/sftp-client';

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
}

/** The node's sshd offers no sftp subsystem: its files are reached through its shell instead. */
class NoSftp extends Error {}

export class SshSession {
  private controlDir: Promise<string> | undefined;
  private readonly shells = new Map<string, RemoteShell>();
  private readonly sftps = new Map<string, Promise<SftpClient | undefined>>();
  private closed = false;

  constructor(private readonly options: SshSessionOptions = {}) {}

  private dir(): Promise<string> {
    this.controlDir ??= makeControlDir();
    return this.controlDir;
  }

  private async args(target: SshTarget, subsystem?: string): Promise<string[]> {
    const dir = await this.dir();
    // Ours first: ssh keeps the first value it gets for an option, and these must hold. The
    // node's shell of this run is the master connection itself (ControlPersist=no): it ends with
    // the run, also when rwsec is killed (its stdin closes), instead of lingering in the
    // background; the socket lets any other ssh of this run to the node share it.
    return [
      '-o',
      'BatchMode=yes',
      '-o',
      'ControlMaster=auto',
      '-o',
      `ControlPath=${join(dir, '%C')}`,
      '-o',
      'ControlPersist=no',
      ...target.sshArgs,
      ...(target.port ? ['-p', String(target.port)] : []),
      ...(target.user ? ['-l', target.user] : []),
      ...(target.privateKey ? ['-i', target.privateKey] : []),
      ...(subsystem ? ['-s'] : []),
      '--',
      target.host,
      ...(subsystem ? [subsystem] : []),
    ];
  }

  private ended(target: SshTarget) {
    return (code: number | null, stderr: string): Error => {
      if (code === null) {
        return new SshError(
          `${target.name}: cannot run ssh (${stderr}); install the OpenSSH client`,
          'unreachable',
          target.name,
        );
      }
      if (code === 255 && /subsystem request failed/i.test(stderr)) return new NoSftp(stderr);
      if (code === 255) return sshFailure(target, stderr);
      const last = stderr.trim().split('\n').filter(Boolean).pop();
      return new SshError(
        `${target.name} (${target.host}): the remote shell ended (exit ${code}${last ? `: ${last}` : ''}); the node needs a POSIX sh`,
        'unreachable',
        target.name,
      );
    };
  }

  /** The node's shell of this run: opened at first use, opened again if it ended. */
  private async shell(target: SshTarget): Promise<RemoteShell> {
    let shell = this.shells.get(target.name);
    if (!shell || shell.ended) {
      shell = new RemoteShell(
        this.options.ssh ?? 'ssh',
        await this.args(target),
        this.ended(target),
      );
      this.shells.set(target.name, shell);
    }
    return shell;
  }

  /**
   * The node's SFTP channel of this run (opened at first use, again if it ended), or undefined
   * when the node serves no sftp subsystem with the OpenSSH extensions a save needs: then its
   * shell (`run`) does the work. Throws SshError when ssh itself fails.
   */
  async sftp(target: SshTarget): Promise<SftpClient | undefined> {
    if (this.closed) throw new Error('the SSH session is closed');
    const known = this.sftps.get(target.name);
    const client = await known;
    if (known && (client === undefined || !client.ended)) return client;
    const opening = this.openSftp(target);
    this.sftps.set(target.name, opening);
    opening.catch(() => this.sftps.delete(target.name));
    return opening;
  }

  private async openSftp(target: SshTarget): Promise<SftpClient | undefined> {
    let client: SftpClient;
    try {
      client = await SftpClient.open(
        this.options.ssh ?? 'ssh',
        await this.args(target, 'sftp'),
        this.ended(target),
      );
    } catch (error) {
      if (error instanceof NoSftp) return undefined;
      throw error;
    }
    if (NEEDED_EXTENSIONS.every((name) => client.extensions.has(name))) return client;
    await client.shutdown();
    return undefined;
  }

  /**
   * Runs `script` with the node's POSIX shell; `stdin` (file contents) is its input. Throws
   * SshError when ssh itself fails (unreachable, host key, login).
   */
  async run(target: SshTarget, script: string, stdin?: Uint8Array): Promise<RemoteResult> {
    if (this.closed) throw new Error('the SSH session is closed');
    return (await this.shell(target)).run(script, stdin);
  }

  /** Ends every node's shell (and with it its master connection) and removes the socket folder. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const sftps = await Promise.all([...this.sftps.values()].map((c) => c.catch(() => undefined)));
    await Promise.all([
      ...[...this.shells.values()].map((shell) => shell.close()),
      ...sftps.map((client) => client?.shutdown()),
    ]);
    if (this.controlDir) await rm(await this.controlDir, { recursive: true, force: true });
  }
}
