// What every `rwsec keystore` subcommand shares: option parsing, passwords, opening and saving
// the store, and turning failures into one clear line and an exit code.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT_FINDINGS, EXIT_UNREADABLE, type CliIo } from '../../command';
import {
  KeystoreError,
  type Keystore,
  type WritableStoreType,
} from '../../../services/keystore/model';
import {
  openStore,
  openStoreWithBytes,
  saveStore,
  type SaveOptions,
  type SaveResult,
} from '../../../services/keystore/store-file';
import { KeyFileError } from '../../../services/keystore/operations';
import { requireSecret, SecretInputError, secretHelp } from '../../secret-input';
import { NameSyntaxError } from '../../../services/x509/names';
import { KeySpecError } from '../../../services/x509/keys';
import { ValidityError } from '../../../services/x509/extensions';
import { CsrError } from '../../../services/x509/csr';
import { SignError } from '../../../services/x509/sign';
import { CaReplyError } from '../../../services/x509/ca-reply';
import { SaveError } from '../../../services/files/file-errors';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

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

/** A bad argument: exit 2, like every unreadable input. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const storepassOptions: Options = {
  storepass: { type: 'string' },
  'storepass-env': { type: 'string' },
};

export const storepassHelp = secretHelp('storepass', 'RWSEC_STOREPASS', 'store password');

export function parse(sub: Subcommand, args: string[]): { values: Values; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: sub.options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [min, max] = sub.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new UsageError(`usage: rwsec keystore ${sub.usage}`);
  }
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

export function stringOpt(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function requiredOpt(values: Values, name: string): string {
  const v = stringOpt(values, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required.`);
  return v;
}

export function intOpt(values: Values, name: string): number | undefined {
  const v = stringOpt(values, name);
  if (v === undefined) return undefined;
  if (!/^[0-9]+$/.test(v)) throw new UsageError(`--${name} must be a whole number (got '${v}').`);
  return Number(v);
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

export function open(file: string, password: string, keyPassword?: string): Keystore {
  return openStore(file, { password, keyPassword });
}

/** Opens a store to change it: the save is refused if the file changes in between. */
export function openForEdit(file: string, password: string): { store: Keystore; bytes: Buffer } {
  return openStoreWithBytes(file, { password });
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

const unreadable = new Set(['wrong-password', 'password-required', 'corrupt', 'not-found']);

/**
 * Exit codes (documented in `rwsec keystore --help`): 2 for input we cannot read (wrong password,
 * corrupt or missing file, bad arguments), 1 for an operation refused for a stated reason.
 */
export function reportError(io: CliIo, err: unknown, prefix: string): number {
  const say = (message: string) => io.err(`${prefix}: ${message}\n`);
  if (err instanceof KeystoreError) {
    say(err.message);
    return unreadable.has(err.code) ? EXIT_UNREADABLE : EXIT_FINDINGS;
  }
  if (
    err instanceof UsageError ||
    err instanceof SecretInputError ||
    err instanceof NameSyntaxError ||
    err instanceof KeySpecError ||
    err instanceof ValidityError ||
    err instanceof CsrError ||
    err instanceof KeyFileError
  ) {
    say(err.message);
    return EXIT_UNREADABLE;
  }
  if (err instanceof SignError || err instanceof CaReplyError || err instanceof SaveError) {
    say(err.message);
    return EXIT_FINDINGS;
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    const path = (err as NodeJS.ErrnoException).path;
    say(`cannot write ${path ?? 'the file'} (${code}); nothing was changed.`);
    return EXIT_FINDINGS;
  }
  throw err;
}
