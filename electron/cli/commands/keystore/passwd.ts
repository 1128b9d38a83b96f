import { EXIT_OK } from '../../command';
import { changeKeyPassword, changeStorePassword } from '../../../services/keystore/store-file';
import { readSecret, requireSecret } from '../../secret-input';
import { defineCommand, secretOptions } from '../../cli-spec';
import { keystoreEpilogue, storeArg, storePassword, storepassOptions } from './common';

export const passwd = defineCommand({
  name: 'keystore passwd',
  summary: 'change the store password (or, JKS only, the key password with --key)',
  usage: ['STORE [--new-env NAME] [--key]'],
  args: storeArg,
  options: {
    ...secretOptions('new', 'the new password (6+ characters)', 'RWSEC_NEW_STOREPASS'),
    key: {
      type: 'boolean',
      help: [
        "change the private keys' password instead (JKS only: PKCS12 keys",
        'always use the store password). Jetty opens keys with the store',
        'password unless keyManagerPassword is set: keep them equal for RWS.',
      ],
    },
    ...secretOptions(
      'keypass',
      'the current key password, when it differs from the store password',
    ),
    ...storepassOptions,
  },
  epilogue: [
    'After a change, update ssl.keyStorePassword (e.g. with the output of `rwsec obf`).',
    '',
    ...keystoreEpilogue,
  ],
  async run({ values, args: [file = ''], io }) {
    const current = await storePassword(io, values, file);
    const oldKey = values.key
      ? await readSecret(io, {
          option: 'keypass',
          value: values.keypass,
          envName: values['keypass-env'],
          prompt: `Current key password (Enter if same as the store's): `,
        })
      : undefined;
    const next = await requireSecret(io, {
      option: 'new',
      value: values.new,
      envName: values['new-env'],
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
});
