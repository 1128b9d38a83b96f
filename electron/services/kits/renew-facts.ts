// What a renewal carries over from the certificate it replaces: the subject DN, the SANs, the key
// algorithm and size, and the length of its validity. Only the dates and the key are new.
import type { KeyObject, X509Certificate } from 'node:crypto';
import { describeCertificate } from '../x509/describe';
import type { KeySpec } from '../x509/keys';
import type { SanEntry } from '../x509/names';
import { KitError } from './kit-error';

const DAY_MS = 86_400_000;

/** SANs as node prints them ("DNS:a, IP Address:10.0.0.5") back to entries we can issue. */
export function sanEntries(cert: X509Certificate): SanEntry[] {
  const text = cert.subjectAltName;
  if (!text) return [];
  return text.split(/, (?=(?:DNS|IP Address|email|URI):)/).flatMap((item): SanEntry[] => {
    const colon = item.indexOf(':');
    const kind = item.slice(0, colon);
    const value = item.slice(colon + 1).trim();
    if (kind === 'DNS') return [{ type: 'dns', value }];
    if (kind === 'IP Address') return [{ type: 'ip', value }];
    if (kind === 'email') return [{ type: 'email', value }];
    if (kind === 'URI') return [{ type: 'url', value }];
    return [];
  });
}

/** The same kind of key as `key`: RSA of its size, or EC on its curve. */
export function sameKeySpec(key: KeyObject, where: string): KeySpec {
  const d = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    const bits = d.modulusLength ?? 2048;
    // A weak old key (below 2048) is renewed at 2048: keep the size only where it is still offered.
    const size = bits >= 4096 ? 4096 : bits >= 3072 ? 3072 : 2048;
    return { algorithm: 'rsa', size };
  }
  if (key.asymmetricKeyType === 'ec') {
    return { algorithm: 'ec', curve: d.namedCurve === 'secp384r1' ? 'P-384' : 'P-256' };
  }
  throw new KitError(
    `${where} holds a ${String(key.asymmetricKeyType)} key, which the kit cannot renew: make a new one with rwsec kit https --dname ... --replace.`,
  );
}

export interface CarriedOver {
  dname: string;
  san: SanEntry[];
  /** Whole days the old certificate was valid for (at least 1). */
  days: number;
}

export function carriedOver(cert: X509Certificate): CarriedOver {
  const d = describeCertificate(cert);
  const days = Math.max(1, Math.round((Date.parse(d.notAfter) - Date.parse(d.notBefore)) / DAY_MS));
  return { dname: d.subject, san: sanEntries(cert), days };
}
