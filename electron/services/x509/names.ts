// Distinguished names and SAN lists as admins type them for keytool:
//   -dname "CN=rws.example.com, OU=IT, O=Example\, Inc., C=US"   -ext san=dns:rws,ip:10.0.0.5
import { UserFacingError } from '../../../shared/user-error';
import { isIP } from 'node:net';
import type { px } from './peculiar';

type JsonGeneralName = px.JsonGeneralName;
type JsonName = px.JsonName;

export class NameSyntaxError extends UserFacingError {
  constructor(message: string) {
    super('unreadable', message);
  }
}

/** keytool's attribute keywords (case-insensitive) to the short names or OIDs @peculiar/x509 knows. */
const attributeTypes: Record<string, string> = {
  CN: 'CN',
  OU: 'OU',
  O: 'O',
  L: 'L',
  ST: 'ST',
  S: 'ST',
  C: 'C',
  E: 'E',
  EMAIL: 'E',
  EMAILADDRESS: 'E',
  DC: 'DC',
  STREET: '2.5.4.9',
  SERIALNUMBER: '2.5.4.5',
  UID: '0.9.2342.19200300.100.1.1',
  T: 'T',
  TITLE: 'T',
};

/** Splits on `sep` outside quotes and backslash escapes; escapes are kept for the next stage. */
function splitUnescaped(text: string, seps: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + (text[i + 1] ?? '');
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if (!quoted && seps.includes(ch)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quoted) throw new NameSyntaxError('Unbalanced quote in the distinguished name.');
  parts.push(current);
  return parts;
}

function unescapeValue(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return trimmed.replace(/\\(.)/g, '$1');
}

export interface Rdn {
  type: string;
  value: string;
}

/**
 * Parses a keytool-style dname into its RDNs in the order typed ("CN=..., OU=..., C=US").
 * Escaped commas (`\,`), quoted values and multi-valued RDNs (`+`) are supported.
 */
export function parseDname(dname: string): Rdn[][] {
  if (dname.trim() === '') throw new NameSyntaxError('The distinguished name is empty.');
  return splitUnescaped(dname, ',;').map((rdnText) =>
    splitUnescaped(rdnText, '+').map((atv) => {
      const eq = atv.indexOf('=');
      if (eq <= 0) {
        throw new NameSyntaxError(
          `'${atv.trim()}' is not TYPE=value (example: "CN=rws.example.com, O=Example, C=US").`,
        );
      }
      const keyword = atv.slice(0, eq).trim();
      const type = /^[0-9]+(\.[0-9]+)+$/.test(keyword)
        ? keyword
        : attributeTypes[keyword.toUpperCase()];
      if (!type) {
        throw new NameSyntaxError(
          `Unknown name attribute '${keyword}': use CN, OU, O, L, ST, C, EMAILADDRESS, DC, STREET or an OID.`,
        );
      }
      const value = unescapeValue(atv.slice(eq + 1));
      if (value === '') throw new NameSyntaxError(`Attribute ${keyword} has an empty value.`);
      if (type === 'C' && !/^[A-Za-z]{2}$/.test(value)) {
        throw new NameSyntaxError(`Country (C=${value}) must be a two-letter code such as US.`);
      }
      return { type, value };
    }),
  );
}

/**
 * The dname as an X.500 name in encoding order. As for keytool (RFC 2253 strings), the first RDN
 * typed is the LAST one encoded, so `CN=a, C=US` reads back the same way in keytool and Java.
 */
export function dnameToJsonName(dname: string): JsonName {
  return parseDname(dname)
    .reverse()
    .map((rdn) => {
      const attrs: Record<string, string[]> = {};
      for (const { type, value } of rdn) (attrs[type] ??= []).push(value);
      return attrs;
    });
}

export type SanEntry = JsonGeneralName;

const sanTypes: Record<string, SanEntry['type']> = {
  dns: 'dns',
  ip: 'ip',
  email: 'email',
  uri: 'url',
  url: 'url',
};

const dnsName =
  /^(\*\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;

/** Parses keytool's SAN syntax `dns:rws.example.com,ip:10.0.0.5` (also email: and uri:). */
export function parseSanList(list: string): SanEntry[] {
  if (list.trim() === '') return [];
  return list.split(',').map((item) => {
    const colon = item.indexOf(':');
    const kind = colon > 0 ? sanTypes[item.slice(0, colon).trim().toLowerCase()] : undefined;
    const value = colon > 0 ? item.slice(colon + 1).trim() : '';
    if (!kind || value === '') {
      throw new NameSyntaxError(
        `'${item.trim()}' is not a SAN entry: write dns:NAME, ip:ADDRESS, email:ADDRESS or uri:URI.`,
      );
    }
    if (kind === 'ip' && isIP(value) === 0) {
      throw new NameSyntaxError(`'${value}' is not an IPv4 or IPv6 address (SAN ip:).`);
    }
    if (kind === 'dns' && !dnsName.test(value)) {
      throw new NameSyntaxError(`'${value}' is not a DNS name (SAN dns:).`);
    }
    return { type: kind, value };
  });
}
