// What the `rwsec kit` subcommands share: option parsing, passwords, committing a plan both or
// neither, reporting, and turning every expected failure into one clear line.
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../command';
import { stringOpt, type Options, type Values } from '../parse-options';
import { requireSecret, secretHelp } from '../secret-input';
import { terminalSafe } from '../../../shared/terminal-safe';
import { RwsDocument } from '../../../shared/yaml/document';
import { diagnosticsForPaths } from '../../services/kits/config-values';
import { encryptWithGirJar } from '../../services/kits/encrypt';
import { commitFiles, type PlannedFile } from '../../services/kits/transaction';
import { reportUserError } from '../cli-errors';

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
    value: stringOpt(values, 'storepass'),
    envName: stringOpt(values, 'storepass-env'),
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
  const girJar = stringOpt(values, 'gir-jar');
  if (girJar === undefined) return undefined;
  const java = stringOpt(values, 'java');
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
  for (const w of outcome.warnings) io.err(`${prefix}: warning: ${terminalSafe(w)}\n`);
  const result = await commitFiles(outcome.files);
  // Summaries name certificate subjects, which come from files the kit was given.
  for (const line of outcome.summary) io.out(`${terminalSafe(line)}\n`);
  for (const file of result.readOnlyReplaced) {
    io.err(`${prefix}: note: ${file} was read-only; it was replaced and keeps its mode\n`);
  }
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

/**
 * Turns expected failures into `prefix: message`: exit 1 when refused (alias or kit exists, file
 * changed on disk), 2 when the input is unreadable; anything else propagates.
 */
export async function guard(
  prefix: string,
  io: CliIo,
  body: () => Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (err) {
    return reportUserError(io, prefix, err);
  }
}
