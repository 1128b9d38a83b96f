// `rwsec kit cassandra --out DIR --renew [--nodes a,b]`: re-issues node certificates from the
// kit's own CA with new keys, under the same alias and store password. Truststores, the CA, the
// node yaml and the client files are not touched: every peer already trusts the CA.
//
// Time goes to native key generation, so it is started first and runs on the libuv pool while
// the CA key is decrypted and each node is signed the moment its key is ready.
import type { KeyObject, X509Certificate } from 'node:crypto';
import { join, resolve } from 'node:path';
import { KeystoreError, type KeyEntry } from '../keystore/model';
import { readKeystoreFile } from '../keystore/read';
import { writeKeystore } from '../keystore/write';
import { generateKeyPair } from '../x509/keys';
import { kitNodes, loadCa } from './cassandra-add-nodes';
import { checkCaPassword, checkPassword, nodeCertificate } from './cassandra-kit';
import { KitError } from './kit-error';
import { sameKeySpec } from './renew-facts';
import type { PlannedFile } from './transaction';

export interface CassandraRenewOptions {
  outDir: string;
  /** Default: every node of the kit. */
  nodes?: readonly string[];
  storepass: string;
  caPassword: string;
  days: number;
  now?: Date;
}

export interface NodeRenewalPlan {
  files: PlannedFile[];
  nodes: string[];
}

interface NodeStore {
  node: string;
  file: string;
  entry: KeyEntry;
}

/** The node's keystore opened with the kit's store password (which also checks it). */
export function readNodeKeystore(outDir: string, node: string, storepass: string): NodeStore {
  const file = join(outDir, 'nodes', node, 'keystore.jks');
  let entries;
  try {
    entries = readKeystoreFile(file, { password: storepass }).store.entries;
  } catch (error) {
    if (error instanceof KeystoreError && error.code === 'wrong-password')
      throw new KitError(`${file}: the store password is wrong; give the kit's store password.`);
    throw error;
  }
  const entry = entries.find((e): e is KeyEntry => e.kind === 'key');
  if (!entry) throw new KitError(`${file} holds no key entry; restore it from the kit's backup.`);
  return { node, file, entry };
}

export function namedNodes(outDir: string, wanted: readonly string[] | undefined): string[] {
  const existing = kitNodes(outDir);
  if (existing.length === 0)
    throw new KitError(
      `${outDir} holds no kit nodes (nodes/<node>/): point --out at the kit folder.`,
    );
  if (wanted === undefined || wanted.length === 0) return existing;
  const unknown = wanted.filter((n) => !existing.includes(n));
  if (unknown.length > 0)
    throw new KitError(
      `Not in the kit in ${outDir}: ${unknown.join(', ')} (it has ${existing.join(', ')}).`,
    );
  return [...new Set(wanted)];
}

/** Node keystores re-issued from `ca`: new keys generated in parallel, same alias and password. */
export async function reissueNodes(
  stores: readonly NodeStore[],
  ca: () => { cert: X509Certificate; key: KeyObject },
  options: { storepass: string; days: number; now: Date },
): Promise<PlannedFile[]> {
  const keyJobs = stores.map((s) => generateKeyPair(sameKeySpec(s.entry.privateKey, s.file)));
  // Decrypting the CA key (scrypt/PBKDF2) overlaps the key generation already running.
  const issuer = ca();
  return Promise.all(
    stores.map(async (s, i) => {
      const keys = await (keyJobs[i] as ReturnType<typeof generateKeyPair>);
      const cert = nodeCertificate(s.node, keys, issuer, {
        days: options.days,
        now: options.now,
      });
      const entry: KeyEntry = {
        kind: 'key',
        alias: s.entry.alias,
        created: options.now,
        chain: [cert, issuer.cert],
        privateKey: keys.privateKey,
      };
      return {
        path: s.file,
        data: writeKeystore(
          { type: 'JKS', entries: [entry] },
          { type: 'JKS', password: options.storepass },
        ),
        mode: 0o600,
      };
    }),
  );
}

export async function planCassandraRenewal(
  options: CassandraRenewOptions,
): Promise<NodeRenewalPlan> {
  const outDir = resolve(options.outDir);
  checkPassword(options.storepass);
  const caPassword = checkCaPassword(options.caPassword, options.storepass);
  const nodes = namedNodes(outDir, options.nodes);
  const stores = nodes.map((n) => readNodeKeystore(outDir, n, options.storepass));
  const files = await reissueNodes(stores, () => loadCa(outDir, caPassword), {
    storepass: options.storepass,
    days: options.days,
    now: options.now ?? new Date(),
  });
  return { files, nodes };
}
