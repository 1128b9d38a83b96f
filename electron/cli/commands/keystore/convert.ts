import { EXIT_OK } from '../../command';
import { convert } from '../../../services/keystore/operations';
import { readKeystoreFile } from '../../../services/keystore/read';
import { storeExists } from '../../../services/keystore/store-file';
import { KeystoreError } from '../../../services/keystore/model';
import { readSecret } from '../../secret-input';
import { defineCommand, secretOptions } from '../../cli-spec';
import {
  keystoreEpilogue,
  profileOption,
  save,
  storeArg,
  storePassword,
  storeType,
  storetypeOption,
  storepassOptions,
} from './common';

export const convertCmd = defineCommand({
  name: 'keystore convert',
  summary: 'convert a store between JKS and PKCS12 (JCEKS too, as a source)',
  usage: ['STORE --storetype jks|pkcs12 [--dest OUT] [--profile strong|compatible]'],
  args: storeArg,
  options: {
    storetype: { ...storetypeOption, required: true, help: 'the type to write' },
    dest: {
      type: 'string',
      arg: 'OUT',
      help: 'write a new file (default: replace STORE, keeping a backup)',
    },
    profile: {
      ...profileOption,
      help: [
        'PKCS12: JDK 17 defaults (AES-256, SHA-256 MAC) or legacy',
        '3DES/SHA-1 for old JREs and appliances',
      ],
    },
    ...secretOptions(
      'new',
      'password of the result (default: unchanged)',
      'RWSEC_NEW_STOREPASS',
      false,
    ),
    ...storepassOptions,
  },
  epilogue: keystoreEpilogue,
  async run({ values, args: [file = ''], io }) {
    const type = storeType(values.storetype) ?? 'PKCS12';
    const { profile } = values;
    const dest = values.dest ?? file;
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
          value: values.new,
          envName: values['new-env'],
          defaultEnv: 'RWSEC_NEW_STOREPASS',
          prompt: '',
          minLength: 6,
        },
      )) ?? password;
    await save(io, dest, convert(store, type), {
      type,
      password: newPassword,
      profile,
    });
    io.out(`Wrote ${dest} as ${type}${type === 'PKCS12' ? ` (${profile ?? 'strong'})` : ''}\n`);
    return EXIT_OK;
  },
});
