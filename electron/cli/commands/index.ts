import type { Command } from '../command';
import { getCommand } from './get';
import { setCommand } from './set';
import { validateCommand } from './validate';
import { schemaCommand } from './schema';
import { chainCommand } from './chain';
import { probeCommand } from './probe';
import { obfCommand } from './obf';
import { keystoreCommand } from './keystore';
import { serveCommand } from './serve';

/** Every subcommand, in the order `rwsec --help` lists them. Add one line per command module. */
export const commands: Command[] = [
  serveCommand,
  validateCommand,
  schemaCommand,
  getCommand,
  setCommand,
  keystoreCommand,
  chainCommand,
  probeCommand,
  obfCommand,
];
