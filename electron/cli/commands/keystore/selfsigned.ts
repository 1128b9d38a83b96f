import { EXIT_OK } from '../../command';
import { addSelfSigned } from '../../../services/keystore/operations';
import { readKeystoreFile } from '../../../services/keystore/read';
import { storeExists, typeForNewFile, writableTypeOf } from '../../../services/keystore/store-file';
import type { Keystore } from '../../../services/keystore/model';
import { keySpec } from '../../../services/x509/keys';
import { parseSanList } from '../../../services/x509/names';
import { defineCommand } from '../../cli-spec';
import { UsageError } from '../../cli-parse';
import {
  keystoreEpilogue,
  printNotes,
  profileOption,
  save,
  storeArg,
  storePassword,
  storeType,
  storetypeOption,
  storepassOptions,
} from './common';

export const selfsigned = defineCommand({
  name: 'keystore selfsigned',
  summary: 'generate a key pair with a self-signed certificate (creates the store if needed)',
  usage: [
    'STORE --alias A --dname "CN=..." [--san dns:x,ip:y] [--storetype jks|pkcs12] [--keyalg rsa|ec] [--keysize N] [--days N] [--ca]',
  ],
  args: storeArg,
  options: {
    alias: {
      type: 'string',
      arg: 'A',
      required: true,
      help: 'entry name (stored lower-case, like Java)',
    },
    dname: {
      type: 'string',
      arg: '"CN=.., O=.., C=US"',
      required: true,
      help: 'subject; escape commas inside values as \\,',
    },
    san: {
      type: 'string',
      arg: 'dns:x,ip:y',
      help: 'subjectAltName entries (dns:, ip:, email:, uri:)',
    },
    storetype: storetypeOption,
    profile: profileOption,
    keyalg: { type: 'string', choices: ['rsa', 'ec'], help: 'default rsa' },
    keysize: {
      type: 'int',
      min: 1,
      max: 100000,
      help: 'RSA 2048 (default), 3072, 4096; EC 256 (default), 384',
    },
    days: { type: 'int', min: 1, max: 36500, help: 'validity, default 365' },
    ca: {
      type: 'boolean',
      help: 'make a private CA certificate (to sign others), not a server one',
    },
    ...storepassOptions,
  },
  epilogue: keystoreEpilogue,
  async run({ values, args: [file = ''], io }) {
    const { alias, dname, days, profile } = values;
    const san = parseSanList(values.san ?? '');
    const key = keySpec(values.keyalg ?? 'rsa', values.keysize);
    const exists = await storeExists(file);
    const password = await storePassword(
      io,
      values,
      file,
      exists ? {} : { confirm: true, minLength: 6 },
    );
    let store: Keystore;
    let type;
    let original: Buffer | undefined;
    if (exists) {
      ({ store, bytes: original } = readKeystoreFile(file, { password }));
      type = writableTypeOf(store, file);
      const asked = storeType(values.storetype);
      if (asked && asked !== type) {
        throw new UsageError(
          `${file} is ${type}, not ${asked}; use \`rwsec keystore convert\` to change its type.`,
        );
      }
    } else {
      type = typeForNewFile(file, storeType(values.storetype));
      if (type === 'PEM') throw new UsageError('A new store must be jks or pkcs12 (--storetype).');
      store = { type, entries: [] };
    }
    const result = await addSelfSigned(store, {
      alias,
      dname,
      san,
      key,
      days,
      ca: values.ca,
    });
    await save(io, file, result.store, {
      type,
      password,
      profile,
      expectedOriginal: original,
    });
    printNotes(io, result.notes);
    const leaf = result.entry.chain[0];
    io.out(
      `${exists ? 'Added' : 'Created'} ${file} (${type}): entry "${result.entry.alias}", ` +
        `${key.algorithm === 'rsa' ? `RSA ${key.size}` : `EC ${key.curve}`}, valid to ${leaf?.validTo ?? '?'}\n`,
    );
    return EXIT_OK;
  },
});
