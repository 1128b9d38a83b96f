// `rwsec certs`: every certificate an application.yaml depends on, soonest expiry first, with
// Prometheus metrics for node_exporter's textfile collector on request.
import { resolve } from 'node:path';
import { inventoryExitCode, type Inventory } from '../../../shared/certs/inventory';
import { RwsDocument, YamlSyntaxError } from '../../../shared/yaml/document';
import { DEFAULT_WARN_DAYS, takeInventory } from '../../services/certs/inventory';
import { formatInventory } from '../../services/certs/inventory-table';
import { readTextFile } from '../../services/files/read-text';
import { FileReadError } from '../../services/files/file-errors';
import { terminalSafe } from '../../../shared/terminal-safe';
import { EXIT_UNREADABLE, type CliIo, type Command } from '../command';
import { parseCommandArgs } from '../parse-options';
import { terminalSafeIo } from '../terminal-io';

function help(): string {
  return [
    'Usage: rwsec certs (--config FILE [--probe] [--node NAME] | -i INVENTORY [--limit PATTERN] [--forks N])',
    '                   [--warn-days N] [--json] [--prometheus FILE]',
    '',
    'Lists every certificate the RWS configuration depends on: the HTTPS keystore (ssl), the',
    'Configuration Server CA (serverSettings.caCertificate), each *TrustedCA trust file and the',
    "Cassandra truststore, opened with the config's own passwords (plain, or OBF: for ssl).",
    'The JVM cacerts that a *TrustedCA: true flag brings in is summarised, not listed.',
    'For each: days left, validity, role, subject, issuer, serial, SANs, node, file, alias and',
    'the config key that brings it in; sorted by days left.',
    '',
    'Options:',
    '  --config FILE       the application.yaml (paths in it resolve against its folder)',
    '  --probe             also list the chains served by the endpoints the config names',
    '                      (Configuration Server, Cassandra nodes, RWS HTTPS; network!)',
    `  --warn-days N       expiry warning window in days (default ${DEFAULT_WARN_DAYS})`,
    '  --json              print the inventory as JSON',
    '  --prometheus FILE   also write the metrics (x509_cert_not_before, x509_cert_not_after,',
    '                      x509_cert_expired, x509_read_errors, x509_cert_read_error) to FILE,',
    "                      atomically: point node_exporter's --collector.textfile.directory at",
    '                      its folder and name it *.prom',
    '  --node NAME         the node label (default: this host name)',
    '  -i, --inventory F   every node of an Ansible inventory (as rwsec fleet reads it: each host',
    "                      has rws_config); each node's config and stores are read over SSH;",
    '                      --limit PATTERN and --forks N as in rwsec fleet. --json prints a list',
    '                      of inventories, one per node; --prometheus writes all nodes in one file',
    '',
    'Exit status: 0 nothing due, 1 a certificate expires within --warn-days or has expired,',
    '2 a store cannot be read (missing, wrong password, damaged) or bad options.',
  ].join('\n');
}

async function run(args: string[], rawIo: CliIo): Promise<number> {
  // Subjects, SANs, served chains and node answers reach the terminal: text output made safe.
  const io = terminalSafeIo(rawIo, args.includes('--json'));
  const parsed = parseCommandArgs(
    'certs',
    args,
    {
      config: { type: 'string' },
      probe: { type: 'boolean', default: false },
      'warn-days': { type: 'string' },
      json: { type: 'boolean', default: false },
      prometheus: { type: 'string' },
      node: { type: 'string' },
      inventory: { type: 'string', short: 'i' },
      limit: { type: 'string', short: 'l' },
      forks: { type: 'string', short: 'f' },
    },
    help,
    io,
  );
  if (!parsed) return EXIT_UNREADABLE;
  const { values, positionals } = parsed;
  const usage = (message: string): number => {
    io.err(`rwsec certs: ${message}\n\n${help()}\n`);
    return EXIT_UNREADABLE;
  };
  const warnText = values['warn-days'];
  if (warnText !== undefined && !/^\d{1,5}$/.test(warnText))
    return usage(`--warn-days must be a whole number of days (got '${warnText}')`);
  const warnDays = warnText === undefined ? DEFAULT_WARN_DAYS : Number(warnText);
  if (values.inventory !== undefined) {
    if (values.config !== undefined || positionals.length > 0)
      return usage('give either --config FILE or -i INVENTORY, not both');
    const { runFleetCerts } = await import('./certs-fleet');
    return runFleetCerts(values, warnDays, io);
  }
  const config = values.config ?? positionals[0];
  if (config === undefined || positionals.length > (values.config ? 0 : 1))
    return usage('give the configuration: --config application.yaml');
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

export const certsCommand: Command = {
  name: 'certs',
  help,
  run,
};
