// The parser derived from a command's declaration (cli-spec.ts). Every mistake is a UsageError
// that names the option (never a secret's value); the runner prints it with the command's usage
// line and exits 2, like every unreadable input.
import { UserFacingError } from '../../shared/user-error';
import { argName, type ArgsSpec, type OptionSpec, type OptionSpecs } from './cli-spec';

/** A bad argument or option: exit 2, printed with the command's usage line. */
export class UsageError extends UserFacingError {
  constructor(message: string) {
    super('bad-request', message);
  }
}

export interface ParsedLine {
  values: Record<string, unknown>;
  args: string[];
}

/** `-i` / `--inventory` -> the declared name. */
function lookup(options: OptionSpecs, token: string): [string, OptionSpec] | undefined {
  const name = token.startsWith('--')
    ? token.slice(2)
    : Object.keys(options).find((k) => options[k]?.short === token.slice(1));
  const spec = name === undefined || !Object.hasOwn(options, name) ? undefined : options[name];
  return name !== undefined && spec ? [name, spec] : undefined;
}

function convert(name: string, spec: OptionSpec, raw: string): unknown {
  const shown = spec.type === 'string' && spec.secret ? 'a value' : `'${raw}'`;
  if (spec.type === 'int') {
    const n = Number(raw);
    if (!/^[0-9]+$/.test(raw) || n < spec.min || n > spec.max) {
      throw new UsageError(
        `--${name} must be a whole number from ${spec.min} to ${spec.max} (got ${shown}).`,
      );
    }
    return n;
  }
  if (spec.type === 'string' && spec.choices) {
    const value = raw.toLowerCase();
    if (!spec.choices.includes(value))
      throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')} (got ${shown}).`);
    return value;
  }
  return raw;
}

function initialValues(options: OptionSpecs): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(options)) {
    if (spec.type === 'boolean') values[name] = false;
    else if (spec.type === 'string' && spec.repeatable) values[name] = [];
  }
  return values;
}

function checkArgs(args: string[], spec: ArgsSpec | undefined): void {
  const { usage, min, max } = spec ?? { usage: '', min: 0, max: 0 };
  if (args.length >= min && args.length <= max) return;
  if (max === 0) throw new UsageError(`takes no argument (got '${args[0] ?? ''}').`);
  const got = `got ${args.length} argument${args.length === 1 ? '' : 's'}`;
  throw new UsageError(`expected ${usage} (${got}).`);
}

/** Parses `argv` against the declaration; `--` ends the options. */
export function parseCommandLine(
  options: OptionSpecs,
  argv: readonly string[],
  argsSpec?: ArgsSpec,
): ParsedLine {
  const values = initialValues(options);
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-' || /^-[0-9]/.test(token)) {
      args.push(token);
      continue;
    }
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const flag = eq < 0 ? token : token.slice(0, eq);
    const found = lookup(options, flag);
    if (!found) throw new UsageError(`unknown option ${flag}.`);
    const [name, spec] = found;
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value.`);
      values[name] = true;
      continue;
    }
    let raw = eq >= 0 ? token.slice(eq + 1) : argv[i + 1];
    if (eq < 0) {
      if (raw === undefined || (raw.startsWith('--') && raw.length > 2)) {
        throw new UsageError(`--${name} needs a value (--${name} ${argName(spec)}).`);
      }
      i++;
    }
    raw = raw as string;
    const value = convert(name, spec, raw);
    if (spec.type === 'string' && spec.repeatable) (values[name] as unknown[]).push(value);
    else values[name] = value;
  }
  for (const [name, spec] of Object.entries(options)) {
    if (spec.type !== 'boolean' && spec.required && values[name] === undefined)
      throw new UsageError(`--${name} ${argName(spec)} is required.`);
  }
  checkArgs(args, argsSpec);
  return { values, args };
}

/** True when -h or --help comes before any `--`. */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
