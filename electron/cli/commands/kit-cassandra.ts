// `rwsec kit cassandra`: the Cassandra TLS kit (root CA + one certificate per node), or more nodes
// for an existing kit, and the cassandraCluster values for RWS.
import { resolve } from 'node:path';
import type { CliIo } from '../command';
import { planAddNodes } from '../../services/kits/cassandra-add-nodes';
import {
  cassandraKitPaths,
  checkCassandraKit,
  planCheckedKit,
  type KitPlan,
} from '../../services/kits/cassandra-kit';
import { startCommit, type StartedCommit } from '../../services/kits/transaction';
import { cassandraEdits, planConfig } from '../../services/kits/config-values';
import { keySpec } from '../../services/x509/keys';
import { defineCommand, type OptionSpecs, type ParsedValues } from '../cli-spec';
import { UsageError } from '../cli-parse';
import { runCassandraLifecycle } from './kit-cassandra-lifecycle';
import { caPassOptions, kitPasswords } from './kit-passwords';
import {
  commitAndReport,
  cryptIfAsked,
  girJarOptions,
  kitEpilogue,
  storepassOptions,
  type Outcome,
} from './kit-common';

const cassandraOptions = {
  nodes: {
    type: 'string',
    arg: 'a,b,c',
    help: 'node host names (or IP addresses) as clients reach them',
  },
  out: {
    type: 'string',
    arg: 'DIR',
    required: true,
    help: 'the kit folder (must not hold a kit yet, unless --add-node)',
  },
  'add-node': {
    type: 'string',
    arg: 'd[,e]',
    help: 'sign more nodes with the kit CA; existing truststores trust them',
  },
  renew: {
    type: 'boolean',
    help: [
      're-issue node certificates (--nodes a,b; default all) from the kit',
      'CA with new keys; same alias and store password; truststores and',
      'everything else unchanged; old keystores kept in .rwsec-backups/',
    ],
  },
  'rotate-ca': {
    type: 'string',
    arg: 'STAGE',
    choices: ['start', 'reissue', 'finish'],
    help: [
      'replace the kit CA without downtime, in three stages rolled out one',
      'after the other (README.txt says which files go where after each):',
      'start: a new CA, trusted beside the old one by every truststore;',
      'reissue: every node certificate from the new CA;',
      'finish: the old CA removed from every truststore',
    ],
  },
  keyalg: { type: 'string', choices: ['rsa', 'ec'], help: 'default rsa (2048 bits); ec = P-256' },
  keysize: { type: 'int', min: 1, max: 100000, help: 'RSA 2048/3072/4096, EC 256/384' },
  days: {
    type: 'int',
    min: 1,
    max: 36500,
    help: 'node certificate validity, default 825 (the CA: at least 3650)',
  },
  'node-dir': {
    type: 'string',
    arg: 'DIR',
    help: 'where the stores go on each node, default /etc/cassandra/tls',
  },
  config: {
    type: 'string',
    arg: 'FILE',
    help: [
      'application.yaml: sets cassandraCluster.useSSL, trustStore (absolute',
      'path of OUT/client/truststore.jks) and truststorePassword',
    ],
  },
  legacy: {
    type: 'boolean',
    help: [
      "the guide's older procedure (self-signed per node, truststores list",
      'every node): only for clusters that already use it',
    ],
  },
  ...girJarOptions,
  ...storepassOptions,
  ...caPassOptions,
} as const satisfies OptionSpecs;

export type CassandraValues = ParsedValues<typeof cassandraOptions>;

export const kitCassandraCommand = defineCommand({
  name: 'kit cassandra',
  summary: "the guide's Cassandra 4 TLS kit: a private CA and one certificate per node (+ config)",
  usage: [
    '--nodes a,b,c --out DIR --storepass-env NAME --ca-pass-env NAME [--keyalg rsa|ec] [--days N] [--config application.yaml] [--legacy]',
    '--out DIR --add-node d[,e] --storepass-env NAME --ca-pass-env NAME',
    '--out DIR --renew [--nodes a,b] [--days N]',
    '--out DIR --rotate-ca start|reissue|finish',
  ],
  options: cassandraOptions,
  description: [
    "The guide's Cassandra 4 TLS procedure in one step. A private root CA signs one certificate",
    'per node (SAN = the node name, or its IP; serverAuth + clientAuth). Layout:',
    '  OUT/ca/root-ca.pem, root-ca.key.pem    the CA (key encrypted with the CA key password, 0600)',
    '  OUT/nodes/<node>/keystore.jks          the node key, alias = node name, chain to the root',
    '  OUT/nodes/<node>/truststore.jks        the root, for internode TLS',
    '  OUT/nodes/<node>/cassandra-encryption.yaml   client_/server_encryption_options',
    '  OUT/client/truststore.jks, ca.pem, cqlshrc   for RWS (cassandraCluster.trustStore) and cqlsh',
    '  OUT/README.txt                         what goes where, and how to check it',
  ],
  epilogue: kitEpilogue,
  run: ({ values, io }) =>
    values.renew || values['rotate-ca'] !== undefined
      ? runCassandraLifecycle(values, io)
      : runCassandra(values, io),
});

export function list(text: string): string[] {
  return text
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
}

async function runCassandra(values: CassandraValues, io: CliIo): Promise<number> {
  const { out: outDir, nodes } = values;
  const addNode = values['add-node'];
  if ((addNode === undefined) === (nodes === undefined)) {
    throw new UsageError(
      'Give --nodes a,b,c for a new kit, or --add-node d to add to an existing one.',
    );
  }
  if (addNode !== undefined && values.legacy)
    throw new UsageError('--add-node works only with a CA kit (not --legacy).');
  const key = keySpec(values.keyalg ?? 'rsa', values.keysize);
  const days = values.days ?? 825;
  const nodeDir = values['node-dir'];
  const { storepass: pass, caPassword } = await kitPasswords(io, values, outDir, {
    needed: !values.legacy,
    confirm: addNode === undefined,
  });
  const common = {
    outDir,
    storepass: pass,
    caPassword,
    key,
    days,
    ...(nodeDir ? { nodeDir } : {}),
  };
  if (addNode !== undefined) {
    const plan = await planAddNodes({ ...common, nodes: list(addNode) });
    const summary = `Added ${list(addNode).join(', ')} to the kit in ${resolve(outDir)} (signed by its CA; existing truststores trust them).`;
    return finishKit(values, pass, plan, summary, io);
  }
  const checked = checkCassandraKit({ ...common, nodes: list(nodes ?? ''), legacy: values.legacy });
  // The kit's folders and write locks are taken while its keys are made, not after them.
  const { config } = values;
  const started = startCommit([
    ...cassandraKitPaths(checked),
    ...(config ? [resolve(config)] : []),
  ]);
  started.catch(() => undefined); // a failure to start is reported when the files are written
  try {
    const plan = await planCheckedKit(checked);
    const summary = `Cassandra TLS kit for ${plan.nodes.join(', ')} written to ${resolve(outDir)}: see README.txt there.`;
    return await finishKit(values, pass, plan, summary, io, started);
  } catch (error) {
    await started.then((s) => s.abandon()).catch(() => undefined);
    throw error;
  }
}

/** The config values (with --config), then the files written both or neither, and the report. */
async function finishKit(
  values: CassandraValues,
  pass: string,
  plan: KitPlan,
  summary: string,
  io: CliIo,
  started?: Promise<StartedCommit>,
): Promise<number> {
  const outcome: Outcome = { files: plan.files, warnings: plan.warnings, summary: [summary] };
  const { config } = values;
  if (config) {
    const crypt = await cryptIfAsked(values, pass, io);
    const planned = await planConfig(resolve(config), () =>
      cassandraEdits({
        trustStore: plan.clientTruststore,
        storepass: pass,
        ...(crypt ? { crypt } : {}),
      }),
    );
    outcome.files.push({ path: planned.file, data: planned.after });
    outcome.summary.push(
      `${planned.file}: cassandraCluster.useSSL, trustStore and truststorePassword set.`,
    );
    outcome.config = { file: planned.file, paths: ['cassandraCluster'] };
  }
  return commitAndReport('rwsec kit cassandra', outcome, io, started);
}
