// keytool's SAN syntax (`dns:rws.example.com,ip:10.0.0.5`, also email: and uri:), checked without
// Node so the wizard can judge SANs on the step where they are typed and the CLI uses the same
// words (electron/services/x509/names.ts builds the certificate extension from these entries).
export type SanKind = 'dns' | 'ip' | 'email' | 'url';

export interface SanItem {
  type: SanKind;
  value: string;
}

const sanTypes: Record<string, SanKind> = {
  dns: 'dns',
  ip: 'ip',
  email: 'email',
  uri: 'url',
  url: 'url',
};

const dnsName =
  /^(\*\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;
const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpAddress(text: string): boolean {
  if (ipv4.test(text)) return true;
  if (!text.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(text)) return false;
  try {
    return new URL(`http://[${text}]/`).hostname !== '';
  } catch {
    return false;
  }
}

/** One SAN entry, or why it is not one (the message names the entry and the form to write). */
export function parseSanItem(
  item: string,
): { ok: true; san: SanItem } | { ok: false; message: string } {
  const colon = item.indexOf(':');
  const kind = colon > 0 ? sanTypes[item.slice(0, colon).trim().toLowerCase()] : undefined;
  const value = colon > 0 ? item.slice(colon + 1).trim() : '';
  if (!kind || value === '') {
    return {
      ok: false,
      message: `'${item.trim()}' is not a SAN entry: write dns:NAME, ip:ADDRESS, email:ADDRESS or uri:URI.`,
    };
  }
  if (kind === 'ip' && !isIpAddress(value)) {
    return { ok: false, message: `'${value}' is not an IPv4 or IPv6 address (SAN ip:).` };
  }
  if (kind === 'dns' && !dnsName.test(value)) {
    return { ok: false, message: `'${value}' is not a DNS name (SAN dns:).` };
  }
  return { ok: true, san: { type: kind, value } };
}

/** Every problem in a comma-separated SAN list ([] when it is fine or empty). */
export function sanListProblems(list: string): string[] {
  if (list.trim() === '') return [];
  return list.split(',').flatMap((item) => {
    const parsed = parseSanItem(item);
    return parsed.ok ? [] : [parsed.message];
  });
}
