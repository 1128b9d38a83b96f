import { EXIT_OK } from '../../command';
import { exportCertificate, exportPrivateKey } from '../../../services/keystore/operations';
import { readKeystoreFile } from '../../../services/keystore/read';
import { requireSecret } from '../../secret-input';
import { requiredOpt, stringOpt, UsageError } from '../../parse-options';
import { storePassword, storepassHelp, storepassOptions, type Subcommand } from './common';
import { writeOutput } from './files';

export const exportCmd: Subcommand = {
  name: 'export',
  summary: "export an entry's certificate or chain (PEM/DER), or its private key (encrypted)",
  usage: 'export STORE --alias A [--file OUT] [--der] [--chain] [--private-key --keypass-env NAME]',
  details: [
    '  --file OUT              write here (a new file) instead of standard output',
    '  --der                   DER instead of PEM (one certificate only)',
    '  --chain                 the whole chain, leaf first (PEM)',
    '  --private-key           export the private key as encrypted PKCS#8 PEM (AES-256);',
    '                          its password from --keypass-env NAME, --keypass or a prompt',
    ...storepassHelp,
  ],
  options: {
    ...storepassOptions,
    alias: { type: 'string' },
    file: { type: 'string' },
    der: { type: 'boolean' },
    chain: { type: 'boolean' },
    'private-key': { type: 'boolean' },
    keypass: { type: 'string' },
    'keypass-env': { type: 'string' },
  },
  positionals: [1, 1],
  async run(values, [file = ''], io) {
    const alias = requiredOpt(values, 'alias');
    const out = stringOpt(values, 'file');
    const { store } = readKeystoreFile(file, {
      password: await storePassword(io, values, file),
    });
    if (values['private-key']) {
      if (values.der || values.chain)
        throw new UsageError('--private-key takes neither --der nor --chain.');
      const passphrase = await requireSecret(io, {
        option: 'keypass',
        value: stringOpt(values, 'keypass'),
        envName: stringOpt(values, 'keypass-env'),
        prompt: 'Password to encrypt the exported key: ',
        confirm: true,
        minLength: 6,
      });
      await writeOutput(io, out, exportPrivateKey(store, alias, passphrase), 0o600);
      return EXIT_OK;
    }
    const data = exportCertificate(store, alias, {
      format: values.der ? 'DER' : 'PEM',
      chain: values.chain === true,
    });
    await writeOutput(io, out, values.der ? data : data.toString('utf8'));
    return EXIT_OK;
  },
};
