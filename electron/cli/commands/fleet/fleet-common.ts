// What every `rwsec fleet` subcommand shares: the inventory options, one SSH session that is
// always closed (master connections shut, socket folder removed), and the fleet's user errors.
import { InventoryError, readFleet, type FleetHost } from '../../../services/fleet/inventory';
import { DEFAULT_FORKS } from '../../../services/fleet/fleet-status';
import { KitPushError } from '../../../services/fleet/push-kit';
import { SshError, SshSession } from '../../../services/fleet/ssh-transport';
import { cliUserError } from '../../cli-errors';
import { EXIT_FINDINGS, EXIT_UNREADABLE, type CliIo } from '../../command';
import { intOpt, requiredOpt, stringOpt, UsageError, type Values } from '../../parse-options';

export const inventoryOptions = {
  inventory: { type: 'string', short: 'i' },
  limit: { type: 'string', short: 'l' },
  forks: { type: 'string', short: 'f' },
  json: { type: 'boolean', default: false },
} as const;

export const inventoryHelp = [
  '  -i, --inventory FILE   Ansible inventory, INI or YAML form (.yml/.yaml); each host needs',
  "                         rws_config = the path of the node's application.yaml; ansible_host,",
  '                         ansible_port, ansible_user, ansible_ssh_private_key_file and',
  '                         ansible_ssh_common_args are used as Ansible uses them',
  '  -l, --limit PATTERN    hosts or groups, comma-separated, !name excludes, &name intersects',
  `  -f, --forks N          nodes handled at once (default ${DEFAULT_FORKS})`,
  '  --json                 print the result as JSON',
];

export const transportHelp = [
  'Nodes are reached with the system ssh (your ~/.ssh/config, agent, ProxyJump and known_hosts',
  'apply), in batch mode, one multiplexed connection per node that is closed at the end. An',
  'unknown or changed host key is refused with the step to take; nothing is installed on the',
  'nodes: files are read and written with their POSIX shell.',
];

export async function hostsFrom(values: Values): Promise<FleetHost[]> {
  return readFleet(requiredOpt(values, 'inventory'), stringOpt(values, 'limit'));
}

export function forksFrom(values: Values): number {
  return intOpt(values, 'forks', { min: 1, max: 500 }) ?? DEFAULT_FORKS;
}

/** Runs `body` with an SSH session that is closed whatever happens, also on Ctrl+C. */
export async function withSession<T>(body: (session: SshSession) => Promise<T>): Promise<T> {
  const session = new SshSession();
  const onSignal = (signal: NodeJS.Signals) => {
    void session.close().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await body(session);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await session.close();
  }
}

/** Fleet failures a user can act on: bad inventory or options (2), a node's ssh failing (2). */
export async function fleetGuard(
  prefix: string,
  io: CliIo,
  body: () => Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (
      error instanceof InventoryError ||
      error instanceof SshError ||
      error instanceof UsageError ||
      error instanceof KitPushError
    ) {
      io.err(`${prefix}: ${error.message}\n`);
      return EXIT_UNREADABLE;
    }
    const known = cliUserError(error);
    if (!known) throw error;
    io.err(`${prefix}: ${known.message}\n`);
    return known.kind === 'refused' ? EXIT_FINDINGS : EXIT_UNREADABLE;
  }
}
