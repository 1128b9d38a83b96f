// `rwsec kit https --renew --config FILE`: a new key and self-signed certificate for the HTTPS
// keystore the config names, for the same names (DN and SANs carried over) and a new validity,
// under the same alias and store password. The config is not touched: ssl.keyStorePassword (plain
// or OBF:) still opens the store. The plan is read back and checked before anything is written.
import { createPublicKey, type KeyObject, type X509Certificate } from 'node:crypto';
import { dirname, isAbsolute, resolve } from 'node:path';
import { presentText } from '../../../shared/rules/rule';
import { jettyKeystorePassword } from '../../../shared/secrets/obf';
import { RwsDocument, YamlSyntaxError } from '../../../shared/yaml/document';
import { KeystoreError, type KeyEntry, type Keystore } from '../keystore/model';
import { readKeystore, readKeystoreFile } from '../keystore/read';
import { writeKeystore } from '../keystore/write';
import { describeCertificate } from '../x509/describe';
import { generateKeyPair } from '../x509/keys';
import { createSelfSigned } from '../x509/self-signed';
import { KitError } from './kit-error';
import { carriedOver, sameKeySpec } from './renew-facts';
import type { PlannedFile } from './transaction';
import { FileReadError } from '../files/file-errors';
import { readTextFile } from '../files/read-text';

export interface HttpsRenewOptions {
  config: string;
  /** Which key entry; default the only one. */
  alias?: string;
  /** New validity in days; default as long as the old certificate's. */
  days?: number;
  now?: Date;
}

export interface HttpsRenewPlan {
  files: PlannedFile[];
  summary: string[];
  keystore: string;
  alias: string;
  /** The renewed leaf, for callers that check it. */
  certificate: X509Certificate;
}

async function configStore(config: string): Promise<{ file: string; password: string }> {
  let text: string;
  try {
    text = (await readTextFile(config)).text;
  } catch (error) {
    if (error instanceof FileReadError) throw new KitError(`Cannot read ${error.message}.`);
    throw new KitError(
      `Cannot read ${config}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
    );
  }
  let doc: RwsDocument;
  try {
    doc = RwsDocument.parse(text);
  } catch (error) {
    if (error instanceof YamlSyntaxError)
      throw new KitError(
        `${config}:${error.line}:${error.column}: not valid YAML: ${error.message}`,
      );
    throw error;
  }
  const path = presentText(doc, 'ssl.keyStorePath');
  if (path === undefined)
    throw new KitError(`${config} names no ssl.keyStorePath: there is no HTTPS keystore to renew.`);
  const raw = presentText(doc, 'ssl.keyStorePassword');
  const password = raw === undefined ? undefined : jettyKeystorePassword(raw);
  if (password === undefined) {
    throw new KitError(
      `${config}: ssl.keyStorePassword is ${raw === undefined ? 'not set' : 'in a form Jetty cannot read back (MD5:/CRYPT:)'}; set it to the store password (plain or OBF:) first.`,
    );
  }
  return { file: isAbsolute(path) ? path : resolve(dirname(config), path), password };
}

function pickEntry(store: Keystore, file: string, alias: string | undefined): KeyEntry {
  const keys = store.entries.filter((e): e is KeyEntry => e.kind === 'key');
  if (alias !== undefined) {
    const found = keys.find((k) => k.alias === alias.toLowerCase());
    if (!found)
      throw new KitError(
        `${file} has no key entry "${alias}" (key entries: ${keys.map((k) => k.alias).join(', ') || 'none'}).`,
      );
    return found;
  }
  if (keys.length === 1 && keys[0]) return keys[0];
  throw new KitError(
    keys.length === 0
      ? `${file} holds no key entry to renew.`
      : `${file} holds ${keys.length} key entries (${keys.map((k) => k.alias).join(', ')}): say which with --alias.`,
  );
}

function isSelfSigned(cert: X509Certificate): boolean {
  try {
    return cert.subject === cert.issuer && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

/** Reads the planned bytes back as Jetty would and checks what the renewal promised. */
export function checkRenewedStore(
  bytes: Uint8Array,
  password: string,
  alias: string,
  old: X509Certificate,
  file: string,
): X509Certificate {
  const store = readKeystore(bytes, { password, file });
  const entry = store.entries.find((e) => e.alias === alias);
  const leaf = entry?.chain[0];
  if (!entry || entry.kind !== 'key' || !leaf)
    throw new KitError(
      `${file}: the renewed store lacks key entry "${alias}"; nothing was written.`,
    );
  const spki = (k: KeyObject): Buffer =>
    (k.type === 'public' ? k : createPublicKey(k)).export({ type: 'spki', format: 'der' });
  const was = describeCertificate(old);
  const now = describeCertificate(leaf);
  const problems = [
    !spki(entry.privateKey).equals(spki(leaf.publicKey)) &&
      'the key does not match the certificate',
    now.subject !== was.subject && 'the subject differs',
    now.san.join() !== was.san.join() && 'the SANs differ',
    spki(leaf.publicKey).equals(spki(old.publicKey)) && 'the key was not replaced',
  ].filter(Boolean);
  if (problems.length > 0)
    throw new KitError(
      `${file}: the renewed entry failed its check (${problems.join(', ')}); nothing was written.`,
    );
  return leaf;
}

export async function planHttpsRenewal(options: HttpsRenewOptions): Promise<HttpsRenewPlan> {
  const config = resolve(options.config);
  const { file, password } = await configStore(config);
  let store: Keystore;
  try {
    store = readKeystoreFile(file, { password }).store;
  } catch (error) {
    if (error instanceof KeystoreError && error.code === 'wrong-password')
      throw new KitError(
        `ssl.keyStorePassword in ${config} does not open ${file}: fix the password first.`,
      );
    throw error;
  }
  const entry = pickEntry(store, file, options.alias);
  const old = entry.chain[0];
  if (!old) throw new KitError(`${file}: entry "${entry.alias}" has no certificate.`);
  if (entry.chain.length > 1 || !isSelfSigned(old)) {
    throw new KitError(
      `"${entry.alias}" in ${file} was issued by ${describeCertificate(old).issuer}: only that CA can renew it. Make a CSR for it (rwsec kit https --keystore ${file} --alias ${entry.alias} --csr new.csr --dname "..." --replace) and install the reply with --reply.`,
      'refused',
    );
  }
  const facts = carriedOver(old);
  const now = options.now ?? new Date();
  const keys = await generateKeyPair(sameKeySpec(entry.privateKey, `"${entry.alias}" in ${file}`));
  const days = options.days ?? facts.days;
  const cert = await createSelfSigned(keys, { dname: facts.dname, san: facts.san, days, now });
  const renewed: KeyEntry = { ...entry, created: now, chain: [cert], privateKey: keys.privateKey };
  const next: Keystore = {
    type: store.type === 'PKCS12' ? 'PKCS12' : 'JKS',
    entries: store.entries.map((e) => (e === entry ? renewed : e)),
  };
  const type = next.type === 'PKCS12' ? 'PKCS12' : 'JKS';
  const bytes = writeKeystore(next, { type, password });
  const leaf = checkRenewedStore(bytes, password, entry.alias, old, file);
  return {
    files: [{ path: file, data: bytes, mode: 0o600 }],
    summary: [
      `Renewed "${entry.alias}" in ${file}: new ${keys.privateKey.asymmetricKeyType?.toUpperCase()} key, ${facts.dname}, ${facts.san.length} SAN(s), valid ${leaf.validFrom} to ${leaf.validTo} (${days} days). Same alias and password: ssl.keyStorePassword in ${config} still opens it. Restart RWS to serve it.`,
    ],
    keystore: file,
    alias: entry.alias,
    certificate: leaf,
  };
}
