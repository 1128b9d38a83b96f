// Drift between nodes: for every security key, the nodes grouped by the value they hold. Keys
// whose differing values break the cluster (every RWS node must share cryptoSecurityKey,
// crClusterName, the CORS/CSRF settings, the trust it places in peers, and the Cassandra and
// Configuration Server settings) are "must match"; the rest (ports, paths, URLs naming the node,
// store passwords of per-node files) may differ. Trust files are compared by the certificates
// they hold, not by their paths. Secrets are compared by equality only: no value, no hash.
import { posix } from 'node:path';
import type { OptionPath } from '../../../shared/catalog/options';
import { isSecretPath } from '../../../shared/catalog/secret-paths';
import { presentText } from '../../../shared/rules/rule';
import { trustedCaPath } from '../../../shared/rules/trust';
import { classifySecret } from '../../../shared/secrets/obf';
import type { RwsDocument } from '../../../shared/yaml/document';
import { readKeystore } from '../keystore/read';
import { trustedCertificates } from '../validate/rules/certificate-facts';
import { describeOrUndefined } from '../validate/rules/certificate-facts';
import type { NodeRead } from './node-read';

export interface DriftGroup {
  nodes: string[];
  /** The value; absent for secrets (and `absent` set when the key is not in those files). */
  value?: unknown;
  absent?: boolean;
}

export interface Drift {
  path: string;
  mustMatch: boolean;
  /** Compared by the certificates the named files hold. */
  byCertificates?: boolean;
  secret?: boolean;
  groups: DriftGroup[];
}

const TRUST_OPTIONS: Record<string, OptionPath> = {
  'serverSettings.caCertificate': 'serverSettings.jksPassword',
  'serverSettings.webDAVTrustedCA': 'serverSettings.webDAVJksPassword',
  'serverSettings.rcsTrustedCA': 'serverSettings.rcsJksPassword',
  'serverSettings.speechMinerTrustedCA': 'serverSettings.speechMinerJksPassword',
  'cassandraCluster.trustStore': 'cassandraCluster.truststorePassword',
};

const SERVER_SECURITY =
  /^serverSettings\.(caCertificate|jksPassword|\w+TrustedCA|\w+JksPassword|enableCsrfProtection|\w*[Cc]srf\w*|crossOriginSettings(\..+)?|cryptoSecurityKey|crClusterName|externalApiUrlV2|internalApiUrlV2)$/;

/** Whether drift looks at this key at all. */
export function inDriftScope(path: string): boolean {
  if (path === 'enableSsl' || path === 'jetty.enableSsl') return true;
  if (/^(ssl|cassandraCluster|onPremiseSettings)\./.test(path)) return true;
  return SERVER_SECURITY.test(path);
}

/** Whether different values on different nodes break the cluster. */
export function mustMatch(path: string): boolean {
  if (path.startsWith('ssl.')) return false;
  if (/(JksPassword|jksPassword|truststorePassword)$/.test(path)) return false;
  if (/ApiUrlV2$/.test(path)) return false;
  return true;
}

function leaves(doc: RwsDocument, path: string, out: Set<string>): void {
  const keys = doc.keys(path);
  if (keys === undefined) {
    out.add(path);
    return;
  }
  for (const key of keys) leaves(doc, `${path}.${key}`, out);
}

function scopedPaths(doc: RwsDocument): Set<string> {
  const out = new Set<string>();
  for (const top of [
    'enableSsl',
    'jetty',
    'ssl',
    'cassandraCluster',
    'onPremiseSettings',
    'serverSettings',
  ]) {
    if (doc.has(top)) leaves(doc, top, out);
  }
  return new Set([...out].filter(inDriftScope));
}

interface Compared {
  /** Equality key, never shown. */
  key: string;
  value?: unknown;
  absent?: boolean;
}

/** RWS reads trust-store passwords literally, except CRYPT: (which only gir.jar decrypts). */
function trustPassword(doc: RwsDocument, option: OptionPath): string | undefined {
  const value = presentText(doc, option);
  if (value === undefined || classifySecret(value) === 'CRYPT') return undefined;
  return value;
}

async function trustValue(node: NodeRead, option: string): Promise<Compared> {
  const doc = node.doc as RwsDocument;
  const raw = doc.get(option);
  const path =
    option === 'serverSettings.caCertificate' || option === 'cassandraCluster.trustStore'
      ? presentText(doc, option)
      : trustedCaPath(raw);
  if (path === undefined) return plainValue(doc, option);
  const config = node.host.config as string;
  const resolved = posix.isAbsolute(path) ? path : posix.resolve(posix.dirname(config), path);
  const file = await node.files?.get(resolved);
  if (!file || file.kind !== 'file') {
    const what =
      file?.kind === 'folder' ? 'a folder' : file?.kind === 'unreadable' ? 'unreadable' : 'missing';
    return { key: `file:${what}`, value: `(trust file ${what})` };
  }
  const password = trustPassword(doc, TRUST_OPTIONS[option] as OptionPath);
  let certs;
  try {
    certs = trustedCertificates(readKeystore(file.bytes, { password }));
  } catch {
    try {
      // A JKS lists its certificates without the password; the wrong password is validation's finding.
      certs = trustedCertificates(readKeystore(file.bytes, {}));
    } catch {
      return { key: 'file:unopened', value: '(trust file cannot be opened)' };
    }
  }
  const described = certs
    .map(({ cert }) => ({
      fp: cert.fingerprint256,
      subject: describeOrUndefined(cert)?.subject ?? cert.subject,
    }))
    .sort((a, b) => a.fp.localeCompare(b.fp));
  const unique = described.filter((d, i) => described.findIndex((x) => x.fp === d.fp) === i);
  return {
    key: `certs:${unique.map((d) => d.fp).join(',')}`,
    value:
      unique.length === 0
        ? '(no trusted certificate)'
        : unique
            .map(
              (d) => `${d.subject} [SHA-256 ${d.fp.replace(/:/g, '').slice(0, 16).toLowerCase()}]`,
            )
            .join('; '),
  };
}

function plainValue(doc: RwsDocument, path: string): Compared {
  if (!doc.has(path)) return { key: 'absent', absent: true };
  const value = doc.get(path);
  const shown = value instanceof Date ? value.toISOString() : value;
  return { key: `v:${JSON.stringify(shown) ?? String(shown)}`, value: shown };
}

/** Drift over the nodes that were read; only keys whose nodes do not all agree are listed. */
export async function computeDrift(nodes: readonly NodeRead[]): Promise<Drift[]> {
  const read = nodes.filter((n) => n.doc !== undefined);
  if (read.length < 2) return [];
  const paths = new Set<string>();
  for (const n of read) for (const p of scopedPaths(n.doc as RwsDocument)) paths.add(p);
  const drift: Drift[] = [];
  for (const path of [...paths].sort()) {
    const secret = isSecretPath(path);
    const byCertificates = path in TRUST_OPTIONS;
    const compared = await Promise.all(
      read.map((n) =>
        byCertificates ? trustValue(n, path) : plainValue(n.doc as RwsDocument, path),
      ),
    );
    const groups = new Map<string, DriftGroup>();
    compared.forEach((c, i) => {
      const name = (read[i] as NodeRead).host.name;
      let group = groups.get(c.key);
      if (!group) {
        group = {
          nodes: [],
          ...(c.absent ? { absent: true } : secret ? {} : { value: c.value }),
        };
        groups.set(c.key, group);
      }
      group.nodes.push(name);
    });
    if (groups.size < 2) continue;
    drift.push({
      path,
      mustMatch: mustMatch(path),
      ...(byCertificates ? { byCertificates } : {}),
      ...(secret ? { secret } : {}),
      groups: [...groups.values()],
    });
  }
  // Must-match drift first: it is what breaks the cluster.
  return drift.sort((a, b) => Number(b.mustMatch) - Number(a.mustMatch));
}
