// What keytool does to a store, on the entry model (no file I/O here: see store-file.ts).
// Every operation returns a new Keystore and leaves its input untouched, so a failure half-way
// can never leave a half-changed store behind.
import type { KeyObject, X509Certificate } from 'node:crypto';
import {
  KeystoreError,
  type KeyEntry,
  type Keystore,
  type StoreEntry,
  type TrustedEntry,
  type WritableStoreType,
} from './model';
import { generateKeyPair, keysMatch, type KeySpec } from '../x509/keys';
import { createSelfSigned } from '../x509/self-signed';
import { createCsr as buildCsr } from '../x509/csr';
import { signCsr, type SignOptions, type SignResult } from '../x509/sign';
import { buildChain, chainForKey } from '../x509/ca-reply';
import { toPeculiar, sansOf, x509 } from '../x509/extensions';
import type { SanEntry } from '../x509/names';

export interface OperationResult {
  store: Keystore;
  /** Things to tell the user (alias lower-cased, root not trusted yet, ...). */
  notes: string[];
}

/**
 * The JDK lower-cases aliases (JKS and PKCS12), so we store them that way; the note tells the user
 * because Jetty's `certAlias` is matched case-sensitively against what is stored.
 */
export function normalizeAlias(alias: string, notes: string[]): string {
  const trimmed = alias.trim();
  if (trimmed === '') throw new KeystoreError('alias-missing', 'An alias is required.');
  const lower = trimmed.toLowerCase();
  if (lower !== alias) {
    notes.push(`Alias "${alias}" is stored as "${lower}" (Java key stores lower-case aliases).`);
  }
  return lower;
}

export function findEntry(store: Keystore, alias: string): StoreEntry | undefined {
  const lower = alias.trim().toLowerCase();
  return store.entries.find((e) => e.alias === lower);
}

function requireEntry(store: Keystore, alias: string): StoreEntry {
  const entry = findEntry(store, alias);
  if (!entry) {
    const known = store.entries.map((e) => e.alias).join(', ') || '(none)';
    throw new KeystoreError(
      'alias-missing',
      `No entry "${alias}" in the store. Aliases: ${known}.`,
    );
  }
  return entry;
}

function requireKeyEntry(store: Keystore, alias: string): KeyEntry {
  const entry = requireEntry(store, alias);
  if (entry.kind !== 'key') {
    throw new KeystoreError(
      'unsupported',
      `Entry "${entry.alias}" is a trusted certificate, not a private key entry.`,
    );
  }
  return entry;
}

function refuseExisting(store: Keystore, alias: string): void {
  if (findEntry(store, alias)) {
    throw new KeystoreError(
      'alias-exists',
      `The store already has an entry "${alias}". Delete or rename it first, or pick another alias.`,
    );
  }
}

function withEntry(store: Keystore, entry: StoreEntry): Keystore {
  return { ...store, entries: [...store.entries, entry] };
}

function replaceEntry(store: Keystore, alias: string, entry: StoreEntry): Keystore {
  return { ...store, entries: store.entries.map((e) => (e.alias === alias ? entry : e)) };
}

export interface SelfSignedRequest {
  alias: string;
  dname: string;
  san?: readonly SanEntry[];
  key: KeySpec;
  days?: number;
  /** A private CA (BasicConstraints cA=true) instead of a TLS server/client certificate. */
  ca?: boolean;
  now?: Date;
}

/** keytool -genkeypair: a new key pair and its self-signed certificate as a key entry. */
export async function addSelfSigned(
  store: Keystore,
  request: SelfSignedRequest,
): Promise<OperationResult & { entry: KeyEntry }> {
  const notes: string[] = [];
  const alias = normalizeAlias(request.alias, notes);
  refuseExisting(store, alias);
  const keys = await generateKeyPair(request.key);
  const certificate = await createSelfSigned(keys, {
    dname: request.dname,
    san: request.san,
    days: request.days,
    usage: request.ca ? { ca: true, serverAuth: false, clientAuth: false } : undefined,
    now: request.now,
  });
  if (!request.ca && (request.san ?? []).length === 0) {
    notes.push(
      'No SAN given: HTTPS clients that check host names (Java, browsers) will reject it.',
    );
  }
  const entry: KeyEntry = {
    kind: 'key',
    alias,
    created: request.now ?? new Date(),
    chain: [certificate],
    privateKey: keys.privateKey,
  };
  return { store: withEntry(store, entry), notes, entry };
}

/** keytool -certreq: a CSR for the entry's key; SANs default to those of its certificate. */
export async function createCsr(
  store: Keystore,
  alias: string,
  options: { dname?: string; san?: readonly SanEntry[] } = {},
): Promise<string> {
  const entry = requireKeyEntry(store, alias);
  const leaf = entry.chain[0];
  if (!leaf) throw new KeystoreError('corrupt', `Entry "${entry.alias}" has no certificate.`);
  const current = toPeculiar(leaf);
  return buildCsr(entry.privateKey, leaf.publicKey, {
    subject: options.dname ?? current.subjectName,
    san: options.san ?? sansOf(current),
  });
}

/** keytool -gencert: signs a CSR with the CA key entry `caAlias`; the store is not changed. */
export async function signCsrWith(
  store: Keystore,
  caAlias: string,
  csr: x509.Pkcs10CertificateRequest,
  options: SignOptions = {},
): Promise<SignResult & { chain: X509Certificate[] }> {
  const ca = requireKeyEntry(store, caAlias);
  const caCert = ca.chain[0];
  if (!caCert) throw new KeystoreError('corrupt', `Entry "${ca.alias}" has no certificate.`);
  const result = await signCsr(csr, caCert, ca.privateKey, options);
  return { ...result, chain: [result.certificate, ...ca.chain] };
}

function trustedCertificates(store: Keystore): X509Certificate[] {
  return store.entries
    .filter((e): e is TrustedEntry => e.kind === 'trusted')
    .map((e) => e.chain[0]);
}

/** keytool -importcert onto a key entry: replaces its chain with the CA-signed one. */
export function importCaReply(
  store: Keystore,
  alias: string,
  reply: readonly X509Certificate[],
): OperationResult {
  const entry = requireKeyEntry(store, alias);
  const { chain, rootTrusted } = chainForKey(entry.privateKey, reply, trustedCertificates(store));
  const notes: string[] = [`Entry "${entry.alias}" now holds a chain of ${chain.length}.`];
  if (!rootTrusted) {
    const root = chain[chain.length - 1];
    notes.push(
      `The root "${root?.subject.replace(/\n/g, ', ')}" came with the reply and is not a trusted entry of this store; check its fingerprint with your CA.`,
    );
  }
  return { store: replaceEntry(store, entry.alias, { ...entry, chain }), notes };
}

/** A readable alias from a certificate's CN (or O), JDK-style lower case. */
function aliasFromCertificate(cert: X509Certificate): string {
  const subject = cert.subject.split('\n');
  const pick = (key: string) =>
    subject.find((line) => line.startsWith(`${key}=`))?.slice(key.length + 1);
  const base = (pick('CN') ?? pick('OU') ?? pick('O') ?? 'cert')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'cert';
}

function uniqueAlias(taken: Set<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Imports EVERY certificate given as a trusted entry (keytool takes only the first of a PEM
 * bundle). With `alias`, the first is named so and the others `alias-2`, `alias-3`...; without,
 * aliases come from each subject's CN. Certificates already trusted in the store are skipped.
 */
export function importTrusted(
  store: Keystore,
  certificates: readonly X509Certificate[],
  options: { alias?: string; now?: Date } = {},
): OperationResult & { added: string[] } {
  if (certificates.length === 0) {
    throw new KeystoreError('unsupported', 'No certificate to import.');
  }
  const notes: string[] = [];
  const base = options.alias === undefined ? undefined : normalizeAlias(options.alias, notes);
  if (base !== undefined) refuseExisting(store, base);
  const taken = new Set(store.entries.map((e) => e.alias));
  const known = trustedCertificates(store);
  const added: string[] = [];
  let next = store;
  for (const cert of certificates) {
    const same = known.find((k) => k.raw.equals(cert.raw));
    if (same) {
      const owner = next.entries.find((e) => e.kind === 'trusted' && e.chain[0] === same);
      notes.push(
        `Skipped "${cert.subject.replace(/\n/g, ', ')}": already trusted as "${owner?.alias}".`,
      );
      continue;
    }
    const alias = uniqueAlias(taken, base ?? aliasFromCertificate(cert));
    taken.add(alias);
    known.push(cert);
    added.push(alias);
    next = withEntry(next, {
      kind: 'trusted',
      alias,
      created: options.now ?? new Date(),
      chain: [cert],
    });
  }
  return { store: next, notes, added };
}

/** Imports a private key and its certificate chain (any order) as a key entry. */
export function importKeyPair(
  store: Keystore,
  alias: string,
  privateKey: KeyObject,
  certificates: readonly X509Certificate[],
  options: { now?: Date } = {},
): OperationResult {
  const notes: string[] = [];
  const name = normalizeAlias(alias, notes);
  refuseExisting(store, name);
  const leaf = certificates.find((c) => keysMatch(privateKey, c.publicKey));
  if (!leaf) {
    throw new KeystoreError(
      'unsupported',
      'None of the certificates is for this private key; check that the key and certificate files belong together.',
    );
  }
  let chain: X509Certificate[];
  try {
    chain = buildChain(leaf, certificates, trustedCertificates(store)).chain;
  } catch {
    // A chain without its root is still usable by a TLS server (clients hold the root); keep what
    // links up and say so.
    chain = [leaf];
    let current = leaf;
    for (;;) {
      const issuer = certificates.find(
        (c) => !chain.includes(c) && current.checkIssued(c) && current.verify(c.publicKey),
      );
      if (!issuer) break;
      chain.push(issuer);
      current = issuer;
    }
    notes.push(`The chain (${chain.length} certificate(s)) does not reach a root certificate.`);
  }
  const unused = certificates.length - chain.filter((c) => certificates.includes(c)).length;
  if (unused > 0)
    notes.push(`${unused} certificate(s) in the file are not part of the chain and were left out.`);
  const entry: KeyEntry = {
    kind: 'key',
    alias: name,
    created: options.now ?? new Date(),
    chain,
    privateKey,
  };
  return { store: withEntry(store, entry), notes };
}

export function deleteAlias(store: Keystore, alias: string): Keystore {
  const entry = requireEntry(store, alias);
  return { ...store, entries: store.entries.filter((e) => e !== entry) };
}

/** keytool -changealias. */
export function renameAlias(store: Keystore, from: string, to: string): OperationResult {
  const entry = requireEntry(store, from);
  const notes: string[] = [];
  const name = normalizeAlias(to, notes);
  if (name !== entry.alias) refuseExisting(store, name);
  return { store: replaceEntry(store, entry.alias, { ...entry, alias: name }), notes };
}

/**
 * JKS <-> PKCS12 (or PEM): the entries stay, the writer decides the bytes. Trusted certificates
 * written to PKCS12 carry Java's trusted-key-usage attribute, so Java still sees them.
 */
export function convert(store: Keystore, to: WritableStoreType): Keystore {
  return { ...store, type: to };
}

export type CertificateExportFormat = 'PEM' | 'DER';

/** keytool -exportcert: the entry's certificate, or its whole chain (PEM only). */
export function exportCertificate(
  store: Keystore,
  alias: string,
  options: { format: CertificateExportFormat; chain?: boolean },
): Buffer {
  const entry = requireEntry(store, alias);
  const certs = options.chain ? entry.chain : entry.chain.slice(0, 1);
  if (options.format === 'DER') {
    if (certs.length > 1) {
      throw new KeystoreError('unsupported', 'DER holds one certificate: export a chain as PEM.');
    }
    return Buffer.from(certs[0]?.raw ?? []);
  }
  return Buffer.from(certs.map((c) => c.toString().trim() + '\n').join(''));
}

/**
 * The entry's private key as encrypted PKCS#8 PEM (AES-256-CBC, PBKDF2). Never unencrypted: a
 * plain key file lying around is how keys leak.
 */
export function exportPrivateKey(store: Keystore, alias: string, passphrase: string): string {
  if (passphrase.length < 6) {
    throw new KeystoreError(
      'unsupported',
      'The key export password must have at least 6 characters.',
    );
  }
  const entry = requireKeyEntry(store, alias);
  return entry.privateKey
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
    .toString();
}
