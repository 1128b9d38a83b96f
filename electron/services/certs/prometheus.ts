// An inventory in the Prometheus text exposition format, for node_exporter's textfile collector.
// Metric names follow x509-certificate-exporter (x509_cert_not_before, x509_cert_not_after,
// x509_cert_expired, x509_read_errors) so its dashboards and alerts work unchanged; the labels
// add what only a config-aware inventory knows: node, keystore alias, config key and role.
import { basename } from 'node:path';
import type { Inventory, InventoryCertificate } from '../../../shared/certs/inventory';

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(pairs: [string, string][]): string {
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

function certLabels(c: InventoryCertificate): string {
  return labels([
    ['node', c.node],
    ['filepath', c.file],
    ['filename', c.origin === 'file' ? basename(c.file) : c.file],
    ['alias', c.alias ?? ''],
    ['config_key', c.configKey],
    ['role', c.role],
    ['subject_CN', c.subjectCN],
    ['issuer_CN', c.issuerCN],
    ['serial_number', c.serial],
  ]);
}

const seconds = (iso: string): string => String(Math.floor(Date.parse(iso) / 1000));

/** The exposition text of several inventories (one per node) as one file. */
export function prometheusText(inventories: readonly Inventory[]): string {
  const out: string[] = [];
  const seen = new Set<string>();
  const certs: { c: InventoryCertificate; l: string }[] = [];
  for (const inv of inventories) {
    for (const c of inv.certificates) {
      const l = certLabels(c);
      // The same certificate twice in one file under one alias would be a duplicate series.
      if (seen.has(l)) continue;
      seen.add(l);
      certs.push({ c, l });
    }
  }
  const family = (name: string, help: string, value: (c: InventoryCertificate) => string): void => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    for (const { c, l } of certs) out.push(`${name}${l} ${value(c)}`);
  };
  family('x509_cert_not_before', 'Start of the certificate validity, Unix seconds.', (c) =>
    seconds(c.notBefore),
  );
  family('x509_cert_not_after', 'End of the certificate validity, Unix seconds.', (c) =>
    seconds(c.notAfter),
  );
  family(
    'x509_cert_expired',
    '1 when the certificate has expired at the time of the inventory, else 0.',
    (c) => (c.state === 'expired' ? '1' : '0'),
  );
  out.push(
    '# HELP x509_read_errors Stores named by the configuration that could not be read.',
    '# TYPE x509_read_errors gauge',
  );
  for (const inv of inventories) {
    out.push(`x509_read_errors${labels([['node', inv.node]])} ${inv.errors.length}`);
  }
  out.push(
    '# HELP x509_cert_read_error 1 for each store (or probed endpoint) that could not be read.',
    '# TYPE x509_cert_read_error gauge',
  );
  const errorSeries = new Set<string>();
  for (const inv of inventories) {
    for (const e of inv.errors) {
      const l = labels([
        ['node', e.node],
        ['filepath', e.file],
        ['config_key', e.configKey],
        ['reason', e.kind],
      ]);
      if (errorSeries.has(l)) continue;
      errorSeries.add(l);
      out.push(`x509_cert_read_error${l} 1`);
    }
  }
  return out.join('\n') + '\n';
}
