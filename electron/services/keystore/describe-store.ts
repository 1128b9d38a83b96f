// The `rwsec keystore list --json` shape: a store's entries with their certificates described.
import { describeCertificate, type CertificateDescription } from '../x509/describe';
import type { Keystore, StoreType } from './model';

export interface EntryDescription {
  alias: string;
  kind: 'key' | 'trusted';
  created: string;
  chain: CertificateDescription[];
}

export interface StoreDescription {
  type: StoreType;
  entries: EntryDescription[];
}

export function describeStore(store: Keystore): StoreDescription {
  return {
    type: store.type,
    entries: store.entries.map((entry) => ({
      alias: entry.alias,
      kind: entry.kind,
      created: entry.created.toISOString(),
      chain: entry.chain.map(describeCertificate),
    })),
  };
}
