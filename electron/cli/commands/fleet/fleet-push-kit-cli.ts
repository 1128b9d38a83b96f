// `rwsec fleet push-kit`: a Cassandra TLS kit delivered to the inventory's Cassandra and RWS hosts.
import { join, posix } from 'node:path';
import { applyPlans, planNode, type NodePlan } from '../../../services/fleet/fleet-set';
import { readFleetNodes } from '../../../services/fleet/fleet-status';
import { readHosts } from '../../../services/fleet/inventory';
import {
  kitNodes,
  KitPushError,
  matchKit,
  pushCassandraNodes,
  pushFiles,
  type PushResult,
} from '../../../services/fleet/push-kit';
import { mapLimit } from '../../../services/fleet/ssh-transport';
import { MAX_STORE_BYTES, readRegularFile } from '../../../services/files/bounded-read';
import { FileReadError } from '../../../services/files/file-errors';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, type CliIo } from '../../command';
import { defineCommand, type OptionSpecs, type ParsedValues } from '../../cli-spec';
import { storePassword, storepassOptions } from '../store-password';
import { withSession } from './fleet-common';
import { fleetOptions, forksFrom, transportHelp } from './fleet-options';
import { terminalSafeIo } from '../../terminal-io';

/** "STEP [k/N]" for the next host of a step to finish. */
function counter(step: string, total: number): () => string {
  let done = 0;
  return () => `${step} [${++done}/${total}]`;
}

const pushOptions = {
  ...fleetOptions,
  dest: { type: 'string', arg: 'DIR', help: "folder for the Cassandra nodes' files" },
  'rws-truststore': {
    type: 'string',
    arg: 'PATH',
    help: [
      'where RWS hosts get the truststore (default: cassandra-truststore.jks',
      "beside the node's application.yaml)",
    ],
  },
  ...storepassOptions,
  yes: { type: 'boolean', short: 'y', help: 'write without asking' },
  force: {
    type: 'boolean',
    help: 'write even if the settings add validation errors on an RWS host',
  },
} as const satisfies OptionSpecs;

export const fleetPushKitCommand = defineCommand({
  name: 'fleet push-kit',
  summary: 'deliver a `rwsec kit cassandra` kit to the Cassandra and RWS hosts of the inventory',
  usage: [
    '-i INVENTORY KITDIR [--dest DIR] [--rws-truststore PATH] [--limit PATTERN] [--yes] [--json]',
  ],
  args: { usage: 'KITDIR', min: 1, max: 1 },
  options: pushOptions,
  description: [
    'Delivers a Cassandra TLS kit (rwsec kit cassandra --out KITDIR) to its hosts. Each Cassandra',
    "host, matched to a kit node by inventory name or ansible_host, gets that node's keystore.jks,",
    'truststore.jks and cassandra-encryption.yaml in --dest (default: the folder the kit names for',
    "the node). Each RWS host (rws_config set) gets the kit's client/truststore.jks and its",
    'cassandraCluster useSSL/trustStore/truststorePassword settings, planned, validated and written',
    'as `rwsec fleet set` does. A kit node with no host, or a host with no kit node, is reported,',
    'never guessed. Every file is written 0600 with the safe save done on the node.',
  ],
  epilogue: [
    ...transportHelp,
    '',
    'Exit status: 0 every host written; 1 refused, a host failed, or unmatched kit nodes/hosts',
    '(reported); 2 a host could not be reached or read, or bad options (nothing written).',
  ],
  // Node names, remote files, ssh errors and certificates reach the terminal: made safe.
  run: ({ values, args, io }) =>
    runPushKit(values, args[0] as string, terminalSafeIo(io, values.json === true)),
});

async function runPushKit(
  values: ParsedValues<typeof pushOptions>,
  kitDir: string,
  io: CliIo,
): Promise<number> {
  const { json } = values;
  const out = (text: string) => {
    if (!json) io.out(text);
  };
  const hosts = await readHosts(values.inventory, values.limit);
  const nodes = await kitNodes(kitDir);
  const match = matchKit(hosts, nodes);
  for (const n of match.nodesWithoutHost)
    io.err(
      `rwsec fleet push-kit: kit node ${n} matches no inventory host (by name or ansible_host): not pushed\n`,
    );
  for (const h of match.hostsWithoutNode)
    io.err(`rwsec fleet push-kit: host ${h} has neither rws_config nor a kit node: left alone\n`);
  const forks = forksFrom(values);
  const truststore = await readRegularFile(
    join(kitDir, 'client', 'truststore.jks'),
    MAX_STORE_BYTES,
  ).catch((error: unknown) => {
    if (error instanceof FileReadError && error.code !== 'missing') throw error;
    throw new KitPushError(`${kitDir}: client/truststore.jks is missing; is this a Cassandra kit?`);
  });
  const storepass =
    match.rws.length > 0 ? await storePassword(io, values, 'Kit store password: ') : '';
  const trustPath = (config: string) =>
    values['rws-truststore'] ?? posix.join(posix.dirname(config), 'cassandra-truststore.jks');

  return withSession(async (session) => {
    const read = await readFleetNodes(session, match.rws, { forks });
    const unread = read.filter((n) => n.doc === undefined);
    if (unread.length > 0) {
      for (const n of unread) io.err(`rwsec fleet push-kit: ${n.error ?? n.host.name}\n`);
      io.err('rwsec fleet push-kit: nothing written\n');
      return EXIT_UNREADABLE;
    }
    const plans: NodePlan[] = [];
    for (const node of read) {
      const path = trustPath(node.host.config as string);
      // Validation sees the truststore the node is about to get.
      node.files?.remember({ kind: 'file', path, bytes: truststore, mode: 0o600, uid: 0, gid: 0 });
      plans.push(
        await planNode(
          node,
          () => [
            { path: 'cassandraCluster.useSSL', value: true },
            { path: 'cassandraCluster.trustStore', value: path },
            { path: 'cassandraCluster.truststorePassword', value: storepass },
          ],
          [storepass],
        ),
      );
    }
    const adding = plans.filter((p) => p.added.length > 0 || p.error !== undefined);
    for (const p of plans)
      out(p.unchanged ? `== ${p.node.host.name}: settings already as the kit needs\n` : p.diff);
    if (adding.length > 0 && !values.force) {
      for (const p of adding) {
        for (const d of p.added) io.err(`${p.node.host.name}: ${d.message} [${d.rule}]\n`);
        if (p.error) io.err(`${p.node.host.name}: ${p.error}\n`);
      }
      io.err(
        'rwsec fleet push-kit: the settings add errors on an RWS host; nothing written (--force writes anyway)\n',
      );
      return EXIT_FINDINGS;
    }
    if (!values.yes) {
      io.err('rwsec fleet push-kit: review the above and add --yes to write; nothing written\n');
      return EXIT_FINDINGS;
    }
    // Each step counts its hosts as they finish: "kit [2/5] cass-2: ...".
    const kitStep = counter('kit', match.cassandra.length);
    const cassandra = await pushCassandraNodes(session, kitDir, match, {
      ...(values.dest !== undefined ? { dest: values.dest } : {}),
      forks,
      onHost: (r) =>
        out(`${kitStep()} ${r.name}: ${r.error ? `FAILED: ${r.error}` : r.files.join(', ')}\n`),
    });
    const trustStep = counter('truststore', match.rws.length);
    const rwsFiles: PushResult[] = await mapLimit(match.rws, forks, async (host) => {
      const path = trustPath(host.config as string);
      try {
        await pushFiles(session, host, [{ path, bytes: truststore }]);
        out(`${trustStep()} ${host.name}: ${path}\n`);
        return { name: host.name, files: [path] };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        out(`${trustStep()} ${host.name}: FAILED: ${message}\n`);
        return { name: host.name, files: [], error: message };
      }
    });
    const failedTrust = new Set(rwsFiles.filter((r) => r.error).map((r) => r.name));
    const results = await applyPlans(
      session,
      plans.filter((p) => !failedTrust.has(p.node.host.name)),
      {
        forks,
        onNode: (r, i, total) =>
          out(
            `config [${i + 1}/${total}] ${r.name}: application.yaml ${r.outcome}${r.error ? `: ${r.error}` : ''}\n`,
          ),
      },
    );
    const failed =
      cassandra.some((r) => r.error) ||
      rwsFiles.some((r) => r.error) ||
      results.some((r) => r.outcome === 'failed');
    if (json) {
      io.out(
        JSON.stringify(
          {
            cassandra,
            rws: rwsFiles.map((r) => ({
              ...r,
              config: results.find((x) => x.name === r.name) ?? null,
            })),
            nodesWithoutHost: match.nodesWithoutHost,
            hostsWithoutNode: match.hostsWithoutNode,
          },
          null,
          2,
        ) + '\n',
      );
    }
    return failed || match.nodesWithoutHost.length + match.hostsWithoutNode.length > 0
      ? EXIT_FINDINGS
      : EXIT_OK;
  });
}
