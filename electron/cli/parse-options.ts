// Option parsing shared by the rwsec commands: one place decides how a bad option is reported.
// `parseCommandArgs` prints the command's name, the reason, then its help, on stderr; the kit and
// keystore commands use `parseOptions` and the *Opt readers, whose mistakes are UsageErrors
// (exit 2, like every unreadable input).
import { UserFacingError } from '../../shared/user-error';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './command';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function parseCommandArgs<O extends Options>(
  command: string,
  args: string[],
  options: O,
  help: () => string,
  io: CliIo,
) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    io.err(`rwsec ${command}: ${(error as Error).message}\n\n${help()}\n`);
    return undefined;
  }
}

/** A bad argument or option. */
export class UsageError extends UserFacingError {
  constructor(message: string) {
    super('bad-request', message);
  }
}

export function parseOptions(
  args: string[],
  options: Options,
  allowPositionals = false,
): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options, allowPositionals, strict: true });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
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

/** A whole number, within [min, max] when a range is given. */
export function intOpt(
  values: Values,
  name: string,
  range?: { min: number; max: number },
): number | undefined {
  const v = stringOpt(values, name);
  if (v === undefined) return undefined;
  if (range === undefined) {
    if (!/^[0-9]+$/.test(v)) throw new UsageError(`--${name} must be a whole number (got '${v}').`);
    return Number(v);
  }
  const { min, max } = range;
  if (!/^[0-9]+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got '${v}').`);
  }
  return Number(v);
}

export function oneOfOpt<T extends string>(
  values: Values,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = stringOpt(values, name)?.toLowerCase() ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${v}').`);
  }
  return v as T;
}
