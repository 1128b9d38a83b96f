// `rwsec fleet`: every RWS node of an Ansible inventory, over OpenSSH.
import { EXIT_OK, EXIT_UNREADABLE, type Command } from '../command';
import { terminalSafeIo } from '../terminal-io';
import { fleetGuard } from './fleet/fleet-common';
import { pushKitHelp, pushKitUsage, runPushKit } from './fleet/fleet-push-kit-cli';
import { runSet, setHelp, setUsage } from './fleet/fleet-set-cli';
import { runStatus, statusHelp, statusUsage } from './fleet/fleet-status-cli';

const subcommands = {
  status: { run: runStatus, help: statusHelp, usage: statusUsage },
  set: { run: runSet, help: setHelp, usage: setUsage },
  'push-kit': { run: runPushKit, help: pushKitHelp, usage: pushKitUsage },
};

function help(): string {
  return [
    'Usage: rwsec fleet <subcommand> [options]    (rwsec fleet <subcommand> --help for one)',
    '',
    ...Object.values(subcommands).map((s) => `  rwsec ${s.usage}`),
    '',
    'The nodes come from an Ansible inventory and are reached with the system OpenSSH client.',
  ].join('\n');
}

export const fleetCommand: Command = {
  name: 'fleet',
  help,
  handlesSubcommandHelp: true,
  async run(args, io) {
    const [name, ...rest] = args;
    const sub =
      name !== undefined && Object.hasOwn(subcommands, name)
        ? subcommands[name as keyof typeof subcommands]
        : undefined;
    if (!sub) {
      io.err(`rwsec fleet: choose one of: ${Object.keys(subcommands).join(', ')}\n\n${help()}\n`);
      return EXIT_UNREADABLE;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`${sub.help()}\n`);
      return EXIT_OK;
    }
    // Node names, remote files, ssh errors and certificates reach the terminal: made safe.
    const safe = terminalSafeIo(io, rest.includes('--json'));
    return fleetGuard(`rwsec fleet ${name ?? ''}`, safe, () => sub.run(rest, safe));
  },
};
