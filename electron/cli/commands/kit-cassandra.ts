// `rwsec kit cassandra`: the Cassandra TLS kit (root CA + one certificate per node), or more nodes
// for an existing kit, and the cassandraCluster values for RWS.
import { resolve } from 'node:path';
import type { CliIo } from '../command';
import { planAddNodes } from '../../services/kits/cassandra-add-nodes';
import { planCassandraKit, type KitPlan } from '../../services/kits/cassandra-kit';
import { cassandraEdits, planConfig } from '../../services/kits/config-values';
import { keySpec } from '../../services/x509/keys';
import { intOpt, parseOptions, requiredOpt, stringOpt, UsageError } from '../parse-options';
import { requireSecret } from '../secret-input';
import { runCassandraLifecycle } from './kit-cassandra-lifecycle';
import {
  commitAndReport,
  cryptIfAsked,
  girJarHelp,
  girJarOptions,
  storepass,
  storepassHelp,
  storepassOptions,
  type Outcome,
} from './kit-common';

export const cassandraUsage =
  'cassandra --nodes a,b,c --out DIR --storepass-env NAME --ca-pass-env NAME [--keyalg rsa|ec] [--days N] [--config application.yaml] [--legacy] | --out DIR --add-node d[,e] --storepass-env NAME --ca-pass-env NAME | --out DIR --renew [--nodes a,b] [--days N] | --out DIR --rotate-ca start|reissue|finish';

export const cassandraHelp = [
  "rwsec kit cassandra: the guide's Cassandra 4 TLS procedure in one step. A private root CA signs",
  'one certificate per node (SAN = the node name, or its IP; serverAuth + clientAuth). Layout:',
  '  OUT/ca/root-ca.pem, root-ca.key.pem    the CA (key encrypted with the CA key password, 0600)',
  '  OUT/nodes/<node>/keystore.jks          the node key, alias = node name, chain to the root',
  '  OUT/nodes/<node>/truststore.jks        the root, for internode TLS',
  '  OUT/nodes/<node>/cassandra-encryption.yaml   client_/server_encryption_options',
  '  OUT/client/truststore.jks, ca.pem, cqlshrc   for RWS (cassandraCluster.trustStore) and cqlsh',
  '  OUT/README.txt                         what goes where, and how to check it',
  '',
  `Usage: rwsec kit ${cassandraUsage}`,
  '',
  'Options:',
  '  --nodes a,b,c           node host names (or IP addresses) as clients reach them',
  '  --out DIR               the kit folder (must not hold a kit yet, unless --add-node)',
  '  --add-node d[,e]        sign more nodes with the kit CA; existing truststores trust them',
  '  --renew                 re-issue node certificates (--nodes a,b; default all) from the kit',
  '                          CA with new keys; same alias and store password; truststores and',
  '                          everything else unchanged; old keystores kept in .rwsec-backups/',
  '  --rotate-ca STAGE       replace the kit CA without downtime, in three stages rolled out one',
  '                          after the other (README.txt says which files go where after each):',
  '                          start: a new CA, trusted beside the old one by every truststore;',
  '                          reissue: every node certificate from the new CA;',
  '                          finish: the old CA removed from every truststore',
  '  --keyalg rsa|ec         default rsa (2048 bits); ec = P-256',
  '  --keysize N             RSA 2048/3072/4096, EC 256/384',
  '  --days N                node certificate validity, default 825 (the CA: at least 3650)',
  '  --node-dir DIR          where the stores go on each node, default /etc/cassandra/tls',
  '  --config FILE           application.yaml: sets cassandraCluster.useSSL, trustStore (absolute',
  '                          path of OUT/client/truststore.jks) and truststorePassword',
  "  --legacy                the guide's older procedure (self-signed per node, truststores list",
  '                          every node): only for clusters that already use it',
  ...girJarHelp,
  ...storepassHelp,
  '  --ca-pass-env NAME      the CA key password (encrypts ca/root-ca.key.pem; needed again for',
  '                          --add-node) from environment variable NAME (default RWSEC_CAPASS);',
  '                          without it a terminal is asked (twice for a new kit). It must differ',
  '                          from the store password, which every node file holds in plain text.',
  '                          Not used with --legacy (no CA).',
].join('\n');

const options = {
  ...storepassOptions,
  ...girJarOptions,
  nodes: { type: 'string' },
  out: { type: 'string' },
  'add-node': { type: 'string' },
  keyalg: { type: 'string' },
  keysize: { type: 'string' },
  days: { type: 'string' },
  'node-dir': { type: 'string' },
  config: { type: 'string' },
  legacy: { type: 'boolean' },
  'ca-pass-env': { type: 'string' },
  renew: { type: 'boolean' },
  'rotate-ca': { type: 'string' },
} as const;

export function list(text: string): string[] {
  return text
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
}

export async function runCassandra(args: string[], io: CliIo): Promise<number> {
  const values = parseOptions(args, options).values;
  const outDir = requiredOpt(values, 'out');
  if (values.renew || values['rotate-ca'] !== undefined) return runCassandraLifecycle(values, io);
  const addNode = stringOpt(values, 'add-node');
  const nodes = stringOpt(values, 'nodes');
  if ((addNode === undefined) === (nodes === undefined)) {
    throw new UsageError(
      'Give --nodes a,b,c for a new kit, or --add-node d to add to an existing one.',
    );
  }
  if (addNode !== undefined && values.legacy)
    throw new UsageError('--add-node works only with a CA kit (not --legacy).');
  const key = keySpec(
    stringOpt(values, 'keyalg') ?? 'rsa',
    intOpt(values, 'keysize', { min: 1, max: 100000 }),
  );
  const days = intOpt(values, 'days', { min: 1, max: 36500 }) ?? 825;
  const nodeDir = stringOpt(values, 'node-dir');
  const pass = await storepass(io, values, `the kit in ${outDir}`);
  const caPassword = values.legacy
    ? undefined
    : await requireSecret(io, {
        option: 'ca-pass',
        envName: stringOpt(values, 'ca-pass-env'),
        defaultEnv: 'RWSEC_CAPASS',
        prompt: `CA key password for the kit in ${outDir}: `,
        confirm: addNode === undefined,
        minLength: 6,
      });
  const common = {
    outDir,
    storepass: pass,
    caPassword: caPassword ?? '',
    key,
    days,
    ...(nodeDir ? { nodeDir } : {}),
  };
  const plan: KitPlan =
    addNode !== undefined
      ? await planAddNodes({ ...common, nodes: list(addNode) })
      : await planCassandraKit({
          ...common,
          nodes: list(nodes ?? ''),
          legacy: values.legacy === true,
        });
  const outcome: Outcome = {
    files: plan.files,
    warnings: plan.warnings,
    summary: [
      addNode !== undefined
        ? `Added ${list(addNode).join(', ')} to the kit in ${resolve(outDir)} (signed by its CA; existing truststores trust them).`
        : `Cassandra TLS kit for ${plan.nodes.join(', ')} written to ${resolve(outDir)}: see README.txt there.`,
    ],
  };
  const config = stringOpt(values, 'config');
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
  return commitAndReport('rwsec kit cassandra', outcome, io);
}
