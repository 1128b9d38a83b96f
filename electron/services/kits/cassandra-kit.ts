// The Cassandra TLS kit: the guide's Cassandra 4 procedure (a private root CA signing one
// certificate per node) in one step, with every key generated natively and in parallel.
//
// Layout (relative to OUT):
//   ca/root-ca.pem, ca/root-ca.key.pem (PKCS#8, AES-256 under its own CA key password, 0600)
//   nodes/<node>/keystore.jks, truststore.jks, cassandra-encryption.yaml
//   client/truststore.jks, ca.pem, cqlshrc
//   README.txt
import type { KeyObject, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isIpAddress } from '../../../shared/tls/san-syntax';
import { join, resolve } from 'node:path';
import type { Keystore } from '../keystore/model';
import { writeKeystore } from '../keystore/write';
import { issueFromCa, type CaEntry } from '../x509/ca-issue';
import { generateKeyPair, type KeyPair, type KeySpec } from '../x509/keys';
import { parseSanList, type SanEntry } from '../x509/names';
import { createSelfSigned } from '../x509/self-signed';
import { dnameToDer } from '../x509/name-der';
import { cqlshrc, defaultNodeTlsDir, kitReadme, nodeEncryptionYaml } from './cassandra-files';
import { KitError } from './kit-error';
import type { PlannedFile } from './transaction';
import { caKeyPem, deriveCaKeyKek } from './ca-key-pem';

export interface CassandraKitOptions {
  outDir: string;
  nodes: readonly string[];
  storepass: string;
  /**
   * Encrypts ca/root-ca.key.pem. Required for a CA kit and never the store password: that one is
   * written in plain text into every node's cassandra-encryption.yaml.
   */
  caPassword?: string;
  key: KeySpec;
  days: number;
  /** The guide's older procedure: one self-signed certificate per node, no CA. */
  legacy?: boolean;
  /** Folder on each Cassandra host where its stores go (for the yaml snippet and README). */
  nodeDir?: string;
  now?: Date;
  /** Who asks: messages name that door's own action (CLI flags, or the app's wizard). */
  door?: 'cli' | 'app';
}

export interface KitPlan {
  files: PlannedFile[];
  warnings: string[];
  /** Absolute path of OUT/client/truststore.jks (what RWS's cassandraCluster.trustStore names). */
  clientTruststore: string;
  nodes: string[];
}

const SECRET = 0o600;
export const PUBLIC = 0o644;
export const ROOT_ALIAS = 'root-ca';
const ROOT_DNAME = 'CN=RWS Cassandra Root CA, OU=Cassandra, O=RWS Security Studio';

export function keyDescription(key: KeySpec): string {
  return key.algorithm === 'rsa' ? `RSA ${key.size}` : `EC ${key.curve}`;
}

/** Node names as DNS names or IP addresses; duplicates (ignoring case) refused. */
export function checkNodeNames(nodes: readonly string[], existing: readonly string[] = []): void {
  if (nodes.length === 0)
    throw new KitError('Give at least one node: --nodes cass-01,cass-02,cass-03.');
  const seen = new Set(existing.map((n) => n.toLowerCase()));
  for (const node of nodes) {
    if (!isIpAddress(node)) {
      try {
        parseSanList(`dns:${node}`);
      } catch {
        throw new KitError(
          `'${node}' is not a host name or IP address; give node names as clients reach them.`,
        );
      }
    }
    if (seen.has(node.toLowerCase())) {
      throw new KitError(`Node ${node} is already in the kit.`, 'refused');
    }
    seen.add(node.toLowerCase());
  }
}

function nodeSan(node: string): SanEntry[] {
  // The SAN syntax's own test (node:net's isIP compiles a large IPv6 pattern on first use).
  return isIpAddress(node) ? [{ type: 'ip', value: node }] : [{ type: 'dns', value: node }];
}

/** The DN text value with keytool's special characters escaped. */
function dnValue(text: string): string {
  return text.replace(/([,+"\\<>;=])/g, '\\$1');
}

/** A node's certificate from the kit's CA: serverAuth and clientAuth, its name as CN and SAN. */
export function nodeCertificate(
  node: string,
  keys: KeyPair,
  ca: CaEntry,
  options: { days: number; now?: Date },
): X509Certificate {
  const request = {
    subject: dnameToDer(`CN=${dnValue(node)}, OU=Cassandra`),
    publicKey: keys.publicKey,
    san: nodeSan(node),
  };
  return issueFromCa(request, ca, {
    days: options.days,
    usage: { serverAuth: true, clientAuth: true, ca: false },
    ...(options.now ? { now: options.now } : {}),
  }).certificate;
}

function keystoreOf(
  alias: string,
  privateKey: KeyObject,
  chain: X509Certificate[],
  now: Date,
): Keystore {
  return { type: 'JKS', entries: [{ kind: 'key', alias, created: now, chain, privateKey }] };
}

export function truststoreOf(
  certs: { alias: string; cert: X509Certificate }[],
  now: Date,
): Keystore {
  return {
    type: 'JKS',
    entries: certs.map(({ alias, cert }) => ({
      kind: 'trusted',
      alias,
      created: now,
      chain: [cert],
    })),
  };
}

function jks(store: Keystore, password: string): Buffer {
  return writeKeystore(store, { type: 'JKS', password });
}

/** Every truststore of a kit holds the same entries under the same password: encoded once. */
const encodedTrust = new WeakMap<Keystore, { password: string; bytes: Buffer }>();

function trustJks(trust: Keystore, password: string): Buffer {
  const known = encodedTrust.get(trust);
  if (known?.password === password) return known.bytes;
  const bytes = jks(trust, password);
  encodedTrust.set(trust, { password, bytes });
  return bytes;
}

interface NodeFilesInput {
  outDir: string;
  node: string;
  keys: KeyPair;
  chain: X509Certificate[];
  trust: Keystore;
  storepass: string;
  nodeDir: string;
  now: Date;
}

export function nodeFiles(input: NodeFilesInput): PlannedFile[] {
  const dir = join(input.outDir, 'nodes', input.node);
  const alias = input.node.toLowerCase();
  return [
    {
      path: join(dir, 'keystore.jks'),
      data: jks(keystoreOf(alias, input.keys.privateKey, input.chain, input.now), input.storepass),
      mode: SECRET,
    },
    {
      path: join(dir, 'truststore.jks'),
      data: trustJks(input.trust, input.storepass),
      mode: PUBLIC,
    },
    {
      path: join(dir, 'cassandra-encryption.yaml'),
      data: nodeEncryptionYaml({
        node: input.node,
        nodeDir: input.nodeDir,
        storepass: input.storepass,
      }),
      mode: SECRET, // holds the store password
    },
  ];
}

function clientFiles(
  outDir: string,
  trust: Keystore,
  caPem: string,
  firstNode: string,
  storepass: string,
): PlannedFile[] {
  const client = join(outDir, 'client');
  return [
    { path: join(client, 'truststore.jks'), data: trustJks(trust, storepass), mode: PUBLIC },
    { path: join(client, 'ca.pem'), data: caPem, mode: PUBLIC },
    {
      path: join(client, 'cqlshrc'),
      data: cqlshrc({ hostname: firstNode, caPem: join(client, 'ca.pem') }),
      mode: PUBLIC,
    },
  ];
}

function refuseExistingKit(outDir: string, door: 'cli' | 'app'): void {
  for (const part of ['ca', 'nodes', 'client']) {
    if (existsSync(join(outDir, part))) {
      const what =
        door === 'cli'
          ? 'Add nodes with --add-node, or choose another --out folder'
          : 'Choose another output folder in this step';
      throw new KitError(
        `${outDir} already holds a kit (${part}/). ${what}: a new CA would make the existing nodes untrusted.`,
        'refused',
      );
    }
  }
}

export function checkPassword(storepass: string): void {
  if (storepass.length < 6) {
    throw new KitError(
      'The store password must have at least 6 characters (keytool refuses shorter ones).',
    );
  }
}

/** The CA key password, checked: present, long enough, and not the store password. */
export function checkCaPassword(caPassword: string | undefined, storepass: string): string {
  if (caPassword === undefined || caPassword === '') {
    throw new KitError(
      'A CA key password is needed to encrypt (or open) ca/root-ca.key.pem: give --ca-pass-env NAME, set RWSEC_CAPASS, or run in a terminal to be asked.',
    );
  }
  if (caPassword.length < 6) {
    throw new KitError('The CA key password must have at least 6 characters.');
  }
  if (caPassword === storepass) {
    throw new KitError(
      "The CA key password must differ from the store password: the store password is written in plain text into every node's cassandra-encryption.yaml, so anyone reading a node's configuration could unlock the CA key and sign certificates the whole cluster trusts. (A kit made when the CA key used the store password: re-encrypt it first, e.g. openssl pkcs8 -topk8 -v2 aes-256-cbc -in ca/root-ca.key.pem -out ca/root-ca.key.new.pem, then replace the old file.)",
    );
  }
  return caPassword;
}

/** What either procedure issues before the files are laid out: the same shape for both. */
interface IssuedKit {
  /** Per node, in `nodes` order: its keys and the chain its keystore holds. */
  nodes: { keys: KeyPair; chain: X509Certificate[] }[];
  trust: Keystore;
  caPem: string;
  /** The CA's own files (none for the legacy procedure). */
  caFiles: PlannedFile[];
}

interface IssueOptions {
  nodes: string[];
  key: KeySpec;
  days: number;
  now: Date;
}

/** The guide's older procedure: one self-signed certificate per node, all of them trusted. */
async function issueSelfSigned(options: IssueOptions): Promise<IssuedKit> {
  const { nodes, now } = options;
  const nodeKeys = await Promise.all(nodes.map(() => generateKeyPair(options.key)));
  const certs = await Promise.all(
    nodes.map((node, i) =>
      createSelfSigned(nodeKeys[i] as KeyPair, {
        dname: `CN=${dnValue(node)}, OU=Cassandra`,
        san: nodeSan(node),
        days: options.days,
        now,
      }),
    ),
  );
  return {
    nodes: nodeKeys.map((keys, i) => ({ keys, chain: [certs[i] as X509Certificate] })),
    trust: truststoreOf(
      nodes.map((node, i) => ({ alias: node.toLowerCase(), cert: certs[i] as X509Certificate })),
      now,
    ),
    caPem: certs.map((c) => c.toString()).join(''),
    caFiles: [],
  };
}

/** The results of `jobs` in the order they settle (the first to settle is the first promise). */
function inCompletionOrder<T>(jobs: Promise<T>[]): Promise<T>[] {
  const settle: { resolve(v: T): void; reject(e: unknown): void }[] = [];
  const ordered = jobs.map(
    () => new Promise<T>((resolve, reject) => settle.push({ resolve, reject })),
  );
  let next = 0;
  for (const job of jobs) {
    job.then(
      (value) => settle[next++]?.resolve(value),
      (error: unknown) => settle[next++]?.reject(error),
    );
  }
  return ordered;
}

/** A new root CA signing every node; its key is encrypted under the CA key password. */
async function issueFromNewCa(
  outDir: string,
  caPassword: string,
  options: IssueOptions,
): Promise<IssuedKit> {
  const { nodes, now } = options;
  // Every key at once: native generation runs on the libuv pool, so they overlap. The keys are
  // alike, so the first one made becomes the CA's (a key's time is random: waiting for one chosen
  // in advance would put all the node signing after it), and the nodes take the rest as they come.
  const [caKeyJob, ...nodeKeyJobs] = inCompletionOrder(
    [undefined, ...nodes].map(() => generateKeyPair(options.key)),
  );
  // The CA key's PBKDF2 needs only the password: derived beside the keys, not after them.
  const kekJob = deriveCaKeyKek(caPassword);
  kekJob.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
  const caJob = (caKeyJob as Promise<KeyPair>).then(async (keys) => ({
    keys,
    cert: await createSelfSigned(keys, {
      dname: ROOT_DNAME,
      days: Math.max(options.days, 3650),
      usage: { ca: true, serverAuth: false, clientAuth: false },
      now,
    }),
  }));
  // Each node is signed as soon as its key and the CA exist, while other keys are still coming.
  const issued = await Promise.all(
    nodeKeyJobs.map(async (job, i) => {
      const [keys, ca] = await Promise.all([job, caJob]);
      const cert = nodeCertificate(
        nodes[i] ?? '',
        keys,
        { cert: ca.cert, key: ca.keys.privateKey },
        { days: options.days, now },
      );
      return { keys, chain: [cert, ca.cert] };
    }),
  );
  const { keys: caKeys, cert: caCert } = await caJob;
  const caPem = caCert.toString();
  return {
    nodes: issued,
    trust: truststoreOf([{ alias: ROOT_ALIAS, cert: caCert }], now),
    caPem,
    caFiles: [
      { path: join(outDir, 'ca', 'root-ca.pem'), data: caPem, mode: PUBLIC },
      {
        path: join(outDir, 'ca', 'root-ca.key.pem'),
        data: caKeyPem(caKeys.privateKey, await kekJob),
        mode: SECRET,
      },
    ],
  };
}

/** A new kit's options, checked before anything is made (checkCassandraKit). */
export interface CheckedKit {
  options: CassandraKitOptions;
  outDir: string;
  nodes: string[];
  caPassword?: string;
}

/** Node names, passwords and an empty --out: what a new kit checks before making anything. */
export function checkCassandraKit(options: CassandraKitOptions): CheckedKit {
  const outDir = resolve(options.outDir);
  const nodes = [...options.nodes];
  checkNodeNames(nodes);
  checkPassword(options.storepass);
  const caPassword = options.legacy
    ? undefined
    : checkCaPassword(options.caPassword, options.storepass);
  refuseExistingKit(outDir, options.door ?? 'cli');
  return { options, outDir, nodes, ...(caPassword !== undefined ? { caPassword } : {}) };
}

/** Every file a new kit writes, as planCheckedKit lists them (the CLI locks them early). */
export function cassandraKitPaths(kit: CheckedKit): string[] {
  const { outDir } = kit;
  return [
    ...(kit.caPassword === undefined
      ? []
      : [join(outDir, 'ca', 'root-ca.pem'), join(outDir, 'ca', 'root-ca.key.pem')]),
    ...kit.nodes.flatMap((node) =>
      ['keystore.jks', 'truststore.jks', 'cassandra-encryption.yaml'].map((name) =>
        join(outDir, 'nodes', node, name),
      ),
    ),
    ...['truststore.jks', 'ca.pem', 'cqlshrc'].map((name) => join(outDir, 'client', name)),
    join(outDir, 'README.txt'),
  ];
}

/** Plans a whole kit (nothing is written: commit `files` with commitFiles). */
export async function planCassandraKit(options: CassandraKitOptions): Promise<KitPlan> {
  return planCheckedKit(checkCassandraKit(options));
}

export async function planCheckedKit(checked: CheckedKit): Promise<KitPlan> {
  const { options, outDir, nodes, caPassword } = checked;
  const now = options.now ?? new Date();
  const nodeDir = options.nodeDir ?? defaultNodeTlsDir;
  const warnings: string[] = [];
  const firstNode = nodes[0] ?? '';

  const issueOptions = { nodes, key: options.key, days: options.days, now };
  const kit =
    caPassword === undefined
      ? await issueSelfSigned(issueOptions)
      : await issueFromNewCa(outDir, caPassword, issueOptions);
  if (caPassword === undefined) {
    warnings.push(
      'Legacy procedure: every node has its own self-signed certificate and every truststore lists all of them, so adding a node means replacing every truststore and restarting every node and RWS. Prefer the CA kit (without --legacy).',
    );
  }
  const files: PlannedFile[] = [
    ...kit.caFiles,
    ...nodes.flatMap((node, i) => {
      const issued = kit.nodes[i];
      if (!issued) return [];
      return nodeFiles({
        outDir,
        node,
        keys: issued.keys,
        chain: issued.chain,
        trust: kit.trust,
        storepass: options.storepass,
        nodeDir,
        now,
      });
    }),
    ...clientFiles(outDir, kit.trust, kit.caPem, firstNode, options.storepass),
  ];
  files.push({
    path: join(outDir, 'README.txt'),
    data: kitReadme({
      outDir,
      nodes,
      nodeDir,
      legacy: options.legacy === true,
      keyDescription: keyDescription(options.key),
      days: options.days,
    }),
    mode: PUBLIC,
  });
  return { files, warnings, clientTruststore: join(outDir, 'client', 'truststore.jks'), nodes };
}
