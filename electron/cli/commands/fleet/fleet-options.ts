// The inventory options every fleet command takes (`rwsec fleet status/set/push-kit` and
// `rwsec certs -i`), declared once.
import { DEFAULT_FORKS } from '../../../services/fleet/fleet-status';
import type { OptionSpecs } from '../../cli-spec';

/** -i/--inventory, --limit, --forks, as `rwsec certs` takes them (the inventory optional). */
export const inventoryOptions = {
  inventory: {
    type: 'string',
    short: 'i',
    arg: 'FILE',
    help: [
      'Ansible inventory, INI or YAML form (.yml/.yaml); each host needs',
      "rws_config = the path of the node's application.yaml; ansible_host,",
      'ansible_port, ansible_user, ansible_ssh_private_key_file and',
      'ansible_ssh_common_args are used as Ansible uses them',
    ],
  },
  limit: {
    type: 'string',
    short: 'l',
    arg: 'PATTERN',
    help: 'hosts or groups, comma-separated, !name excludes, &name intersects',
  },
  forks: {
    type: 'int',
    short: 'f',
    arg: 'N',
    min: 1,
    max: 500,
    help: `nodes handled at once (default ${DEFAULT_FORKS})`,
  },
} as const satisfies OptionSpecs;

/** What every `rwsec fleet` subcommand takes: the inventory (required), --limit, --forks, --json. */
export const fleetOptions = {
  ...inventoryOptions,
  inventory: { ...inventoryOptions.inventory, required: true },
  json: { type: 'boolean', help: 'print the result as JSON' },
} as const satisfies OptionSpecs;

export const transportHelp = [
  'Nodes are reached with the system ssh (your ~/.ssh/config, agent, ProxyJump and known_hosts',
  'apply), in batch mode, one multiplexed connection per node that is closed at the end. An',
  'unknown or changed host key is refused with the step to take; nothing is installed on the',
  'nodes: files are read and written with their POSIX shell.',
];

export function forksFrom(values: { forks: number | undefined }): number {
  return values.forks ?? DEFAULT_FORKS;
}
