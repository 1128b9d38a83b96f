// Readable rendering of chain and probe reports for the terminal: one block per certificate,
// one line per verdict, marker and word both (colour-blind and copy-paste friendly).
import { terminalLines } from '../../../shared/terminal-safe';
import type {
  CertificateFacts,
  ChainReport,
  HostnameVerdict,
  Mark,
  ProbeReport,
} from '../../../shared/tls/verdicts';

const markText: Record<Mark, string> = {
  ok: '✓ ok  ',
  fail: '✗ FAIL',
  warn: '! warn',
  info: '· info',
};

function hostnameMark(v: HostnameVerdict): string {
  return v.status === 'match' ? markText.ok : v.status === 'unknown' ? '? unkn' : markText.fail;
}

function sanLine(c: CertificateFacts): string {
  const parts = [
    ...c.sanDns.map((n) => `DNS:${n}`),
    ...c.sanIp.map((n) => `IP:${n}`),
    ...c.sanOther,
  ];
  return parts.length ? parts.join(', ') : '(none)';
}

function factLines(c: CertificateFacts, indent: string): string[] {
  const key = `${c.keyAlgorithm}${c.keySize ? ` ${c.keySize}-bit` : ''}`;
  return [
    `${indent}issuer    ${c.issuer}`,
    `${indent}serial    ${c.serialNumber}`,
    `${indent}valid     ${c.notBefore} .. ${c.notAfter}`,
    `${indent}SAN       ${sanLine(c)}`,
    `${indent}key       ${key}, signed ${c.signatureAlgorithm}`,
    ...(c.keyUsage ? [`${indent}usage     ${c.keyUsage.join(', ')}`] : []),
    ...(c.extendedKeyUsage ? [`${indent}ext usage ${c.extendedKeyUsage.join(', ')}`] : []),
    `${indent}SHA-256   ${c.sha256}`,
  ];
}

export function chainReportText(report: ChainReport): string {
  const lines: string[] = [];
  const trust = report.trustSources.length ? report.trustSources.join(', ') : 'none';
  lines.push(`Trust source: ${trust}    purpose: TLS ${report.purpose}`);
  for (const c of report.certificates) {
    const from =
      c.origin === 'trust-source' ? `  (from ${report.anchor?.store ?? 'trust source'})` : '';
    lines.push('', `[${c.index}] ${c.role}: ${c.subject}${from}`);
    lines.push(...factLines(c, '    '));
    for (const check of c.checks) lines.push(`    ${markText[check.mark]}  ${check.message}`);
  }
  if (report.unused.length) {
    lines.push('', 'Not part of the chain (extra certificates given or sent):');
    for (const u of report.unused) lines.push(`    ${u.subject}  (issuer ${u.issuer})`);
  }
  if (report.hostname) {
    const h = report.hostname;
    const decides = (rule: 'rfc6125' | 'rws'): string =>
      report.hostnameRule === rule ? '  [decides]' : '';
    lines.push('', `Host name ${h.host}:`);
    lines.push(
      `    ${hostnameMark(h.rfc6125)}  RFC 6125:  ${h.rfc6125.message}${decides('rfc6125')}`,
    );
    lines.push(`    ${hostnameMark(h.rws)}  RWS rule:  ${h.rws.message}${decides('rws')}`);
  }
  const v = report.verdict;
  lines.push(
    '',
    v.trusted
      ? `Verdict: ✓ TRUSTED. ${v.message}`
      : `Verdict: ✗ NOT TRUSTED (${v.reason}). ${v.message}`,
  );
  if (v.problems.length > 1) lines.push(`    also: ${v.problems.slice(1).join(', ')}`);
  // Subjects, SANs and messages come from certificates an attacker may have made.
  return terminalLines(lines) + '\n';
}

export function probeReportText(report: ProbeReport): string {
  const target = `${report.host}:${report.port}`;
  if (!report.connected || !report.chain) {
    const f = report.failure;
    return (
      terminalLines([
        `✗ No TLS session with ${target} (${f?.kind ?? 'error'}): ${f?.message ?? ''}`,
      ]) + '\n'
    );
  }
  const sni = report.servername ? `, SNI ${report.servername}` : '';
  const head = [
    `Connected to ${target}${sni}: ${report.protocol ?? '?'}, ${report.cipher ?? '?'} (${report.durationMs} ms)`,
    `Server sent ${report.servedCount ?? 0} certificate(s).`,
    '',
  ];
  return terminalLines(head) + '\n' + chainReportText(report.chain);
}
