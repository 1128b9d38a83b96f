// Which trust source a keystore's chain is judged against by default: the one that store is used
// against in this config. A Cassandra node keystore is checked by the other nodes and by RWS with
// the Cassandra truststore; a store signed by the CA that a configured trust file holds is used
// against that file. A trust file the config names but that does not exist (a sample's
// ca_cert.jks) is never the default; without a match, the JDK cacerts (what Java clients trust).
import type { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { configuredPassword, storeOptions, valueAt } from '../kits/config-passwords';
import { buildChain } from './build';
import { parseCertificate } from './cert-facts';
import { loadTrustFile } from './trust-source';

/** `config:<option path>` (a trust file of the config) or `jdk`. */
export type TrustDefault = `config:${string}` | 'jdk';

export interface KeystoreTrustInput {
  /** The config's values (aliases resolved), or null when no config is open. */
  config: unknown;
  /** Resolves a path written in the config (relative to its folder). */
  resolvePath(path: string): string;
  /** The keystore file the chain comes from (absolute), when known. */
  keystoreFile?: string | undefined;
  /** The entry's chain, leaf first. */
  chain: readonly X509Certificate[];
}

interface ConfiguredTrust {
  key: string;
  file: string;
  password?: string;
}

/** The config's trust files that exist, in the catalog's order (the HTTPS keystore is no trust). */
function configuredTrustFiles(input: KeystoreTrustInput): ConfiguredTrust[] {
  return storeOptions.flatMap((option) => {
    if (option.key === 'ssl.keyStorePath') return [];
    const raw = valueAt(input.config, option.key);
    if (typeof raw !== 'string') return [];
    const value = raw.trim();
    if (value === '' || value === 'true' || value === 'false') return [];
    const file = input.resolvePath(value);
    if (!existsSync(file)) return [];
    const found = configuredPassword(input.config, option);
    return [
      { key: option.key, file, ...(found.kind === 'known' ? { password: found.password } : {}) },
    ];
  });
}

/** True when `trust` anchors the chain with every signature on the path verified. */
function anchors(trust: ConfiguredTrust, chain: readonly X509Certificate[]): boolean {
  const [leaf, ...others] = chain;
  if (!leaf) return false;
  try {
    const source = loadTrustFile(trust.file, trust.password);
    const built = buildChain(parseCertificate(leaf), others.map(parseCertificate), [source]);
    return built.end === 'anchored' && built.links.every((l) => l.signature !== 'invalid');
  } catch {
    return false; // unreadable here (a CRYPT: password, a damaged file): not the default
  }
}

/** The default trust source for a chain read from a keystore (see the top of this file). */
export function defaultTrustForKeystore(input: KeystoreTrustInput): TrustDefault {
  const trusts = configuredTrustFiles(input);
  const anchoring = trusts.find((trust) => anchors(trust, input.chain));
  if (anchoring) return `config:${anchoring.key}`;
  // A Cassandra kit writes the node keystores beside the truststore the config names.
  const cassandra = trusts.find((t) => t.key === 'cassandraCluster.trustStore');
  if (cassandra && input.keystoreFile && dirname(input.keystoreFile) === dirname(cassandra.file)) {
    return `config:${cassandra.key}`;
  }
  return 'jdk';
}

/** The first trust file of the config that exists, for a chain that does not come from a store. */
export function firstExistingTrust(
  input: Pick<KeystoreTrustInput, 'config' | 'resolvePath'>,
): TrustDefault {
  const first = configuredTrustFiles({ ...input, chain: [] })[0];
  return first ? `config:${first.key}` : 'jdk';
}
