// The store open in the keystore manager: its entries with the pending (unsaved) changes, an undo
// history, and the store password, which stays in this object and is never returned, logged or
// put in an error message. Changes reach the file only through save(): atomic, with a backup.
import type { KeystoreView } from '../../../shared/api/keystore-contract';
import { UserFacingError } from '../../../shared/user-error';
import { describeCertificate } from '../x509/describe';
import { KeystoreError, type Keystore, type WritableStoreType } from './model';
import type { HeavyWork } from '../heavy/heavy-work';
import { inlineWork } from '../heavy/inline-work';
import { saveEncodedStore, storeExists } from './store-file';

interface Step {
  store: Keystore;
  newPassword: string | undefined;
  label: string;
}

interface OpenState {
  handle: number;
  file: string;
  exists: boolean;
  /** The bytes read, so a save refuses to overwrite a file changed by someone else meanwhile. */
  original: Buffer | undefined;
  password: string;
  newPassword: string | undefined;
  store: Keystore;
  writableType: WritableStoreType | null;
  history: Step[];
  notes: string[];
}

let handles = 0;

function writableOf(type: Keystore['type']): WritableStoreType | null {
  return type === 'JKS' || type === 'PKCS12' || type === 'PEM' ? type : null;
}

export class KeystoreSession {
  private current: OpenState | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** `work` decrypts and encodes stores: a worker pool in the app, this thread otherwise. */
  constructor(private readonly work: HeavyWork = inlineWork) {}

  /** Operations run one at a time, like the config session's. */
  serial<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async open(file: string, password: string, create?: 'JKS' | 'PKCS12'): Promise<KeystoreView> {
    if (await storeExists(file)) {
      // Errors name the file (wrong password, damaged store) and leave the open store as it was.
      const { store, bytes } = await this.work.run('readKeystoreFile', file, { password });
      this.replace({ file, exists: true, original: bytes, password, store });
    } else if (create) {
      if (password.length < 6) {
        throw new UserFacingError(
          'bad-request',
          `A new store needs a password of at least 6 characters (keytool's rule); ${file} was not created.`,
        );
      }
      const store: Keystore = { type: create, entries: [] };
      this.replace({ file, exists: false, original: undefined, password, store });
    } else {
      throw new UserFacingError(
        'unreadable',
        `${file} does not exist. Check the path, or create a new store there.`,
      );
    }
    return this.view();
  }

  private replace(
    state: Omit<OpenState, 'handle' | 'history' | 'newPassword' | 'notes' | 'writableType'>,
  ) {
    this.current = {
      ...state,
      handle: ++handles,
      newPassword: undefined,
      writableType: writableOf(state.store.type),
      history: [],
      notes: [],
    };
  }

  close(): void {
    this.current = null;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /** The open store, checked against the handle the page holds. */
  require(handle?: number): OpenState {
    const current = this.current;
    if (!current) throw new UserFacingError('bad-request', 'No keystore is open in the manager.');
    if (handle !== undefined && handle !== current.handle) {
      throw new UserFacingError(
        'bad-request',
        `Another store (${current.file}) was opened since this page loaded; reload the keystore manager.`,
      );
    }
    return current;
  }

  /** The pending store, for reading (CSR, export, chain preview). */
  store(handle?: number): Keystore {
    return this.require(handle).store;
  }

  get file(): string | undefined {
    return this.current?.file;
  }

  /** Applies one change; it stays pending and undoable until save. */
  apply(handle: number, label: string, store: Keystore, notes: string[] = []): KeystoreView {
    const current = this.require(handle);
    current.history.push({ store: current.store, newPassword: current.newPassword, label });
    current.store = store;
    current.notes = notes;
    return this.view();
  }

  setPassword(handle: number, password: string): KeystoreView {
    const current = this.require(handle);
    current.history.push({
      store: current.store,
      newPassword: current.newPassword,
      label: 'changed the store password',
    });
    current.newPassword = password;
    current.notes = ['The new password applies when you save.'];
    return this.view();
  }

  undo(handle: number): KeystoreView {
    const current = this.require(handle);
    const last = current.history.pop();
    if (!last) throw new UserFacingError('bad-request', 'Nothing to undo.');
    current.store = last.store;
    current.newPassword = last.newPassword;
    current.notes = [`Undone: ${last.label}.`];
    return this.view();
  }

  async save(handle: number): Promise<{ view: KeystoreView; backup: string | null }> {
    const current = this.require(handle);
    if (!current.writableType) {
      throw new KeystoreError(
        'unsupported',
        `${current.file} is a ${current.store.type} file, which cannot be written back: import its certificates into a JKS or PKCS12 store instead.`,
        current.file,
      );
    }
    const password = current.newPassword ?? current.password;
    const encoded = await this.work.run('encodeStore', current.file, current.store, {
      type: current.writableType,
      password,
    });
    const result = await saveEncodedStore(current.file, encoded, {
      ...(current.original ? { expectedOriginal: current.original } : {}),
    });
    // Re-read what is on disk now: the next save compares against these bytes.
    const { store, bytes } = await this.work.run('readKeystoreFile', current.file, { password });
    current.store = store;
    current.original = bytes;
    current.exists = true;
    current.password = password;
    current.newPassword = undefined;
    current.history = [];
    current.notes = [
      result.backup ? `Saved. The previous version is kept as ${result.backup}.` : 'Saved.',
      ...result.renamed.map((r) => `Alias "${r.from}" was stored as "${r.to}".`),
    ];
    return { view: this.view(), backup: result.backup ?? null };
  }

  view(): KeystoreView {
    const current = this.require();
    return {
      handle: current.handle,
      file: current.file,
      type: current.store.type,
      writableType: current.writableType,
      exists: current.exists,
      entries: current.store.entries.map((entry) => ({
        alias: entry.alias,
        kind: entry.kind,
        created: entry.created.toISOString(),
        chain: entry.chain.map((cert) => describeCertificate(cert)),
      })),
      hiddenCertificates: current.store.hiddenCertificates?.length ?? 0,
      pending: current.history.map((s) => s.label),
      notes: current.notes,
    };
  }
}
