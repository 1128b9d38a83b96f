// Host-name checks, two rules side by side:
// - RFC 6125 (what browsers, curl, Node and JSSE's HTTPS endpoint identification do): SAN DNS names
//   (a wildcard only as the whole left-most label, matching exactly one label), SAN IP addresses
//   compared as addresses, Subject CN consulted only when the certificate has no SAN DNS/IP at all.
// - The RWS rule stated by the vendor guide for RWS's connections to Configuration, SIP and
//   Interaction Server: accepted when the host equals the Issuer CN, the Subject CN or a SAN DNS name.
//   The guide is silent on wildcards; we are conservative: only exact (case-insensitive) equality
//   is a match, and a host that matches only through a wildcard gets status `unknown`.
// Pure: no Node APIs. IDNA is out of scope: non-ASCII names never match.
import type { HostnameField, HostnameVerdict, HostnameVerdicts } from './verdicts';

/** The names a certificate presents, as read from it (electron/services/chain extracts them). */
export interface PresentedNames {
  subjectCN: readonly string[];
  issuerCN: readonly string[];
  sanDns: readonly string[];
  sanIp: readonly string[];
}

const MAX_NAME = 253;

/** ASCII-only lower-casing: `toLowerCase` would fold non-ASCII letters into ASCII ones (e.g. the Kelvin sign). */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/** Lower-cased, one trailing dot removed; undefined when it cannot be a DNS name. */
function normalizeDnsName(name: string, allowWildcard: boolean): string | undefined {
  let n = asciiLower(name);
  if (n.endsWith('.')) n = n.slice(0, -1);
  if (n.length === 0 || n.length > MAX_NAME) return undefined;
  const pattern = allowWildcard
    ? /^[a-z0-9_*-]+(\.[a-z0-9_-]+)*$/
    : /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;
  if (!pattern.test(n)) return undefined;
  if (n.split('.').some((label) => label.length > 63)) return undefined;
  return n;
}

/** Parses an IPv4 or IPv6 literal (brackets allowed) into its 4 or 16 bytes; undefined otherwise. */
export function parseIpAddress(text: string): number[] | undefined {
  let t = text.trim();
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(t)) {
    const parts = t.split('.').map(Number);
    // Leading zeros are ambiguous (octal in some resolvers): refuse rather than guess.
    if (t.split('.').some((p) => p.length > 1 && p.startsWith('0'))) return undefined;
    return parts.every((p) => p <= 255) ? parts : undefined;
  }
  if (!t.includes(':') || !/^[0-9a-fA-F:.]+$/.test(t)) return undefined;
  let tail: number[] = [];
  const lastColon = t.lastIndexOf(':');
  const maybeV4 = t.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    const v4 = parseIpAddress(maybeV4);
    if (!v4 || v4.length !== 4) return undefined;
    tail = v4;
    t = t.slice(0, lastColon + 1) + '0:0';
  }
  const halves = t.split('::');
  if (halves.length > 2) return undefined;
  const toGroups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const groups = s.split(':');
    if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = toGroups(halves[0] ?? '');
  const rest = halves.length === 2 ? toGroups(halves[1] ?? '') : [];
  if (!head || !rest) return undefined;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...rest];
  const bytes = groups.flatMap((g) => [g >> 8, g & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function sameAddress(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** RFC 6125 DNS-ID match of `host` (already normalized) against one presented name. */
function dnsMatches(host: string, presented: string): 'exact' | 'wildcard' | false {
  const pattern = normalizeDnsName(presented, true);
  if (!pattern) return false;
  if (!pattern.includes('*')) return pattern === host ? 'exact' : false;
  const labels = pattern.split('.');
  const [first, ...rest] = labels;
  // Wildcard only as the whole left-most label, and never directly under a top-level label (`*.com`).
  if (first !== '*' || rest.some((l) => l.includes('*')) || rest.length < 2) return false;
  const hostLabels = host.split('.');
  if (hostLabels.length !== labels.length) return false;
  const [hostFirst, ...hostRest] = hostLabels;
  if (!hostFirst) return false;
  return hostRest.join('.') === rest.join('.') ? 'wildcard' : false;
}

function verdict(
  rule: HostnameVerdict['rule'],
  host: string,
  status: HostnameVerdict['status'],
  message: string,
  matchedBy?: HostnameField,
  matchedValue?: string,
): HostnameVerdict {
  return {
    rule,
    host,
    status,
    ...(matchedBy ? { matchedBy } : {}),
    ...(matchedValue !== undefined ? { matchedValue } : {}),
    message,
  };
}

function listed(names: readonly string[]): string {
  return names.length ? names.map((n) => JSON.stringify(n)).join(', ') : 'none';
}

/** The standard host-name check (RFC 6125 / RFC 2818). */
export function checkHostnameRfc6125(host: string, names: PresentedNames): HostnameVerdict {
  const ip = parseIpAddress(host);
  if (ip) {
    for (const presented of names.sanIp) {
      const candidate = parseIpAddress(presented);
      if (candidate && sameAddress(candidate, ip)) {
        return verdict(
          'rfc6125',
          host,
          'match',
          `SAN IP ${presented} matches`,
          'san-ip',
          presented,
        );
      }
    }
    return verdict(
      'rfc6125',
      host,
      'mismatch',
      `${host} is an IP address and the certificate's SAN IP addresses (${listed(names.sanIp)}) do not include it`,
    );
  }
  const normalized = normalizeDnsName(host, false);
  if (!normalized) {
    return verdict('rfc6125', host, 'mismatch', `${JSON.stringify(host)} is not a valid host name`);
  }
  const hasSan = names.sanDns.length > 0 || names.sanIp.length > 0;
  const fields: [HostnameField, readonly string[]][] = hasSan
    ? [['san-dns', names.sanDns]]
    : [['subject-cn', names.subjectCN]];
  for (const [field, values] of fields) {
    for (const presented of values) {
      const how = dnsMatches(normalized, presented);
      if (how) {
        const label = field === 'san-dns' ? 'SAN DNS' : 'Subject CN (no SAN present)';
        const extra = how === 'wildcard' ? ' (wildcard)' : '';
        return verdict(
          'rfc6125',
          host,
          'match',
          `${label} ${presented} matches${extra}`,
          field,
          presented,
        );
      }
    }
  }
  const why = hasSan
    ? `not in the SAN DNS names (${listed(names.sanDns)}); the Subject CN is ignored because the certificate has SANs`
    : `does not match the Subject CN (${listed(names.subjectCN)}) and the certificate has no SAN`;
  return verdict('rfc6125', host, 'mismatch', `${host} ${why}`);
}

/**
 * The rule the vendor guide states for RWS → Configuration/SIP/Interaction Server: the host must equal
 * the Issuer CN, the Subject CN or a SAN DNS name. Compared as text, case-insensitively, one trailing
 * dot ignored; SAN IP entries are not part of the rule. Wildcards: UNKNOWN (see the file comment).
 */
export function checkHostnameRws(host: string, names: PresentedNames): HostnameVerdict {
  const trimmed = asciiLower(host).replace(/\.$/, '');
  if (trimmed.length === 0 || trimmed.length > MAX_NAME || /[^\x21-\x7e]/.test(trimmed)) {
    return verdict('rws', host, 'mismatch', `${JSON.stringify(host)} is not a valid host name`);
  }
  const fields: [HostnameField, string, readonly string[]][] = [
    ['issuer-cn', 'Issuer CN', names.issuerCN],
    ['subject-cn', 'Subject CN', names.subjectCN],
    ['san-dns', 'SAN DNS', names.sanDns],
  ];
  for (const [field, label, values] of fields) {
    for (const presented of values) {
      if (asciiLower(presented).replace(/\.$/, '') === trimmed) {
        return verdict(
          'rws',
          host,
          'match',
          `${label} ${presented} equals the host`,
          field,
          presented,
        );
      }
    }
  }
  const normalized = normalizeDnsName(host, false);
  if (normalized) {
    for (const [field, label, values] of fields) {
      for (const presented of values) {
        if (dnsMatches(normalized, presented) === 'wildcard') {
          return verdict(
            'rws',
            host,
            'unknown',
            `only the wildcard ${label} ${presented} matches; whether RWS accepts wildcards is UNKNOWN (the guide is silent)`,
            field,
            presented,
          );
        }
      }
    }
  }
  return verdict(
    'rws',
    host,
    'mismatch',
    `${host} equals none of Issuer CN (${listed(names.issuerCN)}), Subject CN (${listed(names.subjectCN)}), SAN DNS (${listed(names.sanDns)})`,
  );
}

export function checkHostnames(host: string, names: PresentedNames): HostnameVerdicts {
  return {
    host,
    rfc6125: checkHostnameRfc6125(host, names),
    rws: checkHostnameRws(host, names),
  };
}

/** Help text shared by the CLI and the UI: which rule a given RWS connection uses. */
export const hostnameRulesHelp = [
  'Host-name rules:',
  '  RFC 6125  SAN DNS (wildcard only as the whole left-most label), SAN IP; Subject CN only when',
  '            the certificate has no SAN. Used by HTTPS clients (browsers, curl) and, as far as public',
  '            material says, by RWS for WebDAV, RCS and SpeechMiner (JVM default HTTPS checks).',
  '  RWS rule  host equals the Issuer CN, the Subject CN or a SAN DNS name (vendor guide, for RWS',
  '            connections to Configuration, SIP and Interaction Server). Wildcards: UNKNOWN (the guide',
  '            is silent), so a wildcard-only match is reported as unknown, never as a match.',
].join('\n');
