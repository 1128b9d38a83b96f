// The application.yaml values that match what a kit wrote, as lossless document edits. Secrets are
// written only in a form the server reads for that option (the catalog's `secretForms`):
// ssl.keyStorePassword is read by Jetty (plain or OBF:, never CRYPT:), the trust and Cassandra
// passwords by RWS (plain or CRYPT: from the admin's gir.jar).
import { UserFacingError } from '../../../shared/user-error';
import { FileReadError } from '../files/file-errors';
import { readTextFile } from '../files/read-text';
import { findOption, type SecretForm } from '../../../shared/catalog/options';
import type { Diagnostic } from '../../../shared/diagnostics';
import { obfuscate } from '../../../shared/secrets/obf';
import { RwsDocument, YamlSyntaxError, type DocumentEdit } from '../../../shared/yaml/document';
import { validateConfig } from '../validate/validate-config';

export type SetEdit = { path: string; value: unknown };

export class ConfigFileError extends UserFacingError {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super('unreadable', message);
  }
}

/** A password as the option at `path` will read it. `crypt` is a gir.jar value for the same password. */
export function secretValueFor(path: string, plain: string, crypt?: string): string {
  const forms: readonly SecretForm[] = findOption(path)?.secretForms ?? defaultForms(path);
  if (forms.includes('OBF')) return obfuscate(plain);
  if (crypt !== undefined) {
    if (!forms.includes('CRYPT')) {
      throw new Error(
        `${path} cannot hold a CRYPT: value (the server reads it as ${forms.join(' or ')}).`,
      );
    }
    if (!crypt.startsWith('CRYPT:')) throw new Error(`Not a CRYPT: value for ${path}.`);
    return crypt;
  }
  return plain;
}

/** Until the catalog lists an option, the forms the guide states. */
function defaultForms(path: string): readonly SecretForm[] {
  return path === 'ssl.keyStorePassword' ? ['plain', 'OBF'] : ['plain', 'CRYPT'];
}

/** `enableSsl` lives top-level in the RWS guide and inside `jetty:` in older files: edit where it is. */
export function enableSslPath(doc: RwsDocument): string {
  if (!doc.has('enableSsl') && doc.has('jetty.enableSsl')) return 'jetty.enableSsl';
  return 'enableSsl';
}

export interface HttpsValues {
  port: number;
  keyStorePath: string;
  storepass: string;
}

export function httpsEdits(doc: RwsDocument, values: HttpsValues): SetEdit[] {
  return [
    { path: enableSslPath(doc), value: true },
    { path: 'ssl.port', value: values.port },
    { path: 'ssl.keyStorePath', value: values.keyStorePath },
    {
      path: 'ssl.keyStorePassword',
      value: secretValueFor('ssl.keyStorePassword', values.storepass),
    },
  ];
}

/** Only the password changes (the store was re-encrypted in place). */
export function httpsPasswordEdits(storepass: string): SetEdit[] {
  return [
    { path: 'ssl.keyStorePassword', value: secretValueFor('ssl.keyStorePassword', storepass) },
  ];
}

export interface CassandraValues {
  trustStore: string;
  storepass: string;
  crypt?: string;
}

export function cassandraEdits(values: CassandraValues): SetEdit[] {
  const pw = 'cassandraCluster.truststorePassword';
  return [
    { path: 'cassandraCluster.useSSL', value: true },
    { path: 'cassandraCluster.trustStore', value: values.trustStore },
    { path: pw, value: secretValueFor(pw, values.storepass, values.crypt) },
  ];
}

export type TrustTarget = 'config-server' | 'webdav' | 'rcs' | 'speechminer';

export const trustTargets: Record<TrustTarget, { file: string; password: string; peer: string }> = {
  'config-server': {
    file: 'serverSettings.caCertificate',
    password: 'serverSettings.jksPassword',
    peer: 'Configuration Server, SIP Server and Interaction Server',
  },
  webdav: {
    file: 'serverSettings.webDAVTrustedCA',
    password: 'serverSettings.webDAVJksPassword',
    peer: 'WebDAV',
  },
  rcs: {
    file: 'serverSettings.rcsTrustedCA',
    password: 'serverSettings.rcsJksPassword',
    peer: 'Recording Crypto Server',
  },
  speechminer: {
    file: 'serverSettings.speechMinerTrustedCA',
    password: 'serverSettings.speechMinerJksPassword',
    peer: 'SpeechMiner Interaction Receiver',
  },
};

export interface TrustValues {
  target: TrustTarget;
  file: string;
  /** Set for JKS; a PEM file needs no password. */
  storepass?: string;
  crypt?: string;
}

export function trustEdits(doc: RwsDocument, values: TrustValues): DocumentEdit[] {
  const spec = trustTargets[values.target];
  const edits: DocumentEdit[] = [{ path: spec.file, value: values.file }];
  if (values.storepass !== undefined) {
    edits.push({
      path: spec.password,
      value: secretValueFor(spec.password, values.storepass, values.crypt),
    });
  } else if (doc.has(spec.password)) {
    // A stale JKS password beside a PEM file would mislead the next reader.
    edits.push({ path: spec.password, delete: true });
  }
  return edits;
}

export interface PlannedConfig {
  file: string;
  before: string;
  after: string;
  doc: RwsDocument;
}

/** Reads and parses a config file with messages that name it (never throws a stack-only error). */
export async function loadConfig(file: string): Promise<{ text: string; doc: RwsDocument }> {
  let text: string;
  try {
    text = (await readTextFile(file)).text;
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    throw new ConfigFileError(`${err.message}. Check the --config path.`, file);
  }
  try {
    return { text, doc: RwsDocument.parse(text) };
  } catch (err) {
    if (err instanceof YamlSyntaxError) {
      throw new ConfigFileError(
        `${file}:${err.line}:${err.column}: ${err.message}. Fix the YAML first; nothing was written.`,
        file,
      );
    }
    throw err;
  }
}

/** The new text of `file` with `edits`, ready to be committed with the kit's other files. */
export async function planConfig(
  file: string,
  edits: (doc: RwsDocument) => readonly DocumentEdit[],
): Promise<PlannedConfig> {
  const { text, doc } = await loadConfig(file);
  const next = doc.withEdits(edits(doc));
  return { file, before: text, after: next.text, doc: next };
}

/** What `rwsec validate` reports about the paths a kit set (checked after writing, when the files exist). */
export async function diagnosticsForPaths(
  doc: RwsDocument,
  file: string,
  paths: readonly string[],
): Promise<Diagnostic[]> {
  const found = await validateConfig(doc, file);
  return found.filter((d) => paths.some((p) => d.path === p || d.path.startsWith(`${p}.`)));
}
