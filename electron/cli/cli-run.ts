// Runs a declared command (cli-spec.ts): `--help` anywhere prints the derived help, a group hands
// over to its subcommand, the arguments are parsed from the declaration, and every failure goes
// through the one error door (cli-errors.ts). A bad option or argument exits 2 with the message
// and the command's usage line.
import { terminalSafe } from '../../shared/terminal-safe';
import { reportUserError } from './cli-errors';
import { helpText, usageLines } from './cli-help';
import { asksForHelp, parseCommandLine, UsageError } from './cli-parse';
import type { CliCommand, GroupCommand, LeafCommand, OptionSpecs, ParsedValues } from './cli-spec';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo } from './command';

function usageHint(io: CliIo, cmd: CliCommand): void {
  const what = cmd.kind === 'group' ? 'its subcommands' : 'every option';
  io.err(`${usageLines(cmd).join('\n')}\nRun \`rwsec ${cmd.name} --help\` for ${what}.\n`);
}

type Translate = (error: unknown) => unknown;

async function runGroup(
  group: GroupCommand,
  argv: string[],
  io: CliIo,
  inherited?: Translate,
): Promise<number> {
  const [word, ...rest] = argv;
  if (word === '--help' || word === '-h') {
    io.out(helpText(group) + '\n');
    return EXIT_OK;
  }
  const sub = group.subcommands.find((s) => s.name === `${group.name} ${word}`);
  if (!sub) {
    const names = group.subcommands.map((s) => s.name.slice(group.name.length + 1)).join(', ');
    const what = word === undefined ? 'a subcommand is needed' : `unknown subcommand '${word}'`;
    io.err(`rwsec ${group.name}: ${terminalSafe(what)}; choose one of: ${names}\n`);
    usageHint(io, group);
    return EXIT_UNREADABLE;
  }
  return runCommand(sub, rest, io, group.translateError ?? inherited);
}

async function runLeaf(
  cmd: LeafCommand,
  argv: string[],
  io: CliIo,
  inherited?: Translate,
): Promise<number> {
  if (asksForHelp(argv)) {
    io.out(helpText(cmd) + '\n');
    return EXIT_OK;
  }
  try {
    const { values, args } = parseCommandLine(cmd.options, argv, cmd.args);
    // The parser built `values` from the same declaration that types them.
    return await cmd.run({ values: values as ParsedValues<OptionSpecs>, args, io });
  } catch (error) {
    const translate = cmd.translateError ?? inherited;
    const known = translate ? translate(error) : error;
    const code = reportUserError(io, `rwsec ${cmd.name}`, known);
    if (known instanceof UsageError) usageHint(io, cmd);
    return code;
  }
}

/** Runs `cmd` with the words after its name; returns the exit code. */
export function runCommand(
  cmd: CliCommand,
  argv: string[],
  io: CliIo,
  inherited?: Translate,
): Promise<number> {
  return cmd.kind === 'group'
    ? runGroup(cmd, argv, io, inherited)
    : runLeaf(cmd, argv, io, inherited);
}
