// Store files on disk: open with a password, save atomically with a backup of the previous file
// (.rwsec-backups/<name>.<timestamp>.bak, by files/safe-save). A save never leaves a half-written
// store: the new bytes must read back with the new password before the old file is replaced.
import { promises as fs } from 'node:fs';
import { extname } from 'node:path';
import { SaveError } from '../files/file-errors';
import { saveBytes } from '../files/safe-save';
import { KeystoreError, type Keystore, type Pkcs12Profile, type WritableStoreType } from './model';
import { readKeystore, readKeystoreFile } from './read';
import { writeKeystoreWithReport, type AliasRename } from './write';

export async function storeExists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The store type for a new file: asked for, else guessed from the extension, else PKCS12 (JDK 9+). */
export function typeForNewFile(file: string, asked?: string): WritableStoreType {
  const wanted = asked?.toUpperCase();
  if (wanted === 'JKS' || wanted === 'PKCS12' || wanted === 'PEM') return wanted;
  if (wanted === 'P12' || wanted === 'PFX') return 'PKCS12';
  if (wanted !== undefined) {
    throw new KeystoreError(
      'unsupported',
      `Store type '${asked}' cannot be written: use jks or pkcs12.`,
      file,
    );
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.jks' || ext === '.keystore' || ext === '.truststore') return 'JKS';
  if (ext === '.pem' || ext === '.crt') return 'PEM';
  return 'PKCS12';
}

export interface SaveOptions {
  type: WritableStoreType;
  password: string;
  /** JKS only: protect private keys with this instead of the store password. */
  keyPassword?: string;
  profile?: Pkcs12Profile;
  /** The bytes the store was read from: the save is refused if the file changed since. */
  expectedOriginal?: Uint8Array;
}

export interface SaveResult {
  renamed: AliasRename[];
  /** Where the previous content was kept (undefined for a new file). */
  backup?: string;
}

export interface EncodedStore {
  bytes: Buffer;
  renamed: AliasRename[];
}

/**
 * The store's bytes for `file`, read back with the new password before anything touches the disk:
 * a writer bug must not cost a store. The heavy half of a save (encryption, MAC, the read-back),
 * so the app runs it in a worker (services/heavy) and only saveEncodedStore on its main thread.
 */
export function encodeStore(
  file: string,
  store: Keystore,
  options: Omit<SaveOptions, 'expectedOriginal'>,
): EncodedStore {
  if (options.type === 'PKCS12' && /[^\x20-\x7e]/.test(options.password)) {
    // JDK 17 refuses it ("Password is not ASCII"): such a PKCS12 could never be opened by RWS.
    throw new KeystoreError(
      'unsupported',
      `Java cannot open a PKCS12 store whose password has non-ASCII characters; ${file} was not written. Use an ASCII password, or JKS.`,
      file,
    );
  }
  const written = writeKeystoreWithReport(store, {
    type: options.type,
    password: options.password,
    keyPassword: options.keyPassword,
    profile: options.profile,
  });
  let problem: string | undefined;
  try {
    const check = readKeystore(written.bytes, {
      password: options.password,
      keyPassword: options.keyPassword,
      file,
    });
    if (check.entries.length !== store.entries.length) problem = 'entries were lost on the way';
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (problem !== undefined) {
    throw new SaveError(
      `${file}: not saved, the new content failed its check: ${problem}`,
      'verify-failed',
      file,
    );
  }
  return { bytes: written.bytes, renamed: written.renamed };
}

/** Writes encoded store bytes to `file` (new or replaced), keeping a backup of the previous content. */
export async function saveEncodedStore(
  file: string,
  encoded: EncodedStore,
  options: Pick<SaveOptions, 'expectedOriginal'> = {},
): Promise<SaveResult> {
  const result = await saveBytes(
    file,
    encoded.bytes,
    options.expectedOriginal ? { expectedOriginal: options.expectedOriginal } : {},
  );
  return { renamed: encoded.renamed, backup: result.backup };
}

/** Writes the store to `file` (new or replaced), keeping a backup of the previous content. */
export async function saveStore(
  file: string,
  store: Keystore,
  options: SaveOptions,
): Promise<SaveResult> {
  return saveEncodedStore(file, encodeStore(file, store, options), options);
}

/** The type a store read from disk is written back as (JCEKS/DER/PKCS7 cannot be written). */
export function writableTypeOf(store: Keystore, file: string): WritableStoreType {
  if (store.type === 'JKS' || store.type === 'PKCS12' || store.type === 'PEM') return store.type;
  if (store.type === 'JCEKS') {
    throw new KeystoreError(
      'unsupported',
      `${file} is a JCEKS store, which we read but do not write: convert it to JKS or PKCS12 (rwsec keystore convert).`,
      file,
    );
  }
  throw new KeystoreError(
    'unsupported',
    `${file} is a ${store.type} certificate file, not a key store: import it into one instead.`,
    file,
  );
}

/** keytool -storepasswd: re-writes the store under a new password (keys follow it). */
export async function changeStorePassword(
  file: string,
  oldPassword: string,
  newPassword: string,
  options: { keyPassword?: string; profile?: Pkcs12Profile } = {},
): Promise<SaveResult> {
  const { store, bytes } = readKeystoreFile(file, {
    password: oldPassword,
    keyPassword: options.keyPassword,
  });
  return saveStore(file, store, {
    type: writableTypeOf(store, file),
    password: newPassword,
    profile: options.profile,
    expectedOriginal: bytes,
  });
}

/**
 * keytool -keypasswd, JKS only. PKCS12 has one password for the store and its keys (keytool
 * ignores -keypass there too). Note that Jetty opens keys with the STORE password unless
 * keyManagerPassword is set, so a different key password breaks RWS's HTTPS connector.
 */
export async function changeKeyPassword(
  file: string,
  storePassword: string,
  oldKeyPassword: string | undefined,
  newKeyPassword: string,
): Promise<SaveResult> {
  const { store, bytes } = readKeystoreFile(file, {
    password: storePassword,
    keyPassword: oldKeyPassword,
  });
  if (store.type !== 'JKS') {
    throw new KeystoreError(
      'unsupported',
      `${file} is ${store.type}: its keys use the store password; change that with \`rwsec keystore passwd\`.`,
      file,
    );
  }
  return saveStore(file, store, {
    type: 'JKS',
    password: storePassword,
    keyPassword: newKeyPassword === storePassword ? undefined : newKeyPassword,
    expectedOriginal: bytes,
  });
}
