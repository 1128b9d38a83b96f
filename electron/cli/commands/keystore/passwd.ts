import { EXIT_OK } from '../../command';
import { changeKeyPassword, changeStorePassword } from '../../../services/keystore/store-file';
import { readSecret, requireSecret, secretHelp } from '../../secret-input';
import { stringOpt } from '../../parse-options';
import { storePassword, storepassHelp, storepassOptions, type Subcommand } from './common';

export const passwd: Subcommand = {
  name: 'passwd',
  summary: 'change the store password (or, JKS only, the key password with --key)',
  usage: 'passwd STORE [--new-env NAME] [--key]',
  details: [
    ...secretHelp('new', 'RWSEC_NEW_STOREPASS', 'the new password (6+ characters)'),
    "  --key                   change the private keys' password instead (JKS only: PKCS12 keys",
    '                          always use the store password). Jetty opens keys with the store',
    '                          password unless keyManagerPassword is set: keep them equal for RWS.',
    '  --keypass-env NAME      the current key password, when it differs from the store password',
    ...storepassHelp,
    'After a change, update ssl.keyStorePassword (e.g. with the output of `rwsec obf`).',
  ],
  options: {
    ...storepassOptions,
    new: { type: 'string' },
    'new-env': { type: 'string' },
    key: { type: 'boolean' },
    keypass: { type: 'string' },
    'keypass-env': { type: 'string' },
  },
  positionals: [1, 1],
  async run(values, [file = ''], io) {
    const current = await storePassword(io, values, file);
    const oldKey = values.key
      ? await readSecret(io, {
          option: 'keypass',
          value: stringOpt(values, 'keypass'),
          envName: stringOpt(values, 'keypass-env'),
          prompt: `Current key password (Enter if same as the store's): `,
        })
      : undefined;
    const next = await requireSecret(io, {
      option: 'new',
      value: stringOpt(values, 'new'),
      envName: stringOpt(values, 'new-env'),
      defaultEnv: 'RWSEC_NEW_STOREPASS',
      prompt: values.key ? 'New key password: ' : `New password for ${file}: `,
      confirm: true,
      minLength: 6,
    });
    if (values.key) {
      await changeKeyPassword(file, current, oldKey === '' ? undefined : oldKey, next);
      io.out(`Changed the key password in ${file}\n`);
    } else {
      await changeStorePassword(file, current, next);
      io.out(`Changed the password of ${file}\n`);
    }
    return EXIT_OK;
  },
};
