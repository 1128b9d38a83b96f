// Opened keystores kept between validation runs: validation runs on every keystroke, and
// decrypting a PKCS12 or checking a JKS digest costs tens of milliseconds per file. An entry is
// found again only while the file's identity (path, inode, size, mtime) is unchanged and the
// same password is used; the password itself is never kept, only a keyed hash of it.
import { createHmac, randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { MAX_STORE_BYTES, readRegularFile } from '../files/bounded-read';
import { FileReadError } from '../files/file-errors';
import { readKeystore } from '../keystore/read';
import { KeystoreError, type Keystore } from '../keystore/model';

/** The file access the cache needs; tests count reads through it. */
export interface StoreFileReader {
  stat(path: string): Promise<{ size: number; mtimeMs: number; ino: number }>;
  readFile(path: string): Promise<Uint8Array>;
}

export const diskReader: StoreFileReader = {
  stat,
  readFile: (path) => readRegularFile(path, MAX_STORE_BYTES),
};

/** A store that opened, or the store error (wrong password, corrupt) that opening it gave. */
type Outcome = { store: Keystore } | { error: KeystoreError };

export const STORE_CACHE_SIZE = 16;

export class StoreCache {
  private readonly entries = new Map<string, Promise<Outcome>>();
  // Keyed hash: a heap dump shows no plain SHA-256 of the password to look up in a dictionary.
  private readonly hashKey = randomBytes(32);

  constructor(
    private readonly reader: StoreFileReader = diskReader,
    private readonly limit = STORE_CACHE_SIZE,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * The store at `resolved` opened with `password` (undefined: read without one). Throws the
   * KeystoreError that reading gave (cached too: a wrong password stays wrong for that file), or
   * the I/O error (not cached).
   */
  async open(resolved: string, password: string | undefined): Promise<Keystore> {
    const info = await this.reader.stat(resolved);
    const secret =
      password === undefined
        ? 'none'
        : createHmac('sha256', this.hashKey).update(password, 'utf8').digest('hex');
    const key = [resolved, info.ino, info.size, info.mtimeMs, secret].join('\u0000');
    let pending = this.entries.get(key);
    if (pending) {
      // Most recently used goes last; the first key is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, pending);
    } else {
      pending = this.load(resolved, password);
      this.entries.set(key, pending);
      pending.catch(() => this.entries.delete(key));
      while (this.entries.size > this.limit) {
        const oldest = this.entries.keys().next().value;
        if (oldest === undefined) break;
        this.entries.delete(oldest);
      }
    }
    const outcome = await pending;
    if ('error' in outcome) throw outcome.error;
    return outcome.store;
  }

  private async load(resolved: string, password: string | undefined): Promise<Outcome> {
    let bytes: Uint8Array;
    try {
      bytes = await this.reader.readFile(resolved);
    } catch (error) {
      // A FIFO, a device or a file over the limit named in the config: said, never hung on.
      if (error instanceof FileReadError)
        return { error: new KeystoreError('corrupt', error.message, resolved) };
      throw error;
    }
    try {
      // Frozen: every later run shares this object, so no rule may change it.
      return { store: Object.freeze(readKeystore(bytes, { password, file: resolved })) };
    } catch (error) {
      if (error instanceof KeystoreError) return { error };
      throw error;
    }
  }
}

/** The cache validation uses unless given another (tests pass one with a counting reader). */
export const storeCache = new StoreCache();
