// Each store format behind one interface: `read` turns its bytes into the one entry model and,
// for the formats this tool writes, `write` turns the model back into bytes. Which format a file
// is stays one ordered sniff of its bytes (files/detect-format.ts): PKCS12, PKCS#7 and a DER
// certificate all open with a SEQUENCE and are told apart in a fixed order. A format added to
// shared/store-formats.ts does not compile until it has a codec here.
import { X509Certificate } from 'node:crypto';
import type { StoreType, WritableStoreType } from '../../../shared/store-formats';
import { Asn1Error } from '../der/asn1';
import { assembleEntries } from './assemble';
import { corrupt, passwordRequired, wrongPassword } from './errors';
import { readJceks } from './jceks';
import { readJks, writeJks } from './jks';
import { KeystoreError, type Keystore } from './model';
import { certificatePem, parsePem, PemError, privateKeyPem } from './pem';
import { pkcs7Certificates } from './pkcs7';
import type * as Pkcs12Read from './pkcs12-read';
import type * as Pkcs12Write from './pkcs12-write';
import type { ReadOptions } from './read';
import type { WriteOptions } from './write';

// PKCS12 needs node-forge (its PBE ciphers, ~40 modules): loaded with the first PKCS12 store
// read or written, not with every start (`rwsec validate` of a config whose stores are JKS or PEM
// never loads it). `import()` would make every codec async for that.
/* eslint-disable @typescript-eslint/no-require-imports -- the lazy loads described above */
const pkcs12Read = () => require('./pkcs12-read') as typeof Pkcs12Read;
const pkcs12Write = () => require('./pkcs12-write') as typeof Pkcs12Write;
/* eslint-enable @typescript-eslint/no-require-imports */

export interface StoreCodec {
  read(bytes: Buffer, options: ReadOptions): Keystore;
}

export interface WritableCodec extends StoreCodec {
  write(store: Keystore, options: WriteOptions): Buffer;
}

function readPem(buf: Buffer, options: ReadOptions): Keystore {
  const { file } = options;
  try {
    const { keys, certs } = parsePem(buf.toString('utf8'), options.password);
    return { type: 'PEM', entries: assembleEntries(keys, certs) };
  } catch (err) {
    if (!(err instanceof PemError)) throw err;
    if (err.reason === 'password-required') throw passwordRequired(file, `because ${err.message}`);
    if (err.reason === 'wrong-password') throw wrongPassword(file, ` (${err.message})`);
    throw corrupt(file, 'PEM', err.message);
  }
}

function writePem(store: Keystore, password: string): Buffer {
  const parts: string[] = [];
  for (const entry of store.entries) {
    if (entry.kind === 'key') parts.push(privateKeyPem(entry.privateKey, entry.alias, password));
    entry.chain.forEach((cert, i) =>
      parts.push(certificatePem(cert, i === 0 ? entry.alias : undefined)),
    );
  }
  return Buffer.from(parts.join(''), 'utf8');
}

function readDer(buf: Buffer, options: ReadOptions): Keystore {
  try {
    return { type: 'DER', entries: assembleEntries([], [{ cert: new X509Certificate(buf) }]) };
  } catch {
    throw corrupt(options.file, 'DER certificate', 'the certificate cannot be parsed');
  }
}

function readPkcs7(buf: Buffer, options: ReadOptions): Keystore {
  try {
    const certs = pkcs7Certificates(buf).map((der) => ({ cert: new X509Certificate(der) }));
    return { type: 'PKCS7', entries: assembleEntries([], certs) };
  } catch (err) {
    if (err instanceof KeystoreError) throw err;
    throw corrupt(
      options.file,
      'PKCS7',
      err instanceof Asn1Error ? err.message : 'a certificate cannot be parsed',
    );
  }
}

export const codecs: {
  [T in StoreType]: T extends WritableStoreType ? WritableCodec : StoreCodec;
} = {
  JKS: {
    read: readJks,
    write: (store, options) => writeJks(store, options.password, options.keyPassword),
  },
  JCEKS: { read: readJceks },
  PKCS12: {
    read: (bytes, options) => pkcs12Read().readPkcs12(bytes, options),
    write: (store, options) => pkcs12Write().writePkcs12(store, options.password, options.profile),
  },
  PEM: { read: readPem, write: (store, options) => writePem(store, options.password) },
  DER: { read: readDer },
  PKCS7: { read: readPkcs7 },
};
