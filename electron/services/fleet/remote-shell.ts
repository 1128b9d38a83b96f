// One POSIX shell per node for a whole run, over one ssh connection: every read and write of the
// run is a request on it, so the node pays for the ssh handshake and the login shell (its rc
// files included) once, not once per step. The node still needs nothing but sshd and sh.
//
// Protocol (requests one at a time): we send "<script bytes> <payload bytes>\n", the script (its
// last line "# <B>", so that a script cut short is never run), then the payload (file contents, secrets: never in an argument). The loop on the node hands exactly
// the payload to the script's stdin (draining what the script leaves), passes the script's
// stdout through, and ends the answer with "\n<B> <exit code>\n<stderr>\n<B>.\n", B being a
// random boundary of this run. A kill of either side ends the loop at the next read: a request
// cut short never runs with part of its payload unnoticed, because the scripts compare what they
// received (see remote-save.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface ShellResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** The loop run by `sh -c` on the node; $1 is the boundary. No single quote: it is quoted in one. */
const LOOP = [
  'B=$1',
  // head -c is exact and fast on GNU and BusyBox; dd with bs=1 is exact everywhere.
  'case $(head --version 2>&1) in *GNU*|*BusyBox*) rx() { head -c "$1"; } ;;',
  '  *) rx() { dd bs=1 count="$1" 2>/dev/null; } ;; esac',
  'while IFS=" " read -r sl pl; do',
  '  s=$(rx "$sl")',
  // A script cut short (the sender was killed) must not run: it ends with our boundary.
  '  case $s in *"# $B") ;; *) exit 1 ;; esac',
  '  { e=$(rx "$pl" | { (eval "$s") 2>&1 1>&3 3>&-; r=$?; cat >/dev/null; exit $r; }); r=$?; } 3>&1',
  '  printf "\\n%s %s\\n%s\\n%s.\\n" "$B" "$r" "$e" "$B"',
  'done',
].join('\n');

export type ShellEnded = (code: number | null, stderr: string) => Error;

interface Pending {
  resolve: (result: ShellResult) => void;
  reject: (error: Error) => void;
}

export class RemoteShell {
  private readonly child: ChildProcess;
  private readonly boundary = `--rwsec-${randomBytes(16).toString('hex')}--`;
  private readonly head: Buffer;
  private buffer: Buffer = Buffer.alloc(0);
  private stderr = '';
  private queue: Promise<unknown> = Promise.resolve();
  private pending: Pending | undefined;
  private endError: Error | undefined;
  readonly exited: Promise<void>;

  /**
   * `ssh` and `args` reach the node (the remote command is added here); `ended` turns ssh's exit
   * into the error that pending and later requests get.
   */
  constructor(ssh: string, args: readonly string[], ended: ShellEnded) {
    this.head = Buffer.from(`\n${this.boundary} `);
    const command = `exec sh -c '${LOOP}' rwsec-shell ${this.boundary}`;
    this.child = spawn(ssh, [...args, command], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (d: Buffer) => this.received(d));
    this.child.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString('utf8')));
    this.child.stdin?.on('error', () => undefined); // the node may be gone; `close` reports it
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.end(ended(null, (error as NodeJS.ErrnoException).code ?? error.message));
        resolve();
      });
      this.child.on('close', (code) => {
        this.end(ended(code, this.stderr));
        resolve();
      });
    });
  }

  get ended(): boolean {
    return this.endError !== undefined;
  }

  private end(error: Error): void {
    this.endError ??= error;
    this.pending?.reject(this.endError);
    this.pending = undefined;
  }

  private received(data: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, data]) : data;
    if (!this.pending) return;
    const at = this.buffer.indexOf(this.head);
    if (at < 0) return;
    const tail = Buffer.from(`\n${this.boundary}.\n`);
    const end = this.buffer.indexOf(tail, at + this.head.length);
    if (end < 0) return;
    const trailer = this.buffer.subarray(at + this.head.length, end).toString('utf8');
    const eol = trailer.indexOf('\n');
    const result: ShellResult = {
      code: Number(trailer.slice(0, eol)),
      stdout: Buffer.from(this.buffer.subarray(0, at)),
      stderr: trailer.slice(eol + 1),
    };
    this.buffer = this.buffer.subarray(end + tail.length);
    const done = this.pending;
    this.pending = undefined;
    done.resolve(result);
  }

  /** Runs `script` on the node with `payload` as its stdin; requests queue one behind another. */
  run(script: string, payload?: Uint8Array): Promise<ShellResult> {
    const next = this.queue.then(
      () =>
        new Promise<ShellResult>((resolve, reject) => {
          if (this.endError) return reject(this.endError);
          this.pending = { resolve, reject };
          const body = Buffer.from(`${script}\n# ${this.boundary}`, 'utf8');
          const data = payload ? Buffer.from(payload) : Buffer.alloc(0);
          this.child.stdin?.write(Buffer.from(`${body.length} ${data.length}\n`));
          this.child.stdin?.write(body);
          this.child.stdin?.write(data);
        }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Ends the loop (EOF) and waits for ssh to exit; kills it if it does not within `ms`. */
  async close(ms = 5000): Promise<void> {
    this.child.stdin?.end();
    const timer = setTimeout(() => this.child.kill('SIGTERM'), ms);
    await this.exited;
    clearTimeout(timer);
  }
}
