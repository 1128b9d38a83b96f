// STUB (owned by the catalog work): the option catalog, one source for forms, validation, CLI help
// and `rwsec schema`. The interface below is what other parts code against.
export type OptionType =
  | 'boolean'
  | 'integer'
  | 'port'
  | 'string'
  | 'path'
  | 'secret'
  | 'trust' // true | false | path
  | 'list'; // comma-separated string

export type SecretForm = 'plain' | 'OBF' | 'CRYPT';

export interface OptionSpec {
  /** Dotted path from the document root. */
  path: string;
  type: OptionType;
  default?: unknown;
  allowed?: readonly string[];
  /** For secrets: the forms the server can read for this option. */
  secretForms?: readonly SecretForm[];
  help: string;
  /** The guide's procedure this option belongs to. */
  procedure: string;
}

export const options: readonly OptionSpec[] = [];

export function findOption(path: string): OptionSpec | undefined {
  return options.find((o) => o.path === path);
}
