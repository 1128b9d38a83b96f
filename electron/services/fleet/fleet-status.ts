// `fleet status`: every node read and validated (at most `forks` at once), then drift between them.
import { hasErrors, type Diagnostic } from '../../../shared/diagnostics';
import { computeDrift, type Drift } from './drift';
import type { FleetHost } from './inventory';
import { readNode, type NodeRead } from './node-read';
import { mapLimit, type SshSession } from './ssh-transport';

export const DEFAULT_FORKS = 10;

export interface StatusOptions {
  forks?: number;
  /** Also probe the TLS endpoints each node's config names (network; see node-probe.ts). */
  probe?: boolean | { timeoutMs?: number; cassandraPort?: number };
  /** Called as each node is done: for progress (nodes done / total). */
  onNode?: (node: NodeRead, done: number, total: number) => void;
}

export interface NodeStatus {
  name: string;
  host: string;
  config: string;
  reachable: boolean;
  error?: string;
  readAt: string;
  diagnostics: Diagnostic[];
}

export interface FleetStatus {
  nodes: NodeStatus[];
  drift: Drift[];
  /** 0 all read, no errors, no must-match drift; 1 findings; 2 a node not read. */
  exitCode: 0 | 1 | 2;
}

export async function readFleetNodes(
  session: SshSession,
  hosts: readonly FleetHost[],
  options: StatusOptions = {},
): Promise<NodeRead[]> {
  let done = 0;
  return mapLimit(hosts, options.forks ?? DEFAULT_FORKS, async (host) => {
    const node = await readNode(session, host);
    options.onNode?.(node, ++done, hosts.length);
    return node;
  });
}

export function nodeStatus(node: NodeRead): NodeStatus {
  return {
    name: node.host.name,
    host: `${node.host.host}${node.host.port ? `:${node.host.port}` : ''}`,
    config: node.host.config as string,
    reachable: node.reachable,
    ...(node.error !== undefined ? { error: node.error } : {}),
    readAt: node.readAt,
    diagnostics: node.diagnostics,
  };
}

export async function fleetStatus(
  session: SshSession,
  hosts: readonly FleetHost[],
  options: StatusOptions = {},
): Promise<FleetStatus> {
  const nodes = await readFleetNodes(session, hosts, options);
  if (options.probe) {
    // Loaded only here: the TLS and X.509 code is large.
    const { probeNode } = await import('./node-probe');
    const probeOptions = typeof options.probe === 'object' ? options.probe : {};
    const probed = await mapLimit(nodes, options.forks ?? DEFAULT_FORKS, (n) =>
      probeNode(n, probeOptions),
    );
    nodes.forEach((n, i) => n.diagnostics.push(...(probed[i] ?? [])));
  }
  const drift = await computeDrift(nodes);
  const unread = nodes.some((n) => n.doc === undefined);
  const findings =
    nodes.some((n) => n.error !== undefined || hasErrors(n.diagnostics)) ||
    drift.some((d) => d.mustMatch);
  return {
    nodes: nodes.map(nodeStatus),
    drift,
    exitCode: unread ? 2 : findings ? 1 : 0,
  };
}
