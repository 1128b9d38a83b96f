// What every `rwsec keystore` subcommand shares: option parsing, passwords, opening and saving
// the store, and turning failures into one clear line and an exit code.
import { EXIT_FINDINGS, type CliIo } from '../../command';
import {
  parseOptions,
  stringOpt,
  UsageError,
  type Options,
  type Values,
} from '../../parse-options';
import type { Keystore, WritableStoreType } from '../../../services/keystore/model';
import {
  saveStore,
  type SaveOptions,
  type SaveResult,
} from '../../../services/keystore/store-file';
import { requireSecret, secretHelp } from '../../secret-input';
import { cliUserError, reportUserError } from '../../cli-errors';

export interface Subcommand {
  name: string;
  summary: string;
  usage: string;
  /** Option lines for the help text. */
  details: string[];
  options: Options;
  /** Number of positionals: [min, max]. */
  positionals: [number, number];
  run(values: Values, positionals: string[], io: CliIo): Promise<number>;
}

export const storepassOptions: Options = {
  storepass: { type: 'string' },
  'storepass-env': { type: 'string' },
};

export const storepassHelp = secretHelp('storepass', 'RWSEC_STOREPASS', 'store password');

export function parse(sub: Subcommand, args: string[]): { values: Values; positionals: string[] } {
  const parsed = parseOptions(args, sub.options, true);
  const [min, max] = sub.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new UsageError(`usage: rwsec keystore ${sub.usage}`);
  }
  return parsed;
}

/** The store password from --storepass / --storepass-env / RWSEC_STOREPASS / prompt. */
export function storePassword(
  io: CliIo,
  values: Values,
  file: string,
  extra: { confirm?: boolean; minLength?: number } = {},
): Promise<string> {
  return requireSecret(io, {
    option: 'storepass',
    value: stringOpt(values, 'storepass'),
    envName: stringOpt(values, 'storepass-env'),
    defaultEnv: 'RWSEC_STOREPASS',
    prompt: `Password for ${file}: `,
    ...extra,
  });
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

export function storeTypeOpt(values: Values): WritableStoreType | undefined {
  const t = stringOpt(values, 'storetype')?.toUpperCase();
  if (t === undefined) return undefined;
  if (t === 'JKS' || t === 'PKCS12') return t;
  if (t === 'P12' || t === 'PFX') return 'PKCS12';
  throw new UsageError(`--storetype must be jks or pkcs12 (got '${t.toLowerCase()}').`);
}

/**
 * Exit codes (documented in `rwsec keystore --help`): 2 for input we cannot read (wrong password,
 * corrupt or missing file, bad arguments), 1 for an operation refused for a stated reason.
 */
export function reportError(io: CliIo, err: unknown, prefix: string): number {
  if (cliUserError(err)) return reportUserError(io, prefix, err);
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    const path = (err as NodeJS.ErrnoException).path;
    io.err(`${prefix}: cannot write ${path ?? 'the file'} (${code}); nothing was changed.`);
    return EXIT_FINDINGS;
  }
  throw err;
}
