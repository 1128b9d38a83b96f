import { EXIT_OK } from '../../command';
import { exportCertificate, exportPrivateKey } from '../../../services/keystore/operations';
import { readKeystoreFile } from '../../../services/keystore/read';
import { requireSecret } from '../../secret-input';
import { defineCommand, secretOptions } from '../../cli-spec';
import { UsageError } from '../../cli-parse';
import { keystoreEpilogue, storeArg, storePassword, storepassOptions } from './common';
import { writeOutput } from './files';

export const exportCmd = defineCommand({
  name: 'keystore export',
  summary: "export an entry's certificate or chain (PEM/DER), or its private key (encrypted)",
  usage: ['STORE --alias A [--file OUT] [--der] [--chain] [--private-key --keypass-env NAME]'],
  args: storeArg,
  options: {
    alias: { type: 'string', arg: 'A', required: true, help: 'the entry' },
    file: {
      type: 'string',
      arg: 'OUT',
      help: 'write here (a new file) instead of standard output',
    },
    der: { type: 'boolean', help: 'DER instead of PEM (one certificate only)' },
    chain: { type: 'boolean', help: 'the whole chain, leaf first (PEM)' },
    'private-key': {
      type: 'boolean',
      help: 'export the private key as encrypted PKCS#8 PEM (AES-256)',
    },
    ...secretOptions('keypass', 'the password the exported key is encrypted with'),
    ...storepassOptions,
  },
  epilogue: keystoreEpilogue,
  async run({ values, args: [file = ''], io }) {
    const { alias, file: out } = values;
    const { store } = readKeystoreFile(file, {
      password: await storePassword(io, values, file),
    });
    if (values['private-key']) {
      if (values.der || values.chain)
        throw new UsageError('--private-key takes neither --der nor --chain.');
      const passphrase = await requireSecret(io, {
        option: 'keypass',
        value: values.keypass,
        envName: values['keypass-env'],
        prompt: 'Password to encrypt the exported key: ',
        confirm: true,
        minLength: 6,
      });
      await writeOutput(io, out, exportPrivateKey(store, alias, passphrase), 0o600);
      return EXIT_OK;
    }
    const data = exportCertificate(store, alias, {
      format: values.der ? 'DER' : 'PEM',
      chain: values.chain,
    });
    await writeOutput(io, out, values.der ? data : data.toString('utf8'));
    return EXIT_OK;
  },
});
