// What the `rwsec kit` subcommands share: the password and gir.jar options, committing a plan
// both or neither, and reporting.
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../command';
import type { OptionSpecs } from '../cli-spec';
import { storePassword, type StorepassValues } from './store-password';
import { terminalSafe } from '../../../shared/terminal-safe';
import { RwsDocument } from '../../../shared/yaml/document';
import { diagnosticsForPaths } from '../../services/kits/config-values';
import { encryptWithGirJar } from '../../services/kits/encrypt';
import { commitFiles, type PlannedFile, type StartedCommit } from '../../services/kits/transaction';

export { storepassOptions } from './store-password';

export const girJarOptions = {
  'gir-jar': {
    type: 'string',
    arg: 'PATH',
    help: [
      'write the config password as CRYPT: made by your RWS gir.jar',
      '(runs `java -jar gir.jar --encrypt <password>`: see `rwsec encrypt --help`)',
    ],
  },
  java: {
    type: 'string',
    arg: 'PATH',
    help: 'the java to run gir.jar with (default JAVA_HOME, then PATH)',
  },
} as const satisfies OptionSpecs;

export const kitEpilogue = [
  'Exit status: 0 written; 1 written but `rwsec validate` reports errors on the values set, or',
  'refused for a stated reason (entry or kit already there, file changed on disk; nothing',
  'written); 2 unreadable input (wrong password, corrupt or missing file, bad options; nothing',
  'written).',
];

export function storepass(
  io: CliIo,
  values: StorepassValues,
  what: string,
  minLength = 6,
): Promise<string> {
  return storePassword(io, values, `Store password for ${what}: `, { minLength });
}

/** The CRYPT: form of `password` when --gir-jar is given (for RWS-read config passwords). */
export async function cryptIfAsked(
  values: { 'gir-jar': string | undefined; java: string | undefined },
  password: string,
  io: CliIo,
): Promise<string | undefined> {
  const girJar = values['gir-jar'];
  if (girJar === undefined) return undefined;
  const { java } = values;
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
  /** The commit begun while the plan was made (its folders and locks taken), if any. */
  started?: Promise<StartedCommit>,
): Promise<number> {
  for (const w of outcome.warnings) io.err(`${prefix}: warning: ${terminalSafe(w)}\n`);
  const result = started
    ? await (await started).finish(outcome.files)
    : await commitFiles(outcome.files);
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
