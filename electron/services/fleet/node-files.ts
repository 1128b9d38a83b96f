// A node's files as validation sees them: read over SSH, kept in memory for the run (never in a
// local file: keystores and configs hold secrets). Validation first runs against a recorder that
// only notes which paths the rules ask for; those are fetched in one ssh command; validation then
// runs for real. A path asked for later still works, with one more round trip.
import { detectFormat, SNIFF_BYTES } from '../files/detect-format';
import type { ConfigFiles, FileProbe } from '../validate/file-rule';
import { StoreCache } from '../validate/store-cache';
import { readRemoteFiles, type RemoteFile } from './remote-read';
import type { SshSession, SshTarget } from './ssh-transport';

function enoent(path: string): Error {
  return Object.assign(new Error(`${path}: no such file`), { code: 'ENOENT' });
}

export class NodeFiles implements ConfigFiles {
  private readonly files = new Map<string, Promise<RemoteFile>>();
  /**
   * The node's keystores as opened by validation, for the whole run: `fleet set` validates each
   * node before and after the edit, and a keystore's decryption (tens of ms) is done once. One
   * cache per node: the same path on two nodes is two different files.
   */
  readonly stores: StoreCache = new StoreCache(this);

  constructor(
    private readonly session: SshSession,
    private readonly target: SshTarget,
  ) {}

  /** Files already read (the config itself, say), so they are not read again. */
  remember(file: RemoteFile): void {
    this.files.set(file.path, Promise.resolve(file));
  }

  async prefetch(paths: Iterable<string>): Promise<void> {
    const wanted = [...new Set(paths)].filter((p) => !this.files.has(p));
    if (wanted.length === 0) return;
    const pending = readRemoteFiles(this.session, this.target, wanted);
    wanted.forEach((path, i) => {
      const one = pending.then((all) => all[i] as RemoteFile);
      one.catch(() => undefined);
      this.files.set(path, one);
    });
    await pending;
  }

  get(path: string): Promise<RemoteFile> {
    let file = this.files.get(path);
    if (!file) {
      file = readRemoteFiles(this.session, this.target, [path]).then((all) => all[0] as RemoteFile);
      this.files.set(path, file);
    }
    return file;
  }

  async probe(resolved: string): Promise<FileProbe> {
    const file = await this.get(resolved);
    if (file.kind === 'file') {
      return { kind: 'file', resolved, guess: detectFormat(file.bytes.subarray(0, SNIFF_BYTES)) };
    }
    if (file.kind === 'unreadable') return { kind: 'unreadable', resolved, reason: file.reason };
    return { kind: file.kind, resolved };
  }

  async stat(path: string): Promise<{ size: number; mtimeMs: number; ino: number }> {
    const file = await this.get(path);
    if (file.kind !== 'file') throw enoent(path);
    return { size: file.bytes.length, mtimeMs: 0, ino: 0 };
  }

  async readFile(path: string): Promise<Uint8Array> {
    const file = await this.get(path);
    if (file.kind !== 'file') throw enoent(path);
    return file.bytes;
  }
}

/** Notes the paths validation asks for and answers "missing" (its findings are thrown away). */
export class PathRecorder implements ConfigFiles {
  readonly paths = new Set<string>();

  async probe(resolved: string): Promise<FileProbe> {
    this.paths.add(resolved);
    return { kind: 'missing', resolved };
  }

  async stat(path: string): Promise<{ size: number; mtimeMs: number; ino: number }> {
    this.paths.add(path);
    throw enoent(path);
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.paths.add(path);
    throw enoent(path);
  }
}
