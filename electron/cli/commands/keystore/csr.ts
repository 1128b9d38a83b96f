import { EXIT_OK } from '../../command';
import { createCsr } from '../../../services/keystore/operations';
import { readKeystoreFile } from '../../../services/keystore/read';
import { parseSanList } from '../../../services/x509/names';
import { defineCommand } from '../../cli-spec';
import { keystoreEpilogue, storeArg, storePassword, storepassOptions } from './common';
import { writeOutput } from './files';

export const csr = defineCommand({
  name: 'keystore csr',
  summary: 'create a certificate signing request for a key entry (carries its SANs)',
  args: storeArg,
  options: {
    alias: { type: 'string', arg: 'A', required: true, help: 'the key entry' },
    file: {
      type: 'string',
      arg: 'OUT.csr',
      help: 'write here (a new file) instead of standard output',
    },
    dname: {
      type: 'string',
      arg: '"CN=..."',
      help: "override the subject (default: the entry's certificate)",
    },
    san: {
      type: 'string',
      arg: 'dns:x,ip:y',
      help: "override the SANs (default: the entry's certificate)",
    },
    ...storepassOptions,
  },
  epilogue: keystoreEpilogue,
  async run({ values, args: [file = ''], io }) {
    const { store } = readKeystoreFile(file, {
      password: await storePassword(io, values, file),
    });
    const pem = await createCsr(store, values.alias, {
      dname: values.dname,
      san: values.san === undefined ? undefined : parseSanList(values.san),
    });
    await writeOutput(io, values.file, pem);
    return EXIT_OK;
  },
});
