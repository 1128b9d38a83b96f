// What "Import" means for a file dropped on the keystore manager, decided by its content:
//   PEM with a private key  -> a key entry (the key and the certificates in the same text)
//   JKS / JCEKS / PKCS12    -> its key entries and trusted entries, under their aliases
//   PEM / DER / P7B certs   -> trusted entries, every certificate (not just the first, as keytool)
import { UserFacingError } from '../../../shared/user-error';
import { parseCertificateBytes } from '../chain/cert-input';
import type { Keystore } from './model';
import { importKeyPair, importTrusted, type OperationResult } from './operations';
import { parsePrivateKeyPem } from './private-key-pem';

/** Bytes to import, with the name messages give them (a path, a dropped file's name, "the pasted text"). */
export interface InputBytes {
  bytes: Buffer;
  name: string;
}

export class ImportError extends UserFacingError {
  constructor(message: string) {
    super('unreadable', message);
  }
}

function keyEntryFromPem(
  store: Keystore,
  input: InputBytes,
  text: string,
  alias: string | undefined,
  password: string | undefined,
): OperationResult {
  if (alias === undefined) {
    throw new ImportError(
      `${input.name} holds a private key: give the alias of the new key entry.`,
    );
  }
  const key = parsePrivateKeyPem(text, password, input.name);
  const certs = /-----BEGIN (X509 |TRUSTED )?CERTIFICATE-----/.test(text)
    ? parseCertificateBytes(input.bytes, input.name).certificates.map((c) => c.cert)
    : [];
  if (certs.length === 0) {
    throw new ImportError(
      `${input.name} holds a private key but no certificate: put the key and its certificate chain in one PEM file.`,
    );
  }
  const result = importKeyPair(store, alias, key, certs);
  result.notes.unshift(`Imported the key entry "${alias.toLowerCase()}".`);
  return result;
}

export function importMaterial(
  store: Keystore,
  input: InputBytes,
  options: { alias?: string; password?: string },
): OperationResult {
  const text = input.bytes.toString('latin1');
  if (/-----BEGIN (ENCRYPTED |RSA |EC )?PRIVATE KEY-----/.test(text)) {
    return keyEntryFromPem(store, input, text, options.alias, options.password);
  }
  const read = parseCertificateBytes(input.bytes, input.name, options.password);
  if (read.keystore) {
    const source = read.keystore;
    const keys = source.entries.filter((e) => e.kind === 'key');
    let next = store;
    const notes: string[] = [];
    for (const entry of source.entries) {
      if (entry.kind === 'key') {
        const alias = keys.length === 1 && options.alias ? options.alias : entry.alias;
        const done = importKeyPair(next, alias, entry.privateKey, entry.chain);
        next = done.store;
        notes.push(`Imported the key entry "${alias.toLowerCase()}".`, ...done.notes);
      } else {
        const done = importTrusted(next, entry.chain, { alias: entry.alias });
        next = done.store;
        notes.push(...done.added.map((a) => `Imported the trusted certificate "${a}".`));
        notes.push(...done.notes);
      }
    }
    if (source.entries.length === 0) throw new ImportError(`${input.name} holds no entry.`);
    return { store: next, notes };
  }
  const certs = read.certificates.map((c) => c.cert);
  const done = importTrusted(store, certs, options.alias ? { alias: options.alias } : {});
  done.notes.unshift(
    done.added.length === 0
      ? 'Nothing imported.'
      : `Imported ${done.added.length} trusted certificate(s): ${done.added.join(', ')}.`,
  );
  return done;
}
