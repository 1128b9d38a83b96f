// `rwsec validate FILE --probe`: probes the TLS endpoints an application.yaml lets us derive and
// reports what RWS would meet there, as diagnostics at the keys an admin would change.
//   Configuration Server  onPremiseSettings.cmeHost:cmePort when tlsEnabled; trust = caCertificate
//                         (+ jksPassword); host name by the RWS rule stated in the guide.
//   Cassandra             each of cassandraCluster.nodes on 9042 when useSSL; trust = trustStore
//                         (+ truststorePassword). Whether RWS's Cassandra driver checks host names is
//                         UNKNOWN, so a name mismatch there is a warning.
//   RWS itself (HTTPS)    host of serverSettings.externalApiUrlV2 on ssl.port when enableSsl; trust =
//                         the system CA bundle (what clients on this machine trust).
import { dirname, isAbsolute, resolve } from 'node:path';
import { configPort, type ConfigView } from '../../../shared/config-view';
import type { Diagnostic, Severity } from '../../../shared/diagnostics';
import type { ProbeRuleId } from '../../../shared/rules/rule-ids';
import { classifySecret } from '../../../shared/secrets/obf';
import type { ChainReason, HostnameRule, ProbeReport } from '../../../shared/tls/verdicts';
import { CertificateFileError } from '../chain/cert-input';
import { KeystoreError } from '../keystore/model';
import {
  loadJdkCacerts,
  loadSystemBundle,
  loadTrustFile,
  type TrustSource,
} from '../chain/trust-source';
import { probeEndpoint } from './probe-endpoint';

export interface ConfigProbeOptions {
  timeoutMs?: number;
  /** Cassandra's native port; 9042 unless a test moves it. */
  cassandraPort?: number;
  /** The trust used for RWS's own HTTPS endpoint; default the system CA bundle. */
  publicTrust?: () => TrustSource[];
  /**
   * Where the config's files live when not on this machine (a fleet node): its trust files and
   * its JVM's cacerts, read there. Default: this machine's disk.
   */
  readTrust?: (path: string, password?: string) => Promise<TrustSource>;
  jdkTrust?: () => Promise<TrustSource>;
  /**
   * The address of this RWS node (a fleet node's ansible_host): its own HTTPS port is probed
   * there, the host of externalApiUrlV2 being the name sent (SNI) and checked. Default: that host.
   */
  rwsAddress?: string;
}

interface Target {
  label: string;
  host: string;
  /** The name sent and checked, when it is not `host` (a node probed at its address). */
  servername?: string;
  port: number;
  /** Key for connection and name findings. */
  path: string;
  /** Key for trust findings (the trust file, or the keystore that should hold the intermediate). */
  trustPath: string;
  trust: TrustSource[] | undefined;
  rule: HostnameRule;
  nameSeverity: Severity;
  untrustedSeverity: Severity;
  note?: string;
}

const DEFAULT_TIMEOUT_MS = 5000;
const TRUST_REASONS: ChainReason[] = [
  'unknown-ca',
  'incomplete-chain',
  'self-signed',
  'bad-signature',
  'no-trust-source',
];

function str(view: ConfigView, path: string): string | undefined {
  const v = view.get(path);
  return typeof v === 'string' && v.trim() !== ''
    ? v.trim()
    : typeof v === 'number'
      ? String(v)
      : undefined;
}

class Findings {
  readonly list: Diagnostic[] = [];
  constructor(private readonly view: ConfigView) {}
  add(severity: Severity, rule: ProbeRuleId, path: string, message: string, fix?: string): void {
    const { line, column } = this.view.position(path);
    this.list.push({ severity, rule, path, line, column, message, ...(fix ? { fix } : {}) });
  }
}

/** A trust file as RWS reads it: relative paths against the yaml's folder, `CRYPT:` passwords unknown to us. */
async function configuredTrust(
  view: ConfigView,
  yamlFile: string,
  fileKey: string,
  passwordKeys: string[],
  findings: Findings,
  options: ConfigProbeOptions,
): Promise<TrustSource[] | undefined> {
  const value = str(view, fileKey);
  if (value === undefined) return undefined;
  const path = isAbsolute(value) ? value : resolve(dirname(yamlFile), value);
  const rawPassword = passwordKeys.map((k) => str(view, k)).find((v) => v !== undefined);
  const password =
    rawPassword !== undefined && classifySecret(rawPassword) === 'CRYPT' ? undefined : rawPassword;
  try {
    return [
      options.readTrust ? await options.readTrust(path, password) : loadTrustFile(path, password),
    ];
  } catch (err) {
    // A trust file that cannot be used (missing, damaged, wrong password) is a finding here.
    if (!(err instanceof CertificateFileError) && !(err instanceof KeystoreError)) throw err;
    const encrypted = rawPassword !== undefined && password === undefined;
    findings.add(
      'error',
      'probe-trust-file',
      fileKey,
      `Cannot use ${path} as the trust file for probing: ${err.message}`,
      encrypted
        ? 'The password is CRYPT: encrypted and cannot be read here; check this file with `rwsec chain` and its plain password.'
        : 'Fix the path or password so that RWS can read this file.',
    );
    return [];
  }
}

async function targets(
  view: ConfigView,
  file: string,
  options: ConfigProbeOptions,
  findings: Findings,
): Promise<Target[]> {
  const list: Target[] = [];
  if (view.get('onPremiseSettings.tlsEnabled') === true) {
    const host = str(view, 'onPremiseSettings.cmeHost');
    const cmePort = configPort(view, 'onPremiseSettings.cmePort');
    if (host && cmePort) {
      const trust = await configuredTrust(
        view,
        file,
        'serverSettings.caCertificate',
        ['serverSettings.jksPassword'],
        findings,
        options,
      );
      list.push({
        label: 'Configuration Server',
        host,
        port: cmePort,
        path: 'onPremiseSettings.cmeHost',
        trustPath: trust ? 'serverSettings.caCertificate' : 'onPremiseSettings.cmeHost',
        trust,
        rule: 'rws',
        nameSeverity: 'error',
        untrustedSeverity: 'error',
        ...(trust
          ? {}
          : {
              note: 'serverSettings.caCertificate is not set, so RWS encrypts but does not check this certificate',
            }),
      });
    }
  }
  if (view.get('cassandraCluster.useSSL') === true) {
    const nodes = view.get('cassandraCluster.nodes');
    const names = (
      Array.isArray(nodes) ? nodes.map(String) : typeof nodes === 'string' ? nodes.split(',') : []
    )
      .map((n) => n.trim())
      .filter((n) => n !== '');
    const configured = await configuredTrust(
      view,
      file,
      'cassandraCluster.trustStore',
      ['cassandraCluster.truststorePassword', 'cassandraCluster.trustStorePassword'],
      findings,
      options,
    );
    let trust = configured;
    if (!trust) {
      try {
        trust = [options.jdkTrust ? await options.jdkTrust() : loadJdkCacerts()];
      } catch {
        trust = [];
      }
    }
    for (const host of [...new Set(names)]) {
      list.push({
        label: 'Cassandra',
        host,
        port: options.cassandraPort ?? 9042,
        path: 'cassandraCluster.nodes',
        trustPath: configured ? 'cassandraCluster.trustStore' : 'cassandraCluster.useSSL',
        trust,
        rule: 'rfc6125',
        nameSeverity: 'warning',
        untrustedSeverity: 'error',
      });
    }
  }
  const enableSsl = view.get('enableSsl') ?? view.get('jetty.enableSsl');
  const external = str(view, 'serverSettings.externalApiUrlV2');
  if (enableSsl === true && external) {
    let host: string | undefined;
    try {
      host = new URL(external).hostname.replace(/^\[|\]$/g, '');
    } catch {
      host = undefined;
    }
    const sslPort = configPort(view, 'ssl.port', 443);
    if (host && sslPort) {
      let trust: TrustSource[];
      try {
        trust = options.publicTrust ? options.publicTrust() : [loadSystemBundle()];
      } catch {
        trust = [];
      }
      list.push({
        label: 'RWS HTTPS',
        host: options.rwsAddress ?? host,
        ...(options.rwsAddress !== undefined && options.rwsAddress !== host
          ? { servername: host }
          : {}),
        port: sslPort,
        path: 'serverSettings.externalApiUrlV2',
        trustPath: 'ssl.keyStorePath',
        trust,
        rule: 'rfc6125',
        nameSeverity: 'error',
        untrustedSeverity: 'warning',
      });
    }
  }
  return list;
}

function report(findings: Findings, target: Target, result: ProbeReport): void {
  const where = `${target.label} ${target.host}:${target.port}${target.servername ? ` (as ${target.servername})` : ''}`;
  if (!result.connected || !result.chain) {
    findings.add(
      'error',
      'probe-unreachable',
      target.path,
      `${where}: no TLS session (${result.failure?.kind ?? 'error'}): ${result.failure?.message ?? ''}`,
      target.label === 'Configuration Server'
        ? 'RWS needs a secured listening port on Configuration Server (not auto-upgrade): check cmeHost and cmePort.'
        : 'Check the host, the port and that TLS is enabled on that server.',
    );
    return;
  }
  const chain = result.chain;
  const leaf = chain.certificates[0];
  const session = `${result.protocol ?? '?'}, ${result.cipher ?? '?'}`;
  if (target.note)
    findings.add(
      'info',
      'probe-unchecked',
      target.trustPath,
      `${where} (${session}): ${target.note}.`,
    );
  const problems = chain.verdict.problems;
  const trustProblem = problems.find((p) => TRUST_REASONS.includes(p));
  if (trustProblem && !target.note) {
    findings.add(
      target.untrustedSeverity,
      'probe-untrusted',
      target.trustPath,
      `${where}: ${chain.verdict.reason === trustProblem ? chain.verdict.message : trustProblem}`,
      trustProblem === 'incomplete-chain'
        ? 'Have the server send its intermediate certificate(s) with its own.'
        : 'Put the CA that issued this chain into the trust file RWS uses.',
    );
  }
  // Without a trust file RWS checks nothing (guide: minimal configuration): findings become warnings.
  for (const problem of problems.filter(
    (p) => !TRUST_REASONS.includes(p) && p !== 'name-mismatch',
  )) {
    const severity = target.note ? 'warning' : 'error';
    findings.add(
      severity,
      'probe-certificate',
      target.path,
      `${where}: ${problem}: ${leaf?.subject ?? ''}`,
    );
  }
  const verdict = target.note ? undefined : chain.hostname?.[target.rule];
  if (verdict && verdict.status !== 'match') {
    const ruleName =
      target.rule === 'rws' ? 'the RWS rule (Issuer CN, Subject CN or SAN DNS)' : 'RFC 6125';
    findings.add(
      verdict.status === 'unknown' ? 'warning' : target.nameSeverity,
      'probe-name-mismatch',
      target.path,
      `${where}: the certificate does not match ${target.servername ?? target.host} under ${ruleName}: ${verdict.message}`,
      'Use the host name the certificate was issued for, or reissue it with this name.',
    );
  }
  const expiring = leaf?.checks.find((c) => c.id === 'validity' && c.mark === 'warn');
  if (expiring)
    findings.add(
      'warning',
      'probe-expiring',
      target.path,
      `${where}: certificate ${expiring.message}.`,
    );
  if (chain.verdict.trusted && !expiring) {
    findings.add(
      'info',
      'probe-ok',
      target.path,
      `${where}: ${session}, trusted (${chain.verdict.message}).`,
    );
  }
}

export async function probeConfigDiagnostics(
  view: ConfigView,
  file: string,
  options: ConfigProbeOptions = {},
): Promise<Diagnostic[]> {
  const findings = new Findings(view);
  const list = await targets(view, file, options, findings);
  const results = await Promise.all(
    list.map((t) =>
      probeEndpoint({
        host: t.host,
        ...(t.servername !== undefined ? { servername: t.servername } : {}),
        port: t.port,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        trust: t.trust ?? [],
        hostnameRule: t.rule,
      }).then((probed) => probed.report),
    ),
  );
  list.forEach((t, i) => report(findings, t, results[i] as ProbeReport));
  if (list.length === 0) {
    findings.add(
      'info',
      'probe-nothing',
      'onPremiseSettings.tlsEnabled',
      'Nothing to probe: no TLS connection is enabled (onPremiseSettings.tlsEnabled, cassandraCluster.useSSL, enableSsl).',
    );
  }
  return findings.list;
}
