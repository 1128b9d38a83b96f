// `rwsec certs`: every certificate an application.yaml depends on, soonest expiry first, with
// Prometheus metrics for node_exporter's textfile collector on request.
import { resolve } from 'node:path';
import { inventoryExitCode, type Inventory } from '../../../shared/certs/inventory';
import { RwsDocument, YamlSyntaxError } from '../../../shared/yaml/document';
import { DEFAULT_WARN_DAYS, takeInventory } from '../../services/certs/inventory';
import { formatInventory } from '../../services/certs/inventory-table';
import { terminalSafe } from '../../../shared/terminal-safe';
import { readTextFile } from '../../services/files/read-text';
import { FileReadError } from '../../services/files/file-errors';
import { terminalSafeIo } from '../terminal-io';
import { EXIT_UNREADABLE, type CliIo } from '../command';
import { defineCommand, type OptionSpecs, type ParsedValues } from '../cli-spec';
import { UsageError } from '../cli-parse';
import { inventoryOptions } from './fleet/fleet-options';

const certsOptions = {
  config: {
    type: 'string',
    arg: 'FILE',
    help: 'the application.yaml (paths in it resolve against its folder)',
  },
  probe: {
    type: 'boolean',
    help: [
      'also list the chains served by the endpoints the config names',
      '(Configuration Server, Cassandra nodes, RWS HTTPS; network!); with -i, each',
      "node's endpoints, its own HTTPS port reached at the node's address",
    ],
  },
  'warn-days': {
    type: 'int',
    arg: 'N',
    min: 0,
    max: 99999,
    help: `expiry warning window in days (default ${DEFAULT_WARN_DAYS})`,
  },
  json: { type: 'boolean', help: 'print the inventory as JSON' },
  prometheus: {
    type: 'string',
    arg: 'FILE',
    help: [
      'also write the metrics (x509_cert_not_before, x509_cert_not_after,',
      'x509_cert_expired, x509_read_errors, x509_cert_read_error) to FILE,',
      "atomically: point node_exporter's --collector.textfile.directory at",
      'its folder and name it *.prom',
    ],
  },
  node: { type: 'string', arg: 'NAME', help: 'the node label (default: this host name)' },
  ...inventoryOptions,
} as const satisfies OptionSpecs;

export type CertsValues = ParsedValues<typeof certsOptions>;

export const certsCommand = defineCommand({
  name: 'certs',
  usage: [
    '(--config FILE [--node NAME] | -i INVENTORY [--limit PATTERN] [--forks N]) [--probe] [--warn-days N] [--json] [--prometheus FILE]',
  ],
  args: { usage: '[FILE]', min: 0, max: 1 },
  options: certsOptions,
  description: [
    'Lists every certificate the RWS configuration depends on: the HTTPS keystore (ssl), the',
    'Configuration Server CA (serverSettings.caCertificate), each *TrustedCA trust file and the',
    "Cassandra truststore, opened with the config's own passwords (plain, or OBF: for ssl).",
    'The JVM cacerts that a *TrustedCA: true flag brings in is summarised, not listed.',
    'For each: days left, validity, role, subject, issuer, serial, SANs, node, file, alias and',
    'the config key that brings it in; sorted by days left.',
    '',
    "With -i, every node of an Ansible inventory (as rwsec fleet reads it): each node's config and",
    'stores are read over SSH; --json prints a list of inventories, one per node; --prometheus',
    'writes all nodes in one file.',
  ],
  epilogue: [
    'Exit status: 0 nothing due, 1 a certificate expires within --warn-days or has expired,',
    '2 a store cannot be read (missing, wrong password, damaged) or bad options.',
  ],
  // Subjects, SANs, served chains and node answers reach the terminal: text output made safe.
  run: ({ values, args, io }) => certs(values, args, terminalSafeIo(io, values.json === true)),
});

async function certs(values: CertsValues, positionals: string[], io: CliIo): Promise<number> {
  const warnDays = values['warn-days'] ?? DEFAULT_WARN_DAYS;
  if (values.inventory !== undefined) {
    if (values.config !== undefined || positionals.length > 0)
      throw new UsageError('give either --config FILE or -i INVENTORY, not both');
    const { runFleetCerts } = await import('./certs-fleet');
    return runFleetCerts({ ...values, inventory: values.inventory }, warnDays, io);
  }
  const config = values.config ?? positionals[0];
  if (config === undefined || (values.config !== undefined && positionals.length > 0))
    throw new UsageError('give the configuration: --config application.yaml');
  const file = resolve(config);
  let text: string;
  try {
    text = (await readTextFile(file)).text;
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    io.err(`rwsec certs: ${terminalSafe(error.message)}\n`);
    return EXIT_UNREADABLE;
  }
  let doc: RwsDocument;
  try {
    doc = RwsDocument.parse(text);
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    io.err(`${file}:${error.line}:${error.column}: error: not valid YAML: ${error.message}\n`);
    return EXIT_UNREADABLE;
  }
  const inventory: Inventory = await takeInventory(doc, file, {
    warnDays,
    probe: values.probe === true,
    env: io.env,
    ...(values.node ? { node: values.node } : {}),
  });
  for (const e of inventory.errors) io.err(`rwsec certs: error: ${terminalSafe(e.message)}\n`);
  if (values.prometheus) {
    const { writeMetricsFile } = await import('../../services/certs/metrics-file');
    const written = await writeMetricsFile(resolve(values.prometheus), [inventory]);
    if (written !== undefined) {
      io.err(`rwsec certs: ${written}\n`);
      return EXIT_UNREADABLE;
    }
  }
  io.out(values.json ? JSON.stringify(inventory, null, 2) + '\n' : formatInventory(inventory));
  return inventoryExitCode(inventory);
}
