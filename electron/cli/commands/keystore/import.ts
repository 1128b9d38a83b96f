import { EXIT_OK, type CliIo } from '../../command';
import {
  findEntry,
  importCaReply,
  importKeyPair,
  importTrusted,
  type OperationResult,
} from '../../../services/keystore/operations';
import { parsePrivateKeyPem } from '../../../services/keystore/private-key-pem';
import { readKeystoreFile } from '../../../services/keystore/read';
import { storeExists, typeForNewFile, writableTypeOf } from '../../../services/keystore/store-file';
import type { Keystore, WritableStoreType } from '../../../services/keystore/model';
import { readSecret } from '../../secret-input';
import { defineCommand, secretOptions, type OptionSpecs, type ParsedValues } from '../../cli-spec';
import { UsageError } from '../../cli-parse';
import {
  printNotes,
  save,
  storePassword,
  keystoreEpilogue,
  profileOption,
  storeArg,
  storeType,
  storetypeOption,
  storepassOptions,
} from './common';
import { readCertificates, readInput } from './files';

interface Opened {
  store: Keystore;
  type: WritableStoreType;
  password: string;
  bytes?: Buffer;
}

async function openOrCreate(
  io: CliIo,
  values: ParsedValues<typeof importOptions>,
  file: string,
): Promise<Opened> {
  if (await storeExists(file)) {
    const password = await storePassword(io, values, file);
    const { store, bytes } = readKeystoreFile(file, { password });
    return { store, type: writableTypeOf(store, file), password, bytes };
  }
  const type = typeForNewFile(file, storeType(values.storetype));
  if (type === 'PEM') throw new UsageError('A new store must be jks or pkcs12 (--storetype).');
  const password = await storePassword(io, values, file, { confirm: true, minLength: 6 });
  return { store: { type, entries: [] }, type, password };
}

const importOptions = {
  alias: {
    type: 'string',
    arg: 'A',
    help: 'the entry: a key entry takes --file as its CA reply, a new alias names the import',
  },
  file: {
    type: 'string',
    arg: 'CERTS',
    help: [
      'PEM bundle, DER or PKCS#7 (.p7b). If --alias names an existing key',
      'entry, the file is its CA reply: it must match the key and chain to',
      'a root (in the reply or trusted in the store). Otherwise EVERY',
      'certificate becomes a trusted entry (alias, alias-2, ... or from CN)',
    ],
  },
  key: {
    type: 'string',
    arg: 'KEY.pem',
    help: 'a private key (PKCS#8/PKCS#1/SEC1, may be encrypted), with --cert and --alias',
  },
  cert: { type: 'string', arg: 'CHAIN.pem', help: 'the certificate chain of --key' },
  ...secretOptions('keypass', 'password of an encrypted KEY.pem'),
  storetype: storetypeOption,
  profile: profileOption,
  ...storepassOptions,
} as const satisfies OptionSpecs;

export const importCmd = defineCommand({
  name: 'keystore import',
  summary: 'import trusted certificates, a CA reply, or a PEM key + certificate chain',
  usage: [
    'STORE (--file CERTS [--alias A] | --alias KEYENTRY --file REPLY | --alias A --key KEY.pem --cert CHAIN.pem)',
  ],
  args: storeArg,
  options: importOptions,
  epilogue: keystoreEpilogue,
  async run({ values, args: [file = ''], io }) {
    const { alias, file: certFile, key: keyFile, cert: chainFile, profile } = values;
    if ((keyFile === undefined) === (certFile === undefined)) {
      throw new UsageError('Give either --file CERTS, or --key KEY.pem with --cert CHAIN.pem.');
    }
    let result: OperationResult;
    let opened: Opened;
    if (keyFile !== undefined) {
      if (!chainFile || !alias) throw new UsageError('--key needs --cert CHAIN.pem and --alias A.');
      const keyText = (await readInput(keyFile)).toString('utf8');
      const encrypted = /ENCRYPTED/.test(keyText);
      const keyPass = encrypted
        ? await readSecret(io, {
            option: 'keypass',
            value: values.keypass,
            envName: values['keypass-env'],
            prompt: `Password of ${keyFile}: `,
          })
        : undefined;
      const privateKey = parsePrivateKeyPem(keyText, keyPass, keyFile);
      const chain = await readCertificates(chainFile);
      opened = await openOrCreate(io, values, file);
      result = importKeyPair(opened.store, alias, privateKey, chain);
      result.notes.unshift(`Imported the key entry "${alias.toLowerCase()}".`);
    } else {
      const certs = await readCertificates(certFile ?? '');
      opened = await openOrCreate(io, values, file);
      const target = alias === undefined ? undefined : findEntry(opened.store, alias);
      if (target?.kind === 'key') {
        result = importCaReply(opened.store, target.alias, certs);
      } else {
        const trusted = importTrusted(opened.store, certs, { alias });
        result = trusted;
        result.notes.unshift(
          trusted.added.length === 0
            ? 'Nothing imported.'
            : `Imported ${trusted.added.length} trusted certificate(s): ${trusted.added.join(', ')}.`,
        );
      }
    }
    await save(io, file, result.store, {
      type: opened.type,
      password: opened.password,
      profile,
      expectedOriginal: opened.bytes,
    });
    printNotes(io, result.notes);
    return EXIT_OK;
  },
});
