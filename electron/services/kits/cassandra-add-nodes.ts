// Adding nodes to an existing Cassandra TLS kit: each new node is signed by the kit's own root CA
// (ca/root-ca.pem and its encrypted key), so the truststores already handed out trust it.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateKeyPair, type KeyPair, type KeySpec } from '../x509/keys';
import { defaultNodeTlsDir, kitReadme } from './cassandra-files';
import {
  checkCaPassword,
  checkNodeNames,
  checkPassword,
  keyDescription,
  nodeCertificate,
  nodeFiles,
  PUBLIC,
  ROOT_ALIAS,
  truststoreOf,
  type KitPlan,
} from './cassandra-kit';
import { KitError } from './kit-error';
import { MAX_STORE_BYTES, readRegularFileSync } from '../files/bounded-read';
import { FileReadError } from '../files/file-errors';

export interface AddNodeOptions {
  outDir: string;
  nodes: readonly string[];
  storepass: string;
  /** The password ca/root-ca.key.pem was encrypted with when the kit was made. */
  caPassword: string;
  key: KeySpec;
  days: number;
  nodeDir?: string;
  now?: Date;
}

/** Nodes already in the kit (folders under OUT/nodes). */
export function kitNodes(outDir: string): string[] {
  const dir = join(outDir, 'nodes');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function loadCa(
  outDir: string,
  caPassword: string,
): { cert: X509Certificate; key: KeyObject } {
  const certFile = join(outDir, 'ca', 'root-ca.pem');
  const keyFile = join(outDir, 'ca', 'root-ca.key.pem');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    throw new KitError(
      `${outDir} has no kit CA (ca/root-ca.pem and ca/root-ca.key.pem). Nodes can be added only to a kit made without --legacy; point --out at that kit's folder.`,
    );
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(readRegularFileSync(certFile, MAX_STORE_BYTES));
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new KitError(
      `${certFile} is not a PEM certificate; restore it from your backup of the kit.`,
    );
  }
  let key: KeyObject;
  try {
    const pem = readRegularFileSync(keyFile, MAX_STORE_BYTES);
    key = createPrivateKey({ key: pem, format: 'pem', passphrase: caPassword });
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new KitError(
      `Cannot decrypt ${keyFile} with the given CA key password: use the CA key password the kit was made with (kits made before the CA key had its own password used the store password).`,
    );
  }
  if (!cert.checkPrivateKey(key)) {
    throw new KitError(
      `${keyFile} is not the key of ${certFile}; restore the kit's ca/ folder from a backup.`,
    );
  }
  return { cert, key };
}

/** Plans new nodes signed by an existing kit's CA; the existing truststores already trust them. */
export async function planAddNodes(options: AddNodeOptions): Promise<KitPlan> {
  const outDir = resolve(options.outDir);
  const existing = kitNodes(outDir);
  checkNodeNames(options.nodes, existing);
  checkPassword(options.storepass);
  const ca = loadCa(outDir, checkCaPassword(options.caPassword, options.storepass));
  const now = options.now ?? new Date();
  const nodeDir = options.nodeDir ?? defaultNodeTlsDir;
  const keys = await Promise.all(options.nodes.map(() => generateKeyPair(options.key)));
  const certs = options.nodes.map((node, i) =>
    nodeCertificate(node, keys[i] as KeyPair, ca, { days: options.days, now }),
  );
  const trust = truststoreOf([{ alias: ROOT_ALIAS, cert: ca.cert }], now);
  const files = options.nodes.flatMap((node, i) =>
    nodeFiles({
      outDir,
      node,
      keys: keys[i] as KeyPair,
      chain: [certs[i] as X509Certificate, ca.cert],
      trust,
      storepass: options.storepass,
      nodeDir,
      now,
    }),
  );
  const nodes = [...existing, ...options.nodes];
  files.push({
    path: join(outDir, 'README.txt'),
    data: kitReadme({
      outDir,
      nodes,
      nodeDir,
      legacy: false,
      keyDescription: keyDescription(options.key),
      days: options.days,
    }),
    mode: PUBLIC,
  });
  return { files, warnings: [], clientTruststore: join(outDir, 'client', 'truststore.jks'), nodes };
}
