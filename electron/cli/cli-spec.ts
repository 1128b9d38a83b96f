// How a `rwsec` command declares itself, once: its options (name, alias, type, help, secret or
// not), its arguments and its help prose. The help text (cli-help.ts), the parser and its usage
// errors (cli-parse.ts) and the dispatch to subcommands (cli-run.ts) are derived from it, so a
// new option is one entry here and nowhere else.
import type { CliIo } from './command';

interface OptionBase {
  /** One-letter alias: 'i' makes -i the same as --inventory. */
  short?: string;
  /** Help text; further lines continue under the first in the option list. */
  help: string | readonly string[];
  /** Accepted but not listed in the help (kept so old scripts keep working). */
  hidden?: boolean;
}

export interface FlagOption extends OptionBase {
  type: 'boolean';
}

export interface StringOption extends OptionBase {
  type: 'string';
  /** The value's name in the help and usage: FILE, PATTERN, NAME (default VALUE). */
  arg?: string;
  /** May be given several times; the value is the list, in order. */
  repeatable?: boolean;
  required?: boolean;
  /** A password or key: its value never appears in a message, and the help says `ps` shows it. */
  secret?: boolean;
  /** The accepted values, compared without case; the value is the lower-case one. */
  choices?: readonly string[];
}

export interface IntOption extends OptionBase {
  type: 'int';
  arg?: string;
  min: number;
  max: number;
  required?: boolean;
}

export type OptionSpec = FlagOption | StringOption | IntOption;

/** How help and messages name an option's value: FILE, N, jks|pkcs12. */
export function argName(spec: StringOption | IntOption): string {
  if (spec.arg !== undefined) return spec.arg;
  if (spec.type === 'string' && spec.choices) return spec.choices.join('|');
  return spec.type === 'int' ? 'N' : 'VALUE';
}
export type OptionSpecs = Record<string, OptionSpec>;

type ValueOf<S> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'int' }
    ? S extends { required: true }
      ? number
      : number | undefined
    : S extends { repeatable: true }
      ? string[]
      : S extends { choices: readonly (infer C)[] }
        ? S extends { required: true }
          ? C
          : C | undefined
        : S extends { required: true }
          ? string
          : string | undefined;

/** The parsed values of a declaration: flags are booleans, repeatables lists, ints numbers. */
export type ParsedValues<O extends OptionSpecs> = { -readonly [K in keyof O]: ValueOf<O[K]> };

/** The positional arguments: how the usage line names them and how many are allowed. */
export interface ArgsSpec {
  usage: string;
  min: number;
  max: number;
}

export interface RunInput<O extends OptionSpecs> {
  values: ParsedValues<O>;
  args: string[];
  io: CliIo;
}

export interface LeafCommand<O extends OptionSpecs = OptionSpecs> {
  kind: 'leaf';
  /** The words after `rwsec`: 'validate', 'keystore import'. */
  name: string;
  /** One line, listed by the parent group (top-level summaries live in commands/index.ts). */
  summary?: string;
  /** Usage lines after `rwsec NAME`, for commands whose modes a derived line cannot show. */
  usage?: readonly string[];
  args?: ArgsSpec;
  options: O;
  /** What the command does, before the option list. */
  description?: readonly string[];
  /** After the option list: exit status and notes. Computed at help time when a function. */
  epilogue?: readonly string[] | (() => readonly string[]);
  /** Turns a failure of this command's own into a UserFacingError (the one error door). */
  translateError?: (error: unknown) => unknown;
  run(input: RunInput<O>): Promise<number>;
}

export interface GroupCommand {
  kind: 'group';
  name: string;
  summary?: string;
  description?: readonly string[];
  subcommands: readonly CliCommand[];
  epilogue?: readonly string[];
  /** Like a leaf's, for every subcommand that has none of its own. */
  translateError?: (error: unknown) => unknown;
}

export type CliCommand = LeafCommand | GroupCommand;

/** A command with its option types inferred from the declaration. */
export function defineCommand<const O extends OptionSpecs>(
  spec: Omit<LeafCommand<O>, 'kind'>,
): LeafCommand {
  return { kind: 'leaf', ...spec } as unknown as LeafCommand;
}

export function defineGroup(spec: Omit<GroupCommand, 'kind'>): GroupCommand {
  return { kind: 'group', ...spec };
}

/**
 * A password given as `--NAME P` (visible in `ps`), `--NAME-env VAR`, a default variable or a
 * terminal prompt: the two options, declared together.
 */
export function secretOptions<const N extends string>(
  name: N,
  what: string,
  defaultEnv?: string,
  prompts = true,
): Record<N | `${N}-env`, StringOption> {
  const env = defaultEnv ? ` (default ${defaultEnv})` : '';
  return {
    [name]: {
      type: 'string',
      arg: 'P',
      secret: true,
      help: [what, '(visible to other users in `ps`: prefer the next one)'],
    },
    [`${name}-env`]: {
      type: 'string',
      arg: 'NAME',
      help: [
        `read it from environment variable NAME${env}`,
        ...(prompts ? ['without either, a terminal is asked (no echo)'] : []),
      ],
    },
  } as unknown as Record<N | `${N}-env`, StringOption>;
}
