import { EXIT_OK } from '../../command';
import { convert } from '../../../services/keystore/operations';
import { readKeystoreFile } from '../../../services/keystore/read';
import { storeExists } from '../../../services/keystore/store-file';
import { KeystoreError } from '../../../services/keystore/model';
import { readSecret, secretHelp } from '../../secret-input';
import { stringOpt, UsageError } from '../../parse-options';
import {
  save,
  storePassword,
  storeTypeOpt,
  storepassHelp,
  storepassOptions,
  type Subcommand,
} from './common';

export const convertCmd: Subcommand = {
  name: 'convert',
  summary: 'convert a store between JKS and PKCS12 (JCEKS too, as a source)',
  usage: 'convert STORE --storetype jks|pkcs12 [--dest OUT] [--profile strong|compatible]',
  details: [
    '  --storetype jks|pkcs12  the type to write',
    '  --dest OUT              write a new file (default: replace STORE, keeping a backup)',
    '  --profile strong|compatible  PKCS12: JDK 17 defaults (AES-256, SHA-256 MAC) or legacy',
    '                          3DES/SHA-1 for old JREs and appliances',
    ...secretHelp(
      'new',
      'RWSEC_NEW_STOREPASS',
      'password of the result (default: unchanged)',
      false,
    ),
    ...storepassHelp,
  ],
  options: {
    ...storepassOptions,
    storetype: { type: 'string' },
    dest: { type: 'string' },
    profile: { type: 'string' },
    new: { type: 'string' },
    'new-env': { type: 'string' },
  },
  positionals: [1, 1],
  async run(values, [file = ''], io) {
    const type = storeTypeOpt(values);
    if (!type) throw new UsageError('--storetype jks|pkcs12 is required.');
    const profile = stringOpt(values, 'profile');
    if (profile !== undefined && profile !== 'strong' && profile !== 'compatible') {
      throw new UsageError("--profile must be 'strong' or 'compatible'.");
    }
    const dest = stringOpt(values, 'dest') ?? file;
    if (dest !== file && (await storeExists(dest))) {
      throw new KeystoreError(
        'alias-exists',
        `${dest} already exists; choose another --dest.`,
        dest,
      );
    }
    const password = await storePassword(io, values, file);
    const { store } = readKeystoreFile(file, { password });
    // The result keeps the source password unless a new one is given (never prompted for).
    const newPassword =
      (await readSecret(
        { ...io, promptSecret: undefined },
        {
          option: 'new',
          value: stringOpt(values, 'new'),
          envName: stringOpt(values, 'new-env'),
          defaultEnv: 'RWSEC_NEW_STOREPASS',
          prompt: '',
          minLength: 6,
        },
      )) ?? password;
    await save(io, dest, convert(store, type), {
      type,
      password: newPassword,
      profile: profile as 'strong' | 'compatible' | undefined,
    });
    io.out(`Wrote ${dest} as ${type}${type === 'PKCS12' ? ` (${profile ?? 'strong'})` : ''}\n`);
    return EXIT_OK;
  },
};
