// What every `rwsec keystore` subcommand shares: the store and password options, opening and
// saving the store, and write failures as refusals.
import type { CliIo } from '../../command';
import type { StringOption } from '../../cli-spec';
import { UserFacingError } from '../../../../shared/user-error';
import type { Keystore, WritableStoreType } from '../../../services/keystore/model';
import {
  saveStore,
  type SaveOptions,
  type SaveResult,
} from '../../../services/keystore/store-file';
import { storePassword as askStorePassword, type StorepassValues } from '../store-password';

export { storepassOptions } from '../store-password';

/** Appended to every keystore subcommand's help. */
export const keystoreEpilogue = [
  'Exit codes: 0 done; 1 refused for a stated reason (alias exists or missing, reply does not',
  'chain, output file exists...); 2 unreadable input (wrong password, corrupt or missing file,',
  'bad arguments). A failed command never changes the store; a change keeps the previous file in',
  '.rwsec-backups/ beside it.',
];

/** The store every keystore subcommand works on. */
export const storeArg = { usage: 'STORE', min: 1, max: 1 } as const;

/** The store password from --storepass / --storepass-env / RWSEC_STOREPASS / prompt. */
export function storePassword(
  io: CliIo,
  values: StorepassValues,
  file: string,
  extra: { confirm?: boolean; minLength?: number } = {},
): Promise<string> {
  return askStorePassword(io, values, `Password for ${file}: `, extra);
}

/** Saves and tells the user about lower-cased aliases and the backup. */
export async function save(
  io: CliIo,
  file: string,
  store: Keystore,
  options: SaveOptions,
): Promise<SaveResult> {
  const result = await saveStore(file, store, options);
  for (const r of result.renamed) {
    io.err(`note: alias "${r.from}" is stored as "${r.to}" (Java lower-cases aliases).\n`);
  }
  if (result.backup) io.err(`Previous ${file} kept as ${result.backup}\n`);
  return result;
}

export function printNotes(io: CliIo, notes: readonly string[]): void {
  for (const note of notes) io.err(`note: ${note}\n`);
}

/** --storetype as the store model names it (p12 and pfx are PKCS12 too). */
export const storetypeOption = {
  type: 'string',
  arg: 'jks|pkcs12',
  choices: ['jks', 'pkcs12', 'p12', 'pfx'],
  help: 'type of a NEW store (default from the extension, else pkcs12)',
} as const satisfies StringOption;

export function storeType(value: string | undefined): WritableStoreType | undefined {
  if (value === undefined) return undefined;
  return value === 'jks' ? 'JKS' : 'PKCS12';
}

/** --profile of a PKCS12 written: JDK 17 defaults or legacy 3DES/SHA-1. */
export const profileOption = {
  type: 'string',
  arg: 'strong|compatible',
  choices: ['strong', 'compatible'],
  help: 'PKCS12 encryption (compatible = 3DES/SHA-1 for old JREs)',
} as const satisfies StringOption;

/**
 * A file the store or output could not be written to (EACCES, ENOSPC, ...): refused (exit 1),
 * nothing was changed. Other failures are already UserFacingErrors, or bugs.
 */
export function keystoreWriteError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || error instanceof UserFacingError)
    return error;
  const path = (error as NodeJS.ErrnoException).path;
  return new UserFacingError(
    'refused',
    `cannot write ${path ?? 'the file'} (${code}); nothing was changed.`,
  );
}
