// Opens one store the config names, the way its server would, and lists its certificates as
// inventory rows. Failures become read errors that name the file and what to do; a password never
// appears in them (KeystoreError messages are built without it).
import type { InventoryCertificate, InventoryReadError } from '../../../shared/certs/inventory';
import { MAX_STORE_BYTES, readRegularFile } from '../files/bounded-read';
import { FileReadError } from '../files/file-errors';
import { KeystoreError, type Keystore } from '../keystore/model';
import { readKeystore } from '../keystore/read';
import { certificateRow, chainRole, type RowClock } from './certificate-row';
import type { StoreSource } from './config-sources';

export interface StoreReading {
  certificates: InventoryCertificate[];
  errors: InventoryReadError[];
}

const LOOSE_FILES = new Set<Keystore['type']>(['PEM', 'DER', 'PKCS7']);

function errnoText(error: unknown): { missing: boolean; text: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true, text: 'does not exist' };
  if (code === 'EISDIR') return { missing: false, text: 'is a folder, not a file' };
  if (code === 'EACCES' || code === 'EPERM')
    return {
      missing: false,
      text: 'cannot be read (permission denied): run as a user that may read it',
    };
  return { missing: false, text: `cannot be read (${code ?? String(error)})` };
}

/** The rows of an opened store: key entries as served chains, trusted entries as anchors. */
export function storeRows(
  store: Keystore,
  source: Pick<StoreSource, 'configKey' | 'file' | 'use'>,
  node: string,
  clock: RowClock,
): InventoryCertificate[] {
  const loose = LOOSE_FILES.has(store.type);
  const rows: InventoryCertificate[] = [];
  for (const entry of store.entries) {
    const alias = loose ? undefined : entry.alias;
    const place = { node, file: source.file, configKey: source.configKey, origin: 'file' as const };
    const withAlias = alias !== undefined ? { alias } : {};
    if (entry.kind === 'key' && source.use === 'keystore') {
      entry.chain.forEach((cert, index) => {
        rows.push(
          certificateRow(
            cert,
            { ...place, ...withAlias, index, role: chainRole(cert, index) },
            clock,
          ),
        );
      });
    } else {
      // In a trust file Java trusts each entry's first certificate (a key entry's leaf too).
      const cert = entry.chain[0];
      if (cert)
        rows.push(
          certificateRow(cert, { ...place, ...withAlias, index: 0, role: 'trust-anchor' }, clock),
        );
    }
  }
  return rows;
}

/**
 * Reads a file's bytes: the local disk, or a fleet node's over SSH. Throws a FileReadError (a
 * FIFO, a device, a folder or an oversized file is refused by the bounded reader) or errno-style.
 */
export type ReadBytes = (path: string) => Promise<Buffer>;

const readLocal: ReadBytes = (path) => readRegularFile(path, MAX_STORE_BYTES);

export async function readStoreSource(
  source: StoreSource,
  node: string,
  clock: RowClock,
  read: ReadBytes = readLocal,
): Promise<StoreReading> {
  const fail = (kind: InventoryReadError['kind'], message: string): StoreReading => ({
    certificates: [],
    errors: [{ node, file: source.file, configKey: source.configKey, kind, message }],
  });
  const named = `${source.configKey} ${source.file}`;
  let bytes: Buffer;
  try {
    bytes = await read(source.file);
  } catch (error) {
    if (error instanceof FileReadError && error.code !== 'missing') {
      // Its message names the file and what is wrong with it (a pipe, a device, too large).
      return fail('unreadable', `${source.configKey} ${error.message}.`);
    }
    const { missing, text } =
      error instanceof FileReadError ? { missing: true, text: 'does not exist' } : errnoText(error);
    return fail(
      missing ? 'missing' : 'unreadable',
      `${named} ${text}: fix ${source.configKey} in the config or put the file back.`,
    );
  }
  // A CRYPT: password is gir.jar's secret: JKS certificates are readable without it (only the
  // integrity check needs the password), as Java reads them; PKCS12 ones are not.
  const password = source.password.kind === 'known' ? source.password.password : undefined;
  let store: Keystore;
  try {
    store = readKeystore(bytes, {
      file: source.file,
      ...(password !== undefined ? { password } : {}),
    });
  } catch (error) {
    if (!(error instanceof KeystoreError)) throw error;
    if (error.code === 'wrong-password') {
      return fail(
        'wrong-password',
        `${source.passwordOption ?? 'the password'} does not open ${named}: set it to that store's password.`,
      );
    }
    if (error.code === 'password-required') {
      const why =
        source.password.kind === 'crypt'
          ? `${source.password.option} is CRYPT: (only gir.jar decrypts it)`
          : `no password option is set for it`;
      return fail(
        'password-unknown',
        `${named} needs its password to be read and ${why}: check it with rwsec keystore list FILE.`,
      );
    }
    return fail('unreadable', `${source.configKey}: ${error.message}`);
  }
  return { certificates: storeRows(store, source, node, clock), errors: [] };
}
