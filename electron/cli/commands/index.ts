import type { Command } from '../command';
import { getCommand } from './get';
import { setCommand } from './set';
import { validateCommand } from './validate';
import { schemaCommand } from './schema';
import { chainCommand } from './chain';
import { probeCommand } from './probe';

/** Every subcommand, in the order `rwsec --help` lists them. Add one line per command module. */
export const commands: Command[] = [
  validateCommand,
  schemaCommand,
  getCommand,
  setCommand,
  chainCommand,
  probeCommand,
];
