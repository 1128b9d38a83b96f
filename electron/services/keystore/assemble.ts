// Builds entries from loose keys and certificates (PEM, DER, PKCS#7): each key gets the
// certificate holding its public key and that certificate's issuers; every other certificate
// becomes a trusted entry. Aliases come from the file (friendlyName) or the certificate's CN.
import type { KeyObject, X509Certificate } from 'node:crypto';
import { certMatchesKey, chainFrom } from './chain-order';
import type { StoreEntry } from './model';

export interface LooseKey {
  key: KeyObject;
  alias?: string;
}
export interface LooseCert {
  cert: X509Certificate;
  alias?: string;
}

function commonName(cert: X509Certificate): string | undefined {
  const line = cert.subject.split('\n').find((l) => l.startsWith('CN='));
  return line?.slice(3).trim().toLowerCase() || undefined;
}

export function assembleEntries(
  keys: LooseKey[],
  certs: LooseCert[],
  created = new Date(),
): StoreEntry[] {
  const taken = new Set<string>();
  const unique = (wanted: string): string => {
    let alias = wanted.toLowerCase();
    for (let n = 2; taken.has(alias); n++) alias = `${wanted.toLowerCase()}-${n}`;
    taken.add(alias);
    return alias;
  };
  const pool = certs.map((c) => c.cert);
  const used = new Set<X509Certificate>();
  const entries: StoreEntry[] = [];
  for (const { key, alias } of keys) {
    const leaf = certs.find((c) => !used.has(c.cert) && certMatchesKey(c.cert, key));
    const chain = leaf ? chainFrom(leaf.cert, pool) : [];
    chain.forEach((c) => used.add(c));
    entries.push({
      kind: 'key',
      alias: unique(alias ?? leaf?.alias ?? 'mykey'),
      created,
      chain,
      privateKey: key,
    });
  }
  certs.forEach(({ cert, alias }, i) => {
    if (used.has(cert)) return;
    entries.push({
      kind: 'trusted',
      alias: unique(alias ?? commonName(cert) ?? `cert-${i + 1}`),
      created,
      chain: [cert],
    });
  });
  return entries;
}
