// Probe + judge: connect to an endpoint, then verify what it served against the given trust sources
// and the name the client would check.
import type { X509Certificate } from 'node:crypto';
import type { HostnameRule, ProbeReport, TlsPurpose } from '../../../shared/tls/verdicts';
import type { TrustSource } from '../chain/trust-source';
import { verifyChain } from '../chain/verify';
import { probeTls, type ProbeTarget } from './tls-probe';

export interface ProbeEndpointOptions extends ProbeTarget {
  trust: readonly TrustSource[];
  /** Which rule decides the verdict; both are reported. Default rfc6125. */
  hostnameRule?: HostnameRule;
  purpose?: TlsPurpose;
}

export interface ProbedEndpoint {
  report: ProbeReport;
  /** The certificates the endpoint served, leaf first (none when it did not connect). */
  served: X509Certificate[];
}

export async function probeEndpoint(options: ProbeEndpointOptions): Promise<ProbedEndpoint> {
  const outcome = await probeTls(options);
  const base = {
    host: options.host,
    port: options.port,
    ...(options.servername !== undefined ? { servername: options.servername } : {}),
    durationMs: outcome.durationMs,
  };
  if (!outcome.ok) {
    const failure = { kind: outcome.kind, message: outcome.message };
    return { report: { ...base, connected: false, failure }, served: [] };
  }
  const chain = verifyChain({
    certificates: outcome.served,
    leafFirst: true,
    trust: options.trust,
    host: options.servername ?? options.host,
    hostnameRule: options.hostnameRule ?? 'rfc6125',
    purpose: options.purpose ?? 'server',
  });
  const report: ProbeReport = {
    ...base,
    connected: true,
    protocol: outcome.protocol,
    cipher: outcome.cipher,
    servedCount: outcome.served.length,
    chain,
  };
  return { report, served: outcome.served };
}

/** `HOST:PORT`, `[v6]:PORT`; undefined when it is not one. */
export function parseHostPort(text: string): { host: string; port: number } | undefined {
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(text) ?? /^([^:\s/]+):(\d+)$/.exec(text);
  if (!match) return undefined;
  const port = Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { host: match[1] as string, port };
}
