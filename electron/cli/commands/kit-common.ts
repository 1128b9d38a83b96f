// What the `rwsec kit` subcommands share: option parsing, passwords, committing a plan both or
// neither, reporting, and turning every expected failure into one clear line.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, type CliIo } from '../command';
import { requireSecret, SecretInputError, secretHelp } from '../secret-input';
import { RwsDocument } from '../../../shared/yaml/document';
import { ConfigFileError, diagnosticsForPaths } from '../../services/kits/config-values';
import { EncryptError, encryptWithGirJar } from '../../services/kits/encrypt';
import { KitError } from '../../services/kits/kit-error';
import { commitFiles, TransactionError, type PlannedFile } from '../../services/kits/transaction';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parse(args: string[], options: Options): Values {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: false, strict: true });
    return parsed.values as Values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function str(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function required(values: Values, name: string): string {
  const v = str(values, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required.`);
  return v;
}

export function int(values: Values, name: string, min: number, max: number): number | undefined {
  const v = str(values, name);
  if (v === undefined) return undefined;
  if (!/^[0-9]+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got '${v}').`);
  }
  return Number(v);
}

export function oneOf<T extends string>(
  values: Values,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = str(values, name)?.toLowerCase() ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${v}').`);
  }
  return v as T;
}

export const storepassOptions: Options = {
  storepass: { type: 'string' },
  'storepass-env': { type: 'string' },
};

export const storepassHelp = secretHelp('storepass', 'RWSEC_STOREPASS', 'store password');

export const girJarOptions: Options = { 'gir-jar': { type: 'string' }, java: { type: 'string' } };

export const girJarHelp = [
  '  --gir-jar PATH          write the config password as CRYPT: made by your RWS gir.jar',
  '                          (runs `java -jar gir.jar --encrypt <password>`: see `rwsec encrypt --help`)',
  '  --java PATH             the java to run gir.jar with (default JAVA_HOME, then PATH)',
];

export function storepass(io: CliIo, values: Values, what: string, minLength = 6): Promise<string> {
  return requireSecret(io, {
    option: 'storepass',
    value: str(values, 'storepass'),
    envName: str(values, 'storepass-env'),
    defaultEnv: 'RWSEC_STOREPASS',
    prompt: `Store password for ${what}: `,
    minLength,
  });
}

/** The CRYPT: form of `password` when --gir-jar is given (for RWS-read config passwords). */
export async function cryptIfAsked(
  values: Values,
  password: string,
  io: CliIo,
): Promise<string | undefined> {
  const girJar = str(values, 'gir-jar');
  if (girJar === undefined) return undefined;
  const java = str(values, 'java');
  return encryptWithGirJar(password, {
    girJar,
    ...(java !== undefined ? { java } : {}),
    env: io.env,
  });
}

export interface Outcome {
  files: PlannedFile[];
  warnings: string[];
  summary: string[];
  /** The config file written and the paths the kit set in it (checked after writing). */
  config?: { file: string; paths: string[] };
}

/** Commits every file of the plan (or none), then reports; checks the config values it set. */
export async function commitAndReport(
  prefix: string,
  outcome: Outcome,
  io: CliIo,
): Promise<number> {
  for (const w of outcome.warnings) io.err(`${prefix}: warning: ${w}\n`);
  const result = await commitFiles(outcome.files);
  for (const line of outcome.summary) io.out(`${line}\n`);
  if (result.backups.length > 0)
    io.out(`Previous versions kept as: ${result.backups.join(', ')}\n`);
  if (!outcome.config) return EXIT_OK;
  const text = outcome.files.find((f) => f.path === outcome.config?.file)?.data;
  if (typeof text !== 'string') return EXIT_OK;
  const mine = await diagnosticsForPaths(
    RwsDocument.parse(text),
    outcome.config.file,
    outcome.config.paths,
  );
  // Only errors: the kit has already warned about what it knows (e.g. a port below 1024).
  for (const d of mine.filter((x) => x.severity === 'error')) {
    io.err(
      `${outcome.config.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]\n`,
    );
  }
  return mine.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/** Turns expected failures into `prefix: message` and exit 2; anything else propagates. */
export async function guard(
  prefix: string,
  io: CliIo,
  body: () => Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (err) {
    const known =
      err instanceof UsageError ||
      err instanceof KitError ||
      err instanceof SecretInputError ||
      err instanceof ConfigFileError ||
      err instanceof EncryptError ||
      err instanceof TransactionError ||
      (err instanceof Error &&
        [
          'KeystoreError',
          'NameSyntaxError',
          'KeySpecError',
          'ValidityError',
          'CsrError',
          'SignError',
          'CaReplyError',
          'CertificateFileError',
          'KeyFileError',
          'YamlSyntaxError',
        ].includes(err.name));
    if (!known) throw err;
    io.err(`${prefix}: ${(err as Error).message}\n`);
    return EXIT_UNREADABLE;
  }
}
