// `rwsec certs --probe`: the chains actually served by the TLS endpoints the config names, as
// `rwsec validate --probe` derives them (Configuration Server, each Cassandra node, RWS's own
// HTTPS URL). Only what was served is listed; judging it is `rwsec validate --probe`'s job.
import { configPort, type ConfigView } from '../../../shared/config-view';
import type { InventoryCertificate, InventoryReadError } from '../../../shared/certs/inventory';
import { isTrue, listItems, presentText, sslEnabled } from '../../../shared/rules/rule';
import { probeTls } from '../probe/tls-probe';
import { certificateRow, chainRole, type RowClock } from './certificate-row';

export interface ProbeTargetOfConfig {
  host: string;
  /** The name sent (SNI) when it is not `host`: a fleet node reached at its address. */
  servername?: string;
  port: number;
  configKey: string;
}

export interface ProbeSourceOptions {
  timeoutMs?: number;
  /** Cassandra's native port; 9042 unless a test moves it. */
  cassandraPort?: number;
  /** The RWS node's own address (fleet: ansible_host), where its HTTPS port is reached. */
  rwsAddress?: string;
}

export function probeTargets(
  view: ConfigView,
  options: ProbeSourceOptions = {},
): ProbeTargetOfConfig[] {
  const out: ProbeTargetOfConfig[] = [];
  if (isTrue(view, 'onPremiseSettings.tlsEnabled')) {
    const host = presentText(view, 'onPremiseSettings.cmeHost');
    const port = configPort(view, 'onPremiseSettings.cmePort');
    if (host && port) out.push({ host, port, configKey: 'onPremiseSettings.cmeHost' });
  }
  if (isTrue(view, 'cassandraCluster.useSSL')) {
    const raw = view.get('cassandraCluster.nodes');
    const nodes = listItems(raw) ?? [];
    for (const host of new Set(nodes)) {
      out.push({ host, port: options.cassandraPort ?? 9042, configKey: 'cassandraCluster.nodes' });
    }
  }
  const external = presentText(view, 'serverSettings.externalApiUrlV2');
  if (sslEnabled(view) && external) {
    let host: string | undefined;
    try {
      host = new URL(external).hostname.replace(/^\[|\]$/g, '');
    } catch {
      host = undefined;
    }
    const port = configPort(view, 'ssl.port', 443);
    if (host && port) {
      const at = options.rwsAddress ?? host;
      out.push({
        host: at,
        ...(at !== host ? { servername: host } : {}),
        port,
        configKey: 'serverSettings.externalApiUrlV2',
      });
    }
  }
  return out;
}

export async function probeSources(
  targets: readonly ProbeTargetOfConfig[],
  clock: RowClock,
  options: ProbeSourceOptions = {},
): Promise<{ certificates: InventoryCertificate[]; errors: InventoryReadError[] }> {
  const results = await Promise.all(
    targets.map(async (t) => ({
      t,
      outcome: await probeTls({
        host: t.host,
        ...(t.servername !== undefined ? { servername: t.servername } : {}),
        port: t.port,
        timeoutMs: options.timeoutMs ?? 5000,
      }),
    })),
  );
  const certificates: InventoryCertificate[] = [];
  const errors: InventoryReadError[] = [];
  for (const { t, outcome } of results) {
    const where = `${t.host}:${t.port}`;
    if (!outcome.ok) {
      errors.push({
        node: t.host,
        file: where,
        configKey: t.configKey,
        kind: 'unreachable',
        message: `${t.configKey} ${where}: no TLS session (${outcome.kind}): ${outcome.message}`,
      });
      continue;
    }
    outcome.served.forEach((cert, index) => {
      certificates.push(
        certificateRow(
          cert,
          {
            node: t.host,
            file: where,
            index,
            configKey: t.configKey,
            origin: 'probe',
            role: chainRole(cert, index),
          },
          clock,
        ),
      );
    });
  }
  return { certificates, errors };
}
