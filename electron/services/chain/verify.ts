// Builds and judges a chain: the one entry point for the CLI, the probe and the UI.
import type { X509Certificate } from 'node:crypto';
import { checkHostnames } from '../../../shared/tls/hostname';
import {
  reasonText,
  type ChainReason,
  type ChainReport,
  type HostnameRule,
  type TlsPurpose,
} from '../../../shared/tls/verdicts';
import { buildChain, pickLeaf, type BuiltChain } from './build';
import { parseCertificate, type ParsedCertificate } from './cert-facts';
import { judgeLink } from './judge';
import type { TrustSource } from './trust-source';

export interface VerifyOptions {
  /** The certificates to judge; the leaf is found among them unless `leafFirst`. */
  certificates: readonly X509Certificate[];
  /** True when certificates[0] is known to be the leaf (a served chain, a keystore key entry). */
  leafFirst?: boolean;
  trust: readonly TrustSource[];
  host?: string;
  /** Which host-name rule decides the verdict (both are always reported). Default rfc6125. */
  hostnameRule?: HostnameRule;
  purpose?: TlsPurpose;
  now?: Date;
}

// Most important first: a forged or unknown chain matters more than its dates or name.
const precedence: ChainReason[] = [
  'bad-signature',
  'no-trust-source',
  'self-signed',
  'unknown-ca',
  'incomplete-chain',
  'expired',
  'not-yet-valid',
  'not-a-ca',
  'path-length-exceeded',
  'wrong-key-usage',
  'weak-algorithm',
  'name-mismatch',
];

function untrustedReason(
  chain: BuiltChain,
  trust: readonly TrustSource[],
): ChainReason | undefined {
  if (chain.end === 'anchored') return undefined;
  if (trust.length === 0) return 'no-trust-source';
  const top = chain.links[chain.links.length - 1];
  if (chain.end === 'untrusted-root')
    return chain.links.length === 1 ? 'self-signed' : 'unknown-ca';
  // The path stopped at a certificate whose issuer nobody supplied: a leaf (or non-CA) on top means
  // the sender left out its intermediate; a CA on top means its root is simply not trusted.
  return top?.parsed.facts.isCA === true ? 'unknown-ca' : 'incomplete-chain';
}

function explain(reason: ChainReason, report: ChainReport, chain: BuiltChain): string {
  const top = report.certificates[report.certificates.length - 1];
  const sources = report.trustSources.join(', ') || 'no trust source';
  switch (reason) {
    case 'trusted':
      return `trusted: chain ends at ${report.anchor?.subject ?? '?'} in ${report.anchor?.store ?? '?'}`;
    case 'unknown-ca':
      return chain.end === 'untrusted-root'
        ? `unknown CA: the root ${top?.subject ?? '?'} is not in ${sources}`
        : `unknown CA: ${top?.issuer ?? '?'} (issuer of ${top?.subject ?? '?'}) is not in ${sources}`;
    case 'incomplete-chain':
      return `incomplete chain: the intermediate ${top?.issuer ?? '?'} was not supplied and is not in ${sources}; the server must send it (Java does not fetch missing intermediates)`;
    case 'self-signed':
      return `self-signed certificate ${top?.subject ?? '?'} is not in ${sources}`;
    case 'no-trust-source':
      return 'no trust source given: pass --trust FILE, --trust-jdk or --trust-system';
    case 'name-mismatch': {
      const rule = report.hostnameRule === 'rws' ? report.hostname?.rws : report.hostname?.rfc6125;
      return `name mismatch (${report.hostnameRule === 'rws' ? 'RWS rule' : 'RFC 6125'}): ${rule?.message ?? ''}`;
    }
    default: {
      const where = report.certificates.find((c) =>
        c.checks.some((check) => check.mark === 'fail'),
      );
      return `${reasonText[reason]}${where ? `: ${where.subject}` : ''}`;
    }
  }
}

export function verifyParsedChain(
  parsed: readonly ParsedCertificate[],
  options: Omit<VerifyOptions, 'certificates'>,
): ChainReport {
  const now = options.now ?? new Date();
  const purpose = options.purpose ?? 'server';
  const leaf = options.leafFirst ? parsed[0] : pickLeaf(parsed);
  if (!leaf) throw new Error('No certificate to verify.');
  const chain = buildChain(leaf, parsed, options.trust);
  const judged = chain.links.map((_, i) => judgeLink(chain, i, purpose, now));
  const problems = new Set<ChainReason>(judged.flatMap((j) => j.problems));
  const untrusted = untrustedReason(chain, options.trust);
  if (untrusted) problems.add(untrusted);
  const report: ChainReport = {
    purpose,
    trustSources: options.trust.map((t) => t.name),
    certificates: judged.map((j) => j.report),
    unused: chain.unused.map((c) => c.facts),
    verdict: { trusted: false, reason: 'trusted', problems: [], message: '' },
    checkedAt: now.toISOString(),
  };
  if (chain.anchor) {
    report.anchor = {
      store: chain.anchor.source.name,
      subject: chain.anchor.anchor.parsed.facts.subject,
      ...(chain.anchor.anchor.alias !== undefined ? { alias: chain.anchor.anchor.alias } : {}),
    };
  }
  if (options.host !== undefined) {
    const hostnameRule = options.hostnameRule ?? 'rfc6125';
    report.hostname = checkHostnames(options.host, leaf.facts);
    report.hostnameRule = hostnameRule;
    if (report.hostname[hostnameRule].status === 'mismatch') problems.add('name-mismatch');
  }
  const ordered = precedence.filter((r) => problems.has(r));
  const reason = ordered[0] ?? 'trusted';
  report.verdict = {
    trusted: ordered.length === 0,
    reason,
    problems: ordered,
    message: explain(reason, report, chain),
  };
  return report;
}

export function verifyChain(options: VerifyOptions): ChainReport {
  const parsed = options.certificates.map((cert) => parseCertificate(cert));
  return verifyParsedChain(parsed, options);
}
