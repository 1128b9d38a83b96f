// Serialises the entry model to JKS, PKCS12 (strong or compatible) or PEM.
import { codecs } from './codecs';
import { KeystoreError, type Keystore, type Pkcs12Profile, type WritableStoreType } from './model';

export interface WriteOptions {
  type: WritableStoreType;
  /**
   * Store password; also protects the private keys unless keyPassword is given (JKS only).
   * PEM: a non-empty password encrypts the private keys (PKCS#8, AES-256); '' writes them plain.
   */
  password: string;
  keyPassword?: string;
  /** PKCS12 only; default 'strong'. */
  profile?: Pkcs12Profile;
}

export interface AliasRename {
  from: string;
  to: string;
}

export interface WrittenKeystore {
  bytes: Buffer;
  /** Aliases that were lower-cased on the way (tell the user). */
  renamed: AliasRename[];
}

/** Lower-cases aliases like the JDK; two aliases equal after that are 'alias-exists'. */
export function lowerCaseAliases(store: Keystore): { store: Keystore; renamed: AliasRename[] } {
  const renamed: AliasRename[] = [];
  const seen = new Set<string>();
  const entries = store.entries.map((entry) => {
    const alias = entry.alias.toLowerCase();
    if (seen.has(alias)) {
      throw new KeystoreError(
        'alias-exists',
        `Two entries are both named "${alias}" once lower-cased (as Java stores aliases); rename one.`,
      );
    }
    seen.add(alias);
    if (alias !== entry.alias) renamed.push({ from: entry.alias, to: alias });
    return { ...entry, alias };
  });
  return { store: { ...store, entries }, renamed };
}

/** Writes the store and reports aliases that were lower-cased. */
export function writeKeystoreWithReport(input: Keystore, options: WriteOptions): WrittenKeystore {
  const { store, renamed } = lowerCaseAliases(input);
  for (const entry of store.entries) {
    if (entry.kind === 'key' && entry.chain.length === 0 && options.type !== 'PEM') {
      throw new KeystoreError(
        'unsupported',
        `The key "${entry.alias}" has no certificate; a ${options.type} key entry needs one.`,
      );
    }
  }
  return { bytes: codecs[options.type].write(store, options), renamed };
}

/** Writes the store (aliases lower-cased; use writeKeystoreWithReport to learn which). */
export function writeKeystore(store: Keystore, options: WriteOptions): Buffer {
  return writeKeystoreWithReport(store, options).bytes;
}
