import { EXIT_OK } from '../../command';
import { addSelfSigned } from '../../../services/keystore/operations';
import { readKeystoreFile } from '../../../services/keystore/read';
import { storeExists, typeForNewFile, writableTypeOf } from '../../../services/keystore/store-file';
import type { Keystore } from '../../../services/keystore/model';
import { keySpec } from '../../../services/x509/keys';
import { parseSanList } from '../../../services/x509/names';
import { intOpt, requiredOpt, stringOpt, UsageError } from '../../parse-options';
import {
  printNotes,
  save,
  storePassword,
  storeTypeOpt,
  storepassHelp,
  storepassOptions,
  type Subcommand,
} from './common';

export const selfsigned: Subcommand = {
  name: 'selfsigned',
  summary: 'generate a key pair with a self-signed certificate (creates the store if needed)',
  usage:
    'selfsigned STORE --alias A --dname "CN=..." [--san dns:x,ip:y] [--storetype jks|pkcs12] [--keyalg rsa|ec] [--keysize N] [--days N] [--ca]',
  details: [
    '  --alias A               entry name (stored lower-case, like Java)',
    '  --dname "CN=.., O=.., C=US"   subject; escape commas inside values as \\,',
    '  --san dns:x,ip:y        subjectAltName entries (dns:, ip:, email:, uri:)',
    '  --storetype jks|pkcs12  type of a NEW store (default from the extension, else pkcs12)',
    '  --profile strong|compatible  PKCS12 encryption (compatible = 3DES/SHA-1 for old JREs)',
    '  --keyalg rsa|ec         default rsa',
    '  --keysize N             RSA 2048 (default), 3072, 4096; EC 256 (default), 384',
    '  --days N                validity, default 365',
    '  --ca                    make a private CA certificate (to sign others), not a server one',
    ...storepassHelp,
  ],
  options: {
    ...storepassOptions,
    alias: { type: 'string' },
    dname: { type: 'string' },
    san: { type: 'string' },
    storetype: { type: 'string' },
    profile: { type: 'string' },
    keyalg: { type: 'string' },
    keysize: { type: 'string' },
    days: { type: 'string' },
    ca: { type: 'boolean' },
  },
  positionals: [1, 1],
  async run(values, [file = ''], io) {
    const alias = requiredOpt(values, 'alias');
    const dname = requiredOpt(values, 'dname');
    const san = parseSanList(stringOpt(values, 'san') ?? '');
    const key = keySpec(stringOpt(values, 'keyalg') ?? 'rsa', intOpt(values, 'keysize'));
    const days = intOpt(values, 'days');
    const profile = stringOpt(values, 'profile');
    if (profile !== undefined && profile !== 'strong' && profile !== 'compatible') {
      throw new UsageError("--profile must be 'strong' or 'compatible'.");
    }
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
      const asked = storeTypeOpt(values);
      if (asked && asked !== type) {
        throw new UsageError(
          `${file} is ${type}, not ${asked}; use \`rwsec keystore convert\` to change its type.`,
        );
      }
    } else {
      type = typeForNewFile(file, storeTypeOpt(values));
      if (type === 'PEM') throw new UsageError('A new store must be jks or pkcs12 (--storetype).');
      store = { type, entries: [] };
    }
    const result = await addSelfSigned(store, {
      alias,
      dname,
      san,
      key,
      days,
      ca: values.ca === true,
    });
    await save(io, file, result.store, {
      type,
      password,
      profile: profile as 'strong' | 'compatible' | undefined,
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
};
