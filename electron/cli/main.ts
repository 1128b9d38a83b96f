import { terminalSafe } from '../../shared/terminal-safe';
import { commands } from './commands/index';
import { runCommand } from './cli-run';
import { EXIT_UNREADABLE, type CliIo } from './command';
import { promptSecret } from './prompt-secret';
import { rwsecVersion } from './version';

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'rwsec: secure Genesys Interaction Recording Web Services (RWS) configurations',
    '',
    'Usage: rwsec <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `rwsec <command> --help` for the options of one command.',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    // `rwsec help keystore import` is `rwsec keystore import --help`.
    const entry = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    if (entry) return runCommand(await entry.load(), [...rest.slice(1), '--help'], io);
    io.out(usage() + '\n');
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${rwsecVersion}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`rwsec: unknown command '${terminalSafe(name)}'\n\n${usage()}\n`);
    return EXIT_UNREADABLE;
  }
  return runCommand(await entry.load(), rest, io);
}

/** Process entry, called by electron/cli/rwsec.cjs. */
export function main(): void {
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    ...(process.stdin.isTTY ? { promptSecret } : {}),
  };
  runCli(process.argv.slice(2), io).then(
    async (code) => {
      process.exitCode = code;
      // Keys a kit's entry started early (key-prestart.cjs) but did not use, e.g. after a wrong
      // password: do not wait for them. Output is written synchronously to files and pipes.
      const { unusedPrestartedKeys } = await import('../services/x509/keys');
      if (unusedPrestartedKeys() > 0) process.exit(code);
    },
    (error: unknown) => {
      // Unexpected failures: say what happened without a stack trace (and without any secret
      // argument, which never reaches error messages by construction).
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`rwsec: ${terminalSafe(message)}\n`);
      process.exitCode = EXIT_UNREADABLE;
    },
  );
}
