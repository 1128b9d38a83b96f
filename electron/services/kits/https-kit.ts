// HTTPS for RWS (Jetty): the guide's keystore procedures in one step each: a self-signed
// certificate, a CSR for a company CA and the import of its reply, the import of an existing PEM
// key + certificate, and a keystore password change. Each plans the keystore and (optionally) the
// application.yaml values together, so they are committed both or neither.
import type { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { MAX_STORE_BYTES, readRegularFileSync } from '../files/bounded-read';
import { FileReadError } from '../files/file-errors';
import { resolve } from 'node:path';
import { readCertificateFile } from '../chain/cert-input';
import { KeystoreError, type KeyEntry, type Keystore } from '../keystore/model';
import { readKeystoreFile } from '../keystore/read';
import { writeKeystore } from '../keystore/write';
import { deleteAlias, importCaReply, importKeyPair } from '../keystore/operations';
import { parsePrivateKeyPem } from '../keystore/private-key-pem';
import { createCsr } from '../x509/csr';
import { generateKeyPair, type KeySpec } from '../x509/keys';
import type { SanEntry } from '../x509/names';
import { createSelfSigned } from '../x509/self-signed';
import { KitError } from './kit-error';
import { httpsEdits, httpsPasswordEdits, planConfig, type PlannedConfig } from './config-values';
import type { PlannedFile } from './transaction';

export type HttpsStoreType = 'JKS' | 'PKCS12';

export type HttpsSource =
  | { mode: 'self-signed'; dname: string; san: readonly SanEntry[]; key: KeySpec; days: number }
  | { mode: 'csr'; csrOut: string; dname: string; san: readonly SanEntry[]; key: KeySpec }
  | { mode: 'reply'; replyFile: string }
  | { mode: 'import'; keyFile: string; certFile: string; keyPassword?: string };

export interface HttpsKitOptions {
  keystore: string;
  alias: string;
  /** For a new store; an existing store keeps its type. */
  storeType: HttpsStoreType;
  storepass: string;
  source: HttpsSource;
  /** Replace an existing entry of the same alias (the guide's "delete the alias, re-import"). */
  replace?: boolean;
  config?: string;
  /** HTTPS port for ssl.port; default: the config's current port, else 9443. */
  port?: number;
  now?: Date;
}

export interface HttpsPlan {
  files: PlannedFile[];
  warnings: string[];
  /** What was done, one line each, for the CLI and UI. */
  summary: string[];
  config?: PlannedConfig;
  /** The certificate the keystore's entry will hold (for a CSR: the placeholder until the reply). */
  certificate?: X509Certificate;
}

export const SUGGESTED_PORT = 9443;
const KEYSTORE_MODE = 0o600;

function loadStore(file: string, storepass: string): Keystore | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return readKeystoreFile(file, { password: storepass }).store;
  } catch (err) {
    if (err instanceof KeystoreError && err.code === 'wrong-password') {
      throw new KitError(
        `${file}: the store password is wrong. Give the password the keystore was made with.`,
      );
    }
    throw err;
  }
}

function storeBytes(store: Keystore, type: HttpsStoreType, storepass: string): Buffer {
  // Jetty opens the key with the store password when no key password is set: keep them equal.
  return writeKeystore(store, { type, password: storepass });
}

function withEntry(store: Keystore, entry: KeyEntry, replace: boolean, file: string): Keystore {
  const existing = store.entries.find((e) => e.alias === entry.alias);
  if (existing && !replace) {
    throw new KitError(
      `${file} already has an entry "${entry.alias}". Add --replace to replace it (the guide's "delete the alias and re-import"), or choose another --alias.`,
      'refused',
    );
  }
  return { ...store, entries: [...store.entries.filter((e) => e.alias !== entry.alias), entry] };
}

function keyEntryOf(store: Keystore | undefined, alias: string, file: string): KeyEntry {
  const entry = store?.entries.find((e) => e.alias === alias);
  if (!store)
    throw new KitError(`${file} does not exist: make the CSR first (--csr), which creates it.`);
  if (!entry || entry.kind !== 'key') {
    throw new KitError(
      `${file} has no key entry "${alias}" (it has: ${store.entries.map((e) => `${e.alias} (${e.kind})`).join(', ') || 'no entries'}). Use the alias the CSR was made with (--alias).`,
      'refused',
    );
  }
  return entry;
}

function readText(file: string): string {
  try {
    return readRegularFileSync(file, MAX_STORE_BYTES).toString('utf8');
  } catch (err) {
    if (err instanceof FileReadError) throw new KitError(`${err.message}.`);
    throw err;
  }
}

function certificatesIn(file: string): X509Certificate[] {
  const read = readCertificateFile(file);
  if (read.certificates.length === 0) throw new KitError(`${file} holds no certificate.`);
  return read.certificates.map((c) => c.cert);
}

async function configFor(
  options: HttpsKitOptions,
  warnings: string[],
): Promise<PlannedConfig | undefined> {
  if (!options.config) return undefined;
  return planConfig(resolve(options.config), (doc) => {
    const current = doc.get('ssl.port');
    const port = options.port ?? (typeof current === 'number' ? current : SUGGESTED_PORT);
    if (port < 1024) {
      warnings.push(
        `ssl.port ${port} is below 1024: on Unix only root can open it, and the guide advises against running RWS as root. Use a port such as ${SUGGESTED_PORT} (--port ${SUGGESTED_PORT}).`,
      );
    }
    return httpsEdits(doc, {
      port,
      keyStorePath: resolve(options.keystore),
      storepass: options.storepass,
    });
  });
}

/** Plans the keystore (and config) for one HTTPS procedure. */
export async function planHttpsKit(options: HttpsKitOptions): Promise<HttpsPlan> {
  const file = resolve(options.keystore);
  const alias = options.alias.toLowerCase();
  const warnings: string[] = [];
  const summary: string[] = [];
  if (alias !== options.alias)
    warnings.push(`Alias "${options.alias}" is stored as "${alias}" (Java lower-cases aliases).`);
  if (options.storepass.length < 6)
    throw new KitError('The store password must have at least 6 characters.');
  const existing = loadStore(file, options.storepass);
  const type: HttpsStoreType =
    existing?.type === 'PKCS12' ? 'PKCS12' : existing ? 'JKS' : options.storeType;
  if (existing && existing.type !== options.storeType) {
    warnings.push(`${file} is an existing ${existing.type} store: it stays ${type}.`);
  }
  if (!existing && type === 'PKCS12') {
    warnings.push(
      "application.yaml has no keystore type: RWS's Jetty opens the store as JKS, which reads PKCS12 only on Java 8u60 and later. Use --storetype jks for older Java.",
    );
  }
  const base: Keystore = existing ?? { type, entries: [] };
  const now = options.now ?? new Date();
  const files: PlannedFile[] = [];
  const source = options.source;
  let store: Keystore;
  let touchConfig = true;

  if (source.mode === 'self-signed' || source.mode === 'csr') {
    if (source.san.length === 0) {
      warnings.push(
        'No --san given: browsers and Java clients check the host name against the SAN, so they will reject this certificate. Add --san dns:HOST,ip:ADDRESS.',
      );
    }
    const keys = await generateKeyPair(source.key);
    const cert = await createSelfSigned(keys, {
      dname: source.dname,
      san: source.san,
      days: source.mode === 'self-signed' ? source.days : 90,
      now,
    });
    store = withEntry(
      base,
      { kind: 'key', alias, created: now, chain: [cert], privateKey: keys.privateKey },
      options.replace === true,
      file,
    );
    if (source.mode === 'csr') {
      const csr = await createCsr(keys.privateKey, keys.publicKey, {
        subject: source.dname,
        san: source.san,
      });
      files.push({ path: resolve(source.csrOut), data: csr, mode: 0o644 });
      summary.push(
        `CSR for "${source.dname}" written to ${resolve(source.csrOut)}: send it to your CA, then run with --reply SIGNED.pem.`,
      );
      // The entry holds a placeholder certificate until the reply: HTTPS is not switched on yet.
      touchConfig = false;
    } else {
      summary.push(
        `Self-signed certificate for "${source.dname}" (for non-production use) in ${file}, alias ${alias}.`,
      );
    }
  } else if (source.mode === 'reply') {
    keyEntryOf(existing, alias, file);
    const done = importCaReply(base, alias, certificatesIn(source.replyFile));
    store = done.store;
    summary.push(`CA reply installed on "${alias}" in ${file}.`, ...done.notes);
  } else {
    const key = parsePrivateKeyPem(readText(source.keyFile), source.keyPassword, source.keyFile);
    const replaced =
      options.replace === true && base.entries.some((e) => e.alias === alias)
        ? deleteAlias(base, alias)
        : base;
    const done = importKeyPair(replaced, alias, key, certificatesIn(source.certFile), { now });
    store = done.store;
    warnings.push(...done.notes.filter((n) => /root|left out/.test(n)));
    summary.push(`Key and certificate chain imported into ${file}, alias ${alias}.`);
  }

  files.push({ path: file, data: storeBytes(store, type, options.storepass), mode: KEYSTORE_MODE });
  const entry = store.entries.find((e) => e.alias === alias);
  const certificate = entry?.kind === 'key' ? entry.chain[0] : undefined;
  const config = touchConfig ? await configFor(options, warnings) : undefined;
  if (config) {
    files.push({ path: config.file, data: config.after });
    summary.push(`${config.file}: HTTPS on, ssl.keyStorePath and ssl.keyStorePassword (OBF:) set.`);
  }
  return {
    files,
    warnings,
    summary,
    ...(config ? { config } : {}),
    ...(certificate ? { certificate } : {}),
  };
}

export interface PasswordChangeOptions {
  keystore: string;
  storepass: string;
  newStorepass: string;
  config?: string;
}

/** Re-encrypts the store under a new password and plans ssl.keyStorePassword to match. */
export async function planPasswordChange(options: PasswordChangeOptions): Promise<HttpsPlan> {
  const file = resolve(options.keystore);
  if (options.newStorepass.length < 6)
    throw new KitError('The new store password must have at least 6 characters.');
  const store = loadStore(file, options.storepass);
  if (!store) throw new KitError(`${file} does not exist.`);
  const type: HttpsStoreType = store.type === 'PKCS12' ? 'PKCS12' : 'JKS';
  const warnings: string[] = [];
  if (store.type !== 'JKS' && store.type !== 'PKCS12') {
    warnings.push(`${file} was ${store.type}; it is written back as JKS.`);
  }
  const files: PlannedFile[] = [
    { path: file, data: storeBytes(store, type, options.newStorepass), mode: KEYSTORE_MODE },
  ];
  const summary = [`${file} re-encrypted with the new password.`];
  let config: PlannedConfig | undefined;
  if (options.config) {
    config = await planConfig(resolve(options.config), () =>
      httpsPasswordEdits(options.newStorepass),
    );
    const configured = config.doc.get('ssl.keyStorePath');
    if (
      typeof configured === 'string' &&
      resolve(resolve(options.config), '..', configured) !== file
    ) {
      warnings.push(
        `${config.file} names ${configured} in ssl.keyStorePath, not ${file}: check that it is the store you changed.`,
      );
    }
    files.push({ path: config.file, data: config.after });
    summary.push(`${config.file}: ssl.keyStorePassword updated (OBF:).`);
  } else {
    warnings.push(
      'No --config given: update ssl.keyStorePassword in application.yaml yourself, or RWS will not open the keystore.',
    );
  }
  return { files, warnings, summary, ...(config ? { config } : {}) };
}
