// The keystore.* channels: the keystore manager over the keystore engine. One KeystoreSession per
// editing session (the chain preview reads the same open store for "Preview chain").
import type { ApiHandlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/dispatch';
import { parseCertificateBytes } from '../services/chain/cert-input';
import { KeystoreError } from '../services/keystore/model';
import {
  createCsr,
  deleteAlias,
  exportCertificate,
  exportPrivateKey,
  importCaReply,
  renameAlias,
} from '../services/keystore/operations';
import { keySpec } from '../services/x509/keys';
import { parseSanList } from '../services/x509/names';
import type { EditingSession } from '../services/session/editing-session';
import {
  configuredPassword,
  storeOption,
  storeOptions,
  valueAt,
} from '../services/kits/config-passwords';
import { checkFile } from '../services/session/file-check';
import { readInputBytes } from './input-bytes';
import { KeystoreSession } from '../services/keystore/keystore-session';
import type { HeavyWork } from '../services/heavy/heavy-work';
import { inlineWork } from '../services/heavy/inline-work';

type KeystoreChannel = Extract<keyof ApiHandlers, `keystore.${string}`>;
export type KeystoreHandlers = Pick<ApiHandlers, KeystoreChannel>;

const sessions = new WeakMap<EditingSession, KeystoreSession>();

/**
 * The keystore manager's store for this editing session (created on first use, with the heavy
 * work runner of the first caller: both handler groups of one host pass the same).
 */
export function keystoreSessionFor(
  session: EditingSession,
  work: HeavyWork = inlineWork,
): KeystoreSession {
  let found = sessions.get(session);
  if (!found) {
    found = new KeystoreSession(work);
    sessions.set(session, found);
  }
  return found;
}

/** The password for a store named by a config option, as the server would open it. */
async function passwordFromConfig(
  session: EditingSession,
  configKey: string,
): Promise<{ password: string | undefined; key?: string }> {
  const option = storeOption(configKey);
  if (!option || !session.file) return { password: undefined };
  const { values } = await session.state();
  const found = configuredPassword(values, option);
  if (found.kind === 'crypt') {
    throw new ApiError(
      'failed',
      `${found.key} holds an encrypted (CRYPT:/MD5:) value that cannot be decoded here: type the store password.`,
    );
  }
  return found.kind === 'known'
    ? { password: found.password, key: found.key }
    : { password: undefined };
}

/** The file a store option names, or undefined for true/false (trust flags) and absent keys. */
function storePathOf(values: unknown, key: string): string | undefined {
  const raw = valueAt(values, key);
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  return text === '' || text === 'true' || text === 'false' ? undefined : text;
}

function safeFileName(alias: string, extension: string): string {
  return `${alias.replace(/[^A-Za-z0-9._-]+/g, '_') || 'entry'}.${extension}`;
}

export function createKeystoreHandlers(
  session: EditingSession,
  work: HeavyWork = inlineWork,
): KeystoreHandlers {
  const keystores = keystoreSessionFor(session, work);
  const run = <R>(operation: () => Promise<R>) => keystores.serial(operation);
  const resolvePath = (path: string) => session.resolvePath(path);

  return {
    'keystore.state': () => run(async () => ({ view: keystores.isOpen ? keystores.view() : null })),
    'keystore.open': ({ path, password, configKey, create }) =>
      run(async () => {
        const file = resolvePath(path);
        const configured =
          password === undefined && configKey !== undefined
            ? await passwordFromConfig(session, configKey)
            : { password: undefined };
        try {
          return await keystores.open(file, password ?? configured.password ?? '', create);
        } catch (error) {
          if (
            error instanceof KeystoreError &&
            (error.code === 'wrong-password' || error.code === 'password-required')
          ) {
            const why =
              configured.key !== undefined
                ? `The password in ${configured.key} does not open ${file}: it is wrong, or the file is not the store it names. Type the store password.`
                : password === undefined || password === ''
                  ? `${file} needs its store password: type it.`
                  : error.message;
            throw new ApiError('failed', why);
          }
          throw error;
        }
      }),
    'keystore.close': () =>
      run(async () => {
        keystores.close();
        return { view: null };
      }),
    'keystore.generate': ({ handle, alias, dname, san, keyAlgorithm, keySize, days, ca }) =>
      run(async () => {
        const result = await work.run('addSelfSigned', keystores.store(handle), {
          alias,
          dname,
          san: parseSanList(san),
          key: keySpec(keyAlgorithm, keySize),
          days,
          ...(ca ? { ca } : {}),
        });
        return keystores.apply(
          handle,
          `generated the key pair "${result.entry.alias}"`,
          result.store,
          [`Generated the key pair "${result.entry.alias}".`, ...result.notes],
        );
      }),
    'keystore.import': ({ handle, input, alias, password }) =>
      run(async () => {
        const store = keystores.store(handle);
        const bytes = await readInputBytes(input, resolvePath);
        const result = await work.run('importMaterial', store, bytes, {
          ...(alias !== undefined ? { alias } : {}),
          ...(password !== undefined && password !== '' ? { password } : {}),
        });
        if (!result.changed) throw new ApiError('failed', result.notes.join(' '));
        return keystores.apply(handle, `imported ${bytes.name}`, result.store, result.notes);
      }),
    'keystore.csr': ({ handle, alias }) =>
      run(async () => ({
        pem: await createCsr(keystores.store(handle), alias),
        fileName: safeFileName(alias, 'csr'),
      })),
    'keystore.reply': ({ handle, alias, input }) =>
      run(async () => {
        const bytes = await readInputBytes(input, resolvePath);
        const certs = parseCertificateBytes(bytes.bytes, bytes.name).certificates.map(
          (c) => c.cert,
        );
        const result = importCaReply(keystores.store(handle), alias, certs);
        return keystores.apply(
          handle,
          `imported the CA reply for "${alias}"`,
          result.store,
          result.notes,
        );
      }),
    'keystore.export': ({ handle, alias, what, passphrase }) =>
      run(async () => {
        const store = keystores.store(handle);
        if (what === 'private-key') {
          if (passphrase === undefined) {
            throw new ApiError(
              'bad-request',
              'A private key is exported only encrypted: give a passphrase.',
            );
          }
          return {
            pem: exportPrivateKey(store, alias, passphrase),
            fileName: safeFileName(alias, 'key.pem'),
          };
        }
        const pem = exportCertificate(store, alias, {
          format: 'PEM',
          chain: what === 'chain',
        }).toString('utf8');
        return { pem, fileName: safeFileName(alias, what === 'chain' ? 'chain.pem' : 'crt') };
      }),
    'keystore.delete': ({ handle, alias }) =>
      run(async () =>
        keystores.apply(handle, `deleted "${alias}"`, deleteAlias(keystores.store(handle), alias), [
          `Deleted "${alias}". Undo brings it back until you save.`,
        ]),
      ),
    'keystore.rename': ({ handle, from, to }) =>
      run(async () => {
        const result = renameAlias(keystores.store(handle), from, to);
        return keystores.apply(handle, `renamed "${from}" to "${to}"`, result.store, result.notes);
      }),
    'keystore.passwd': ({ handle, password }) =>
      run(async () => keystores.setPassword(handle, password)),
    'keystore.undo': ({ handle }) => run(async () => keystores.undo(handle)),
    'keystore.save': ({ handle }) => run(() => keystores.save(handle)),
    'keystore.configStores': async () => {
      if (!session.file) return { stores: [] };
      const { values } = await session.state();
      const stores = await Promise.all(
        storeOptions.map(async (option) => {
          const value = storePathOf(values, option.key);
          if (value === undefined) return [];
          const file = await checkFile(resolvePath(value));
          const password = configuredPassword(values, option).kind;
          return [{ key: option.key, label: option.label, value, ...file, password }];
        }),
      );
      return {
        stores: stores.flat().map(({ description: _, ...store }) => store),
      };
    },
  };
}
