import { EXIT_OK } from '../../command';
import { createCsr } from '../../../services/keystore/operations';
import { readKeystoreFile } from '../../../services/keystore/read';
import { parseSanList } from '../../../services/x509/names';
import { requiredOpt, stringOpt } from '../../parse-options';
import { storePassword, storepassHelp, storepassOptions, type Subcommand } from './common';
import { writeOutput } from './files';

export const csr: Subcommand = {
  name: 'csr',
  summary: 'create a certificate signing request for a key entry (carries its SANs)',
  usage: 'csr STORE --alias A [--file OUT.csr] [--dname "CN=..."] [--san dns:x,ip:y]',
  details: [
    '  --alias A               the key entry',
    '  --file OUT.csr          write here (a new file) instead of standard output',
    "  --dname, --san          override the subject / SANs (default: the entry's certificate)",
    ...storepassHelp,
  ],
  options: {
    ...storepassOptions,
    alias: { type: 'string' },
    file: { type: 'string' },
    dname: { type: 'string' },
    san: { type: 'string' },
  },
  positionals: [1, 1],
  async run(values, [file = ''], io) {
    const alias = requiredOpt(values, 'alias');
    const sanText = stringOpt(values, 'san');
    const { store } = readKeystoreFile(file, {
      password: await storePassword(io, values, file),
    });
    const pem = await createCsr(store, alias, {
      dname: stringOpt(values, 'dname'),
      san: sanText === undefined ? undefined : parseSanList(sanText),
    });
    await writeOutput(io, stringOpt(values, 'file'), pem);
    return EXIT_OK;
  },
};
