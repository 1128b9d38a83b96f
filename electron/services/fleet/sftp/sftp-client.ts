// An SFTP v3 client over `ssh -s HOST sftp` (the system OpenSSH client, its stdio carrying the
// subsystem). Where the node's sshd serves sftp in-process (`Subsystem sftp internal-sftp`), no
// program and no shell start on the node at all: the login shell and its rc files, the largest
// cost per node after the handshake, are skipped. Requests are pipelined: each carries an id, and
// replies may come in any order.
import { spawn, type ChildProcess } from 'node:child_process';
import { FXP, PacketSplitter, Reader, STATUS, Writer, type Attrs } from './sftp-wire';

/** The server answered a request with a status other than OK. */
export class SftpStatusError extends Error {
  constructor(
    readonly code: number,
    readonly what: string,
    serverMessage: string,
  ) {
    super(`${what}: ${serverMessage || `SFTP status ${code}`}`);
  }
}

/** Why ssh ended: the error every pending and later request gets. */
export type SftpEnded = (code: number | null, stderr: string) => Error;

interface Pending {
  resolve: (reply: { type: number; body: Reader }) => void;
  reject: (error: Error) => void;
}

/** The OpenSSH extensions a save needs; a server without them is used through the shell. */
export const NEEDED_EXTENSIONS = ['posix-rename@openssh.com', 'fsync@openssh.com'] as const;

export class SftpClient {
  private readonly child: ChildProcess;
  private readonly splitter = new PacketSplitter();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderr = '';
  private endError: Error | undefined;
  private version: Pending | undefined;
  readonly extensions = new Map<string, string>();
  readonly exited: Promise<void>;

  private constructor(ssh: string, args: readonly string[], ended: SftpEnded) {
    this.child = spawn(ssh, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (d: Buffer) => this.received(d));
    this.child.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString('utf8')));
    this.child.stdin?.on('error', () => undefined); // the node may be gone; `exited` reports it
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

  /** Starts ssh (`args` end with `-s ... HOST sftp`) and agrees on version 3. */
  static async open(ssh: string, args: readonly string[], ended: SftpEnded): Promise<SftpClient> {
    const client = new SftpClient(ssh, args, ended);
    const reply = await new Promise<{ type: number; body: Reader }>((resolve, reject) => {
      client.version = { resolve, reject };
      client.send(new Writer().byte(FXP.INIT).u32(3));
    });
    if (reply.type !== FXP.VERSION) throw new Error('the node did not answer as an SFTP server');
    reply.body.u32();
    while (!reply.body.done) client.extensions.set(reply.body.string(), reply.body.string());
    return client;
  }

  /** ssh's output so far (its diagnostics), for errors. */
  get sshStderr(): string {
    return this.stderr;
  }

  get ended(): boolean {
    return this.endError !== undefined;
  }

  private end(error: Error): void {
    this.endError ??= error;
    this.version?.reject(this.endError);
    this.version = undefined;
    for (const p of this.pending.values()) p.reject(this.endError);
    this.pending.clear();
  }

  private send(writer: Writer): void {
    this.child.stdin?.write(writer.packet());
  }

  private received(data: Buffer): void {
    let packets: Buffer[];
    try {
      packets = this.splitter.push(data);
    } catch (error) {
      // Text where packets belong: a login script of the node printed something.
      const seen = data
        .subarray(0, 60)
        .toString('utf8')
        .replace(/[^\x20-\x7e]/g, '?');
      this.end(
        new Error(
          `the node answered the sftp subsystem with something else (${(error as Error).message}, starting "${seen}"); a login script of the user probably prints text: make it print only for interactive shells`,
        ),
      );
      this.child.kill('SIGTERM');
      return;
    }
    for (const packet of packets) {
      const body = new Reader(packet);
      const type = body.byte();
      if (type === FXP.VERSION) {
        const v = this.version;
        this.version = undefined;
        v?.resolve({ type, body });
        continue;
      }
      const id = body.u32();
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      waiting?.resolve({ type, body });
    }
  }

  private request(
    type: number,
    what: string,
    fill: (w: Writer) => Writer,
  ): Promise<{ type: number; body: Reader }> {
    if (this.endError) return Promise.reject(this.endError);
    const id = this.nextId++;
    return new Promise<{ type: number; body: Reader }>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send(fill(new Writer().byte(type).u32(id)));
    }).then((reply) => {
      if (reply.type === FXP.STATUS) {
        const code = reply.body.u32();
        const message = reply.body.done ? '' : reply.body.string();
        if (code !== STATUS.OK) throw new SftpStatusError(code, what, message);
      }
      return reply;
    });
  }

  private async status(type: number, what: string, fill: (w: Writer) => Writer): Promise<void> {
    await this.request(type, what, fill);
  }

  async open(path: string, flags: number, attrs: Attrs = {}): Promise<Buffer> {
    const r = await this.request(FXP.OPEN, path, (w) => w.string(path).u32(flags).attrs(attrs));
    return Buffer.from(r.body.bytes());
  }

  close(handle: Buffer): Promise<void> {
    return this.status(FXP.CLOSE, 'close', (w) => w.string(handle));
  }

  /** Up to `length` bytes at `offset`; an empty buffer at the end of the file. */
  async read(handle: Buffer, offset: number, length: number): Promise<Buffer> {
    try {
      const r = await this.request(FXP.READ, 'read', (w) =>
        w.string(handle).u64(offset).u32(length),
      );
      return Buffer.from(r.body.bytes());
    } catch (error) {
      if (error instanceof SftpStatusError && error.code === STATUS.EOF) return Buffer.alloc(0);
      throw error;
    }
  }

  write(handle: Buffer, offset: number, data: Uint8Array): Promise<void> {
    return this.status(FXP.WRITE, 'write', (w) => w.string(handle).u64(offset).string(data));
  }

  async stat(path: string): Promise<Attrs> {
    return (await this.request(FXP.STAT, path, (w) => w.string(path))).body.attrs();
  }

  async lstat(path: string): Promise<Attrs> {
    return (await this.request(FXP.LSTAT, path, (w) => w.string(path))).body.attrs();
  }

  async fstat(handle: Buffer): Promise<Attrs> {
    return (await this.request(FXP.FSTAT, 'fstat', (w) => w.string(handle))).body.attrs();
  }

  setstat(path: string, attrs: Attrs): Promise<void> {
    return this.status(FXP.SETSTAT, path, (w) => w.string(path).attrs(attrs));
  }

  fsetstat(handle: Buffer, attrs: Attrs): Promise<void> {
    return this.status(FXP.FSETSTAT, 'fsetstat', (w) => w.string(handle).attrs(attrs));
  }

  mkdir(path: string, attrs: Attrs = {}): Promise<void> {
    return this.status(FXP.MKDIR, path, (w) => w.string(path).attrs(attrs));
  }

  remove(path: string): Promise<void> {
    return this.status(FXP.REMOVE, path, (w) => w.string(path));
  }

  /** Never replaces an existing `to` (OpenSSH links, then unlinks). */
  rename(from: string, to: string): Promise<void> {
    return this.status(FXP.RENAME, to, (w) => w.string(from).string(to));
  }

  /** rename(2): replaces `to` atomically. */
  posixRename(from: string, to: string): Promise<void> {
    return this.status(FXP.EXTENDED, to, (w) =>
      w.string('posix-rename@openssh.com').string(from).string(to),
    );
  }

  fsync(handle: Buffer): Promise<void> {
    return this.status(FXP.EXTENDED, 'fsync', (w) => w.string('fsync@openssh.com').string(handle));
  }

  /** The canonical absolute path, symbolic links resolved (realpath(3) on OpenSSH). */
  async realpath(path: string): Promise<string> {
    const r = await this.request(FXP.REALPATH, path, (w) => w.string(path));
    r.body.u32();
    return r.body.string();
  }

  /** Names in a folder with their attributes (`.` and `..` left out). */
  async readdir(path: string): Promise<{ name: string; attrs: Attrs }[]> {
    const handle = Buffer.from(
      (await this.request(FXP.OPENDIR, path, (w) => w.string(path))).body.bytes(),
    );
    const out: { name: string; attrs: Attrs }[] = [];
    try {
      for (;;) {
        let r: { body: Reader };
        try {
          r = await this.request(FXP.READDIR, path, (w) => w.string(handle));
        } catch (error) {
          if (error instanceof SftpStatusError && error.code === STATUS.EOF) break;
          throw error;
        }
        for (let n = r.body.u32(); n > 0; n--) {
          const name = r.body.string();
          r.body.string();
          const attrs = r.body.attrs();
          if (name !== '.' && name !== '..') out.push({ name, attrs });
        }
      }
    } finally {
      await this.close(handle).catch(() => undefined);
    }
    return out;
  }

  /** Ends the subsystem (EOF) and waits for ssh to exit; kills it if it does not within `ms`. */
  async shutdown(ms = 5000): Promise<void> {
    this.child.stdin?.end();
    const timer = setTimeout(() => this.child.kill('SIGTERM'), ms);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Whether an error says the file is not there. */
export function isMissing(error: unknown): boolean {
  return error instanceof SftpStatusError && error.code === STATUS.NO_SUCH_FILE;
}
