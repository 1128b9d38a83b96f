// Option parsing shared by the rwsec commands: one place decides how a bad option is reported
// (the command's name, the reason, then its help, on stderr).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

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
