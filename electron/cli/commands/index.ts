import type { Command } from '../command';

/** Every subcommand, in the order `rwsec --help` lists them. Add one line per command module. */
export const commands: Command[] = [];
