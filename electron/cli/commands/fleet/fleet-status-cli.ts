// `rwsec fleet status`: every node validated as `rwsec validate` would on the node, and drift.
import type { Drift } from '../../../services/fleet/drift';
import { fleetStatus, type NodeStatus } from '../../../services/fleet/fleet-status';
import { terminalLines, terminalSafe } from '../../../../shared/terminal-safe';
import type { CliIo } from '../../command';
import { defineCommand, type ParsedValues } from '../../cli-spec';
import { formatDiagnostics, jsonDiagnostic } from '../validate';
import { hostsFrom, withSession } from './fleet-common';
import { fleetOptions, forksFrom, transportHelp } from './fleet-options';
import { terminalSafeIo } from '../../terminal-io';

function shownValue(group: Drift['groups'][number], drift: Drift): string {
  if (group.absent) return '(absent)';
  if (drift.secret) return '(secret)';
  return typeof group.value === 'string' && !drift.byCertificates
    ? JSON.stringify(group.value)
    : drift.byCertificates && typeof group.value === 'string'
      ? group.value
      : (JSON.stringify(group.value) ?? String(group.value));
}

export function formatDrift(drift: readonly Drift[]): string {
  const lines: string[] = [];
  for (const d of drift) {
    const how = d.byCertificates
      ? ' (compared by certificates)'
      : d.secret
        ? ' (secret: compared by equality)'
        : '';
    lines.push(`${d.mustMatch ? 'MUST MATCH' : 'differs'}  ${d.path}${how}`);
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    d.groups.forEach((g, i) => {
      const label = d.secret && !g.absent ? `value ${letters[i] ?? i + 1}` : shownValue(g, d);
      lines.push(`    ${label}: ${g.nodes.join(', ')}`);
    });
  }
  // Certificate subjects and values come from the nodes: one safe line each.
  return terminalLines(lines);
}

function nodeHeader(n: NodeStatus): string {
  return terminalSafe(`== ${n.name} (${n.host}) ${n.config}`);
}

export const fleetStatusCommand = defineCommand({
  name: 'fleet status',
  summary: 'validate every node as `rwsec validate` would on it, and report drift between nodes',
  options: {
    ...fleetOptions,
    probe: {
      type: 'boolean',
      help: [
        "also probe the TLS endpoints each node's config names (its HTTPS port at the",
        "node's address, Configuration Server, Cassandra), judged with the node's own trust",
        'files; the connections go out from this machine',
      ],
    },
  },
  description: [
    "Reads every node's application.yaml and the keystores and trust files it names (over SSH),",
    'validates each node exactly as `rwsec validate` would on the node itself, and reports drift:',
    'for the security keys (ssl, CORS/CSRF, cryptoSecurityKey, crClusterName, trust, Cassandra,',
    'Configuration Server) the nodes grouped by value. MUST MATCH marks keys whose differing values',
    'break the cluster; "differs" marks keys that may differ (ports, paths, URLs naming the node).',
    'Trust files are compared by the certificates they hold; secrets by equality only (never shown).',
  ],
  epilogue: [
    ...transportHelp,
    '',
    'Exit status: 0 every node read, no errors, no must-match drift; 1 findings; 2 a node could',
    'not be reached or read (the others are still reported), or a bad inventory/option.',
  ],
  // Node names, remote files, ssh errors and certificates reach the terminal: made safe.
  run: ({ values, io }) => runStatus(values, terminalSafeIo(io, values.json === true)),
});

async function runStatus(
  values: ParsedValues<typeof fleetOptions> & { probe: boolean | undefined },
  io: CliIo,
): Promise<number> {
  const hosts = await hostsFrom(values);
  const status = await withSession((session) =>
    fleetStatus(session, hosts, { forks: forksFrom(values), probe: values.probe === true }),
  );
  if (values.json) {
    const nodes = status.nodes.map((n) => ({
      name: n.name,
      host: n.host,
      config: n.config,
      reachable: n.reachable,
      ...(n.error !== undefined ? { error: n.error } : {}),
      readAt: n.readAt,
      diagnostics: n.diagnostics.map(jsonDiagnostic),
    }));
    io.out(JSON.stringify({ nodes, drift: status.drift }, null, 2) + '\n');
    return status.exitCode;
  }
  for (const n of status.nodes) {
    io.out(nodeHeader(n) + '\n');
    if (n.error !== undefined) io.out(`error: ${terminalSafe(n.error)}\n`);
    if (n.reachable && n.error === undefined)
      io.out(formatDiagnostics(`${n.name}:${n.config}`, n.diagnostics));
    else if (n.diagnostics.length)
      io.out(formatDiagnostics(`${n.name}:${n.config}`, n.diagnostics));
  }
  const must = status.drift.filter((d) => d.mustMatch).length;
  io.out(`\n== drift between nodes\n`);
  io.out(
    status.drift.length === 0
      ? 'none: every node holds the same security settings\n'
      : formatDrift(status.drift) + '\n',
  );
  const unread = status.nodes.filter((n) => !n.reachable || n.error !== undefined).length;
  io.out(
    `\n${status.nodes.length} nodes: ${status.nodes.length - unread} read${unread ? `, ${unread} not read` : ''}; ${must} must-match drift, ${status.drift.length - must} allowed differences\n`,
  );
  return status.exitCode;
}
