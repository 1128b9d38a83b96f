// Replacing a Cassandra kit's root CA while the cluster keeps running, in three stages. After each
// stage the administrator rolls out the files the README names and restarts the nodes one at a
// time; at every moment two nodes of adjacent stages still complete a mutual TLS handshake, and
// RWS's truststore of either stage trusts both:
//   start    a new CA (ca/next/), trusted beside the old one by every truststore (nodes, client)
//   reissue  every node certificate re-issued from the new CA (new keys, same alias/password)
//   finish   the old CA removed from every truststore; ca/ holds the new CA, ca/next/ is gone
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Keystore } from '../keystore/model';
import { readKeystoreFile } from '../keystore/read';
import { writeKeystore } from '../keystore/write';
import { generateKeyPair } from '../x509/keys';
import { createSelfSigned } from '../x509/self-signed';
import { kitNodes, loadCa } from './cassandra-add-nodes';
import { checkCaPassword, checkPassword, PUBLIC, ROOT_ALIAS } from './cassandra-kit';
import { readNodeKeystore, reissueNodes } from './cassandra-renew';
import { KitError } from './kit-error';
import { sameKeySpec } from './renew-facts';
import type { PlannedFile } from './transaction';
import { MAX_STORE_BYTES, readRegularFileSync } from '../files/bounded-read';
import { encryptedCaKeyPem } from './ca-key-pem';

export type RotationStage = 'start' | 'reissue' | 'finish';

export interface RotationOptions {
  outDir: string;
  stage: RotationStage;
  storepass: string;
  caPassword: string;
  /** Node certificate validity for `reissue`. */
  days: number;
  now?: Date;
}

export interface RotationPlan {
  files: PlannedFile[];
  warnings: string[];
  summary: string[];
  /** Done after the files are in place (finish: ca/next/ is removed). */
  after?: () => Promise<void>;
}

export const NEXT_ALIAS = 'root-ca-next';
const SECRET = 0o600;

function nextDir(outDir: string): string {
  return join(outDir, 'ca', 'next');
}

/** Every truststore of the kit: one per node, and the client's (RWS, cqlsh). */
function truststores(outDir: string): string[] {
  return [
    ...kitNodes(outDir).map((n) => join(outDir, 'nodes', n, 'truststore.jks')),
    join(outDir, 'client', 'truststore.jks'),
  ];
}

function readTrust(file: string, storepass: string): Keystore {
  return readKeystoreFile(file, { password: storepass }).store;
}

function trustFile(
  path: string,
  certs: { alias: string; cert: X509Certificate }[],
  storepass: string,
  now: Date,
): PlannedFile {
  const store: Keystore = {
    type: 'JKS',
    entries: certs.map(({ alias, cert }) => ({
      kind: 'trusted',
      alias,
      created: now,
      chain: [cert],
    })),
  };
  return { path, data: writeKeystore(store, { type: 'JKS', password: storepass }), mode: PUBLIC };
}

const README_MARK = 'CA rotation';

const STAGE_TEXT: Record<RotationStage, string[]> = {
  start: [
    'Stage 1 of 3 (start) is done: a new root CA is in ca/next/ and every truststore trusts both',
    'the old and the new CA. Roll out now, one node at a time (restart each, wait until it is UN):',
    '    nodes/<node>/truststore.jks   ->  each Cassandra host',
    '    client/truststore.jks         ->  RWS (cassandraCluster.trustStore), then restart RWS',
    '    client/ca.pem                 ->  cqlsh hosts',
    'When every node and RWS run with these, run: rwsec kit cassandra --out DIR --rotate-ca reissue',
  ],
  reissue: [
    'Stage 2 of 3 (reissue) is done: every node certificate is issued by the new CA (new keys).',
    'Roll out now, one node at a time (restart each, wait until it is UN):',
    '    nodes/<node>/keystore.jks     ->  each Cassandra host',
    'Truststores are unchanged (they trust both CAs). When every node runs its new keystore, run:',
    '    rwsec kit cassandra --out DIR --rotate-ca finish',
  ],
  finish: [
    'Stage 3 of 3 (finish) is done: the old CA is removed from every truststore; ca/root-ca.pem and',
    'ca/root-ca.key.pem are now the new CA. Roll out now, one node at a time:',
    '    nodes/<node>/truststore.jks   ->  each Cassandra host',
    '    client/truststore.jks         ->  RWS (cassandraCluster.trustStore), then restart RWS',
    '    client/ca.pem                 ->  cqlsh hosts',
    'After this a certificate from the old CA is refused everywhere.',
  ],
};

function readmeFile(outDir: string, stage: RotationStage, now: Date): PlannedFile {
  const path = join(outDir, 'README.txt');
  const current = existsSync(path)
    ? readRegularFileSync(path, MAX_STORE_BYTES).toString('utf8')
    : '';
  const cut = current.indexOf(`\n${README_MARK}\n`);
  const base = (cut >= 0 ? current.slice(0, cut) : current).replace(/\n+$/, '');
  const section = [
    '',
    README_MARK,
    '-'.repeat(README_MARK.length),
    `Last stage: ${stage} (${now.toISOString().slice(0, 10)}).`,
    ...STAGE_TEXT[stage],
    '',
  ];
  return { path, data: `${base}\n${section.join('\n')}`, mode: PUBLIC };
}

function loadNextCa(outDir: string, caPassword: string): { cert: X509Certificate; key: KeyObject } {
  const dir = nextDir(outDir);
  if (!existsSync(join(dir, 'root-ca.pem'))) {
    throw new KitError(
      `${outDir} has no CA rotation in progress (ca/next/): run --rotate-ca start first.`,
      'refused',
    );
  }
  const cert = new X509Certificate(readRegularFileSync(join(dir, 'root-ca.pem'), MAX_STORE_BYTES));
  const pem = readRegularFileSync(join(dir, 'root-ca.key.pem'), MAX_STORE_BYTES);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem', passphrase: caPassword });
  } catch {
    throw new KitError(
      `Cannot decrypt ${join(dir, 'root-ca.key.pem')} with the given CA key password: use the one given at --rotate-ca start.`,
    );
  }
  return { cert, key };
}

async function planStart(o: RotationOptions, now: Date): Promise<RotationPlan> {
  if (existsSync(join(nextDir(o.outDir), 'root-ca.pem'))) {
    throw new KitError(
      `A CA rotation is already in progress in ${o.outDir} (ca/next/): continue with --rotate-ca reissue or finish.`,
      'refused',
    );
  }
  const oldCa = loadCa(o.outDir, o.caPassword);
  const keyJob = generateKeyPair(
    sameKeySpec(oldCa.cert.publicKey, join(o.outDir, 'ca', 'root-ca.pem')),
  );
  const stores = truststores(o.outDir).map((file) => ({
    file,
    store: readTrust(file, o.storepass),
  }));
  const keys = await keyJob;
  const days = Math.max(
    3650,
    Math.round((Date.parse(oldCa.cert.validTo) - Date.parse(oldCa.cert.validFrom)) / 86_400_000),
  );
  const cert = await createSelfSigned(keys, {
    // A name of its own: chains are built by issuer name first, so two CAs must not share one.
    dname: `CN=RWS Cassandra Root CA ${now.toISOString().slice(0, 10)}, OU=Cassandra, O=RWS Security Studio`,
    days,
    usage: { ca: true, serverAuth: false, clientAuth: false },
    now,
  });
  const files: PlannedFile[] = [
    { path: join(nextDir(o.outDir), 'root-ca.pem'), data: cert.toString(), mode: PUBLIC },
    {
      path: join(nextDir(o.outDir), 'root-ca.key.pem'),
      data: await encryptedCaKeyPem(keys.privateKey, o.caPassword),
      mode: SECRET,
    },
  ];
  for (const { file, store } of stores) {
    const kept = store.entries
      .filter((e) => e.alias !== NEXT_ALIAS)
      .flatMap((e) => (e.chain[0] ? [{ alias: e.alias, cert: e.chain[0] }] : []));
    files.push(trustFile(file, [...kept, { alias: NEXT_ALIAS, cert }], o.storepass, now));
  }
  files.push({
    path: join(o.outDir, 'client', 'ca.pem'),
    data: oldCa.cert.toString() + cert.toString(),
    mode: PUBLIC,
  });
  files.push(readmeFile(o.outDir, 'start', now));
  return {
    files,
    warnings: [],
    summary: [
      `CA rotation started in ${o.outDir}: new CA ${cert.subject.split('\n').join(', ')} in ca/next/, trusted beside the old one. See README.txt for what to roll out now.`,
    ],
  };
}

async function planReissue(o: RotationOptions, now: Date): Promise<RotationPlan> {
  const nodes = kitNodes(o.outDir);
  const stores = nodes.map((n) => readNodeKeystore(o.outDir, n, o.storepass));
  const files = await reissueNodes(stores, () => loadNextCa(o.outDir, o.caPassword), {
    storepass: o.storepass,
    days: o.days,
    now,
  });
  files.push(readmeFile(o.outDir, 'reissue', now));
  return {
    files,
    warnings: [],
    summary: [
      `Re-issued ${nodes.join(', ')} from the new CA. See README.txt for what to roll out now.`,
    ],
  };
}

async function planFinish(o: RotationOptions, now: Date): Promise<RotationPlan> {
  const next = loadNextCa(o.outDir, o.caPassword);
  const oldCa = loadCa(o.outDir, o.caPassword);
  const stale = kitNodes(o.outDir).filter((n) => {
    const leaf = readNodeKeystore(o.outDir, n, o.storepass).entry.chain[0];
    return !leaf || !leaf.verify(next.cert.publicKey);
  });
  if (stale.length > 0) {
    throw new KitError(
      `Not every node is issued by the new CA yet (${stale.join(', ')}): run --rotate-ca reissue first and roll it out.`,
      'refused',
    );
  }
  const caDir = join(o.outDir, 'ca');
  const files: PlannedFile[] = truststores(o.outDir).map((file) =>
    trustFile(file, [{ alias: ROOT_ALIAS, cert: next.cert }], o.storepass, now),
  );
  files.push(
    { path: join(o.outDir, 'client', 'ca.pem'), data: next.cert.toString(), mode: PUBLIC },
    { path: join(caDir, 'root-ca.pem'), data: next.cert.toString(), mode: PUBLIC },
    {
      path: join(caDir, 'root-ca.key.pem'),
      data: readRegularFileSync(join(nextDir(o.outDir), 'root-ca.key.pem'), MAX_STORE_BYTES),
      mode: SECRET,
    },
    {
      path: join(caDir, 'retired', `root-ca-${oldCa.cert.serialNumber.toLowerCase()}.pem`),
      data: oldCa.cert.toString(),
      mode: PUBLIC,
    },
    readmeFile(o.outDir, 'finish', now),
  );
  return {
    files,
    warnings: [],
    summary: [
      `CA rotation finished in ${o.outDir}: the old CA is trusted nowhere; its certificate is kept in ca/retired/. See README.txt for what to roll out now.`,
    ],
    after: () => rm(nextDir(o.outDir), { recursive: true, force: true }),
  };
}

export async function planRotation(options: RotationOptions): Promise<RotationPlan> {
  checkPassword(options.storepass);
  checkCaPassword(options.caPassword, options.storepass);
  if (kitNodes(options.outDir).length === 0)
    throw new KitError(
      `${options.outDir} holds no kit nodes (nodes/<node>/): point --out at the kit folder.`,
    );
  const now = options.now ?? new Date();
  if (options.stage === 'start') return planStart(options, now);
  if (options.stage === 'reissue') return planReissue(options, now);
  return planFinish(options, now);
}
