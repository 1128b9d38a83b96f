// `rwsec certs -i INVENTORY`: the inventory of every node, each node's config and stores read
// over SSH with fleet mode's own node reader (no second inventory reader, no local copies:
// keystores stay in memory). A node that cannot be read is one read error for that node.
import type { Inventory } from '../../../shared/certs/inventory';
import { readFleetNodes } from '../fleet/fleet-status';
import type { FleetHost } from '../fleet/inventory';
import type { NodeRead } from '../fleet/node-read';
import { FileReadError } from '../files/file-errors';
import type { SshSession } from '../fleet/ssh-transport';
import { takeInventory, type InventoryOptions } from './inventory';

/** Debian's JVM trust store; a node's JAVA_HOME is not known from here. */
const NODE_CACERTS = '/etc/ssl/certs/java/cacerts';

function errno(path: string, code: string): Error {
  return Object.assign(new Error(`${path}: ${code}`), { code });
}

async function nodeInventory(node: NodeRead, options: InventoryOptions): Promise<Inventory> {
  const config = node.host.config as string;
  const name = node.host.name;
  if (!node.doc || !node.files) {
    return {
      config,
      node: name,
      takenAt: (options.now ?? new Date()).toISOString(),
      warnDays: options.warnDays ?? 30,
      certificates: [],
      errors: [
        {
          node: name,
          file: config,
          configKey: '',
          kind: 'unreadable',
          message: `${name}: ${node.error ?? 'the node could not be read'}`,
        },
      ],
      cacerts: [],
    };
  }
  const files = node.files;
  const read = async (path: string): Promise<Buffer> => {
    const file = await files.get(path);
    if (file.kind === 'file') return file.bytes;
    if (file.kind === 'missing') throw errno(path, 'ENOENT');
    if (file.kind === 'folder') throw errno(path, 'EISDIR');
    throw new FileReadError(`${path}: ${file.reason}`, 'unreadable', path);
  };
  const probe = options.probe
    ? { ...(typeof options.probe === 'object' ? options.probe : {}), rwsAddress: node.host.host }
    : false;
  return takeInventory(node.doc, config, {
    ...options,
    node: name,
    probe,
    remote: { read, cacerts: NODE_CACERTS },
  });
}

export async function fleetInventories(
  session: SshSession,
  hosts: readonly FleetHost[],
  options: InventoryOptions & { forks?: number } = {},
): Promise<Inventory[]> {
  const nodes = await readFleetNodes(session, hosts, {
    ...(options.forks ? { forks: options.forks } : {}),
  });
  return Promise.all(nodes.map((n) => nodeInventory(n, options)));
}
