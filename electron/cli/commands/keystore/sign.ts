import { EXIT_OK } from '../../command';
import { signCsrWith } from '../../../services/keystore/operations';
import { readKeystoreFile } from '../../../services/keystore/read';
import { readCsr } from '../../../services/x509/csr';
import { parseSanList } from '../../../services/x509/names';
import { defineCommand } from '../../cli-spec';
import { UsageError } from '../../cli-parse';
import { keystoreEpilogue, printNotes, storeArg, storePassword, storepassOptions } from './common';
import { readInput, writeOutput } from './files';

function ekuOpt(text: string | undefined): { serverAuth: boolean; clientAuth: boolean } {
  if (text === undefined) return { serverAuth: true, clientAuth: true };
  const words = text.split(',').map((w) => w.trim().toLowerCase());
  for (const w of words) {
    if (!['server', 'serverauth', 'client', 'clientauth'].includes(w)) {
      throw new UsageError(`--eku takes server, client or server,client (got '${w}').`);
    }
  }
  return {
    serverAuth: words.some((w) => w.startsWith('server')),
    clientAuth: words.some((w) => w.startsWith('client')),
  };
}

export const sign = defineCommand({
  name: 'keystore sign',
  summary: 'sign a CSR with a CA key entry of the store (the store is not changed)',
  usage: [
    'STORE --alias CA --infile REQ.csr [--outfile CERT.pem] [--days N] [--eku server,client] [--san ...] [--ca] [--cert-only]',
  ],
  args: storeArg,
  options: {
    alias: { type: 'string', arg: 'CA', required: true, help: 'the CA key entry that signs' },
    infile: { type: 'string', arg: 'REQ.csr', required: true, help: 'the request (PEM or DER)' },
    outfile: {
      type: 'string',
      arg: 'CERT.pem',
      help: 'write here (a new file) instead of standard output',
    },
    days: {
      type: 'int',
      min: 1,
      max: 36500,
      help: 'validity, default 365 (never beyond the CA certificate)',
    },
    eku: { type: 'string', arg: 'server,client', help: 'extended key usage, default both' },
    san: {
      type: 'string',
      arg: 'dns:x,ip:y',
      help: 'replace the SANs the request asks for (default: copy them)',
    },
    ca: { type: 'boolean', help: 'issue an intermediate CA certificate (only on request)' },
    'cert-only': {
      type: 'boolean',
      help: [
        'output only the new certificate (default: it and the CA chain,',
        'ready for `rwsec keystore import` as a CA reply)',
      ],
    },
    ...storepassOptions,
  },
  epilogue: keystoreEpilogue,
  async run({ values, args: [file = ''], io }) {
    const { alias, infile } = values;
    const sanText = values.san;
    const usage = { ...ekuOpt(values.eku), ca: values.ca };
    const request = await readCsr(await readInput(infile), infile);
    const { store } = readKeystoreFile(file, {
      password: await storePassword(io, values, file),
    });
    const result = await signCsrWith(store, alias, request, {
      days: values.days,
      usage,
      san: sanText === undefined ? undefined : parseSanList(sanText),
    });
    const certs = values['cert-only'] ? [result.certificate] : result.chain;
    await writeOutput(io, values.outfile, certs.map((c) => c.toString().trim() + '\n').join(''));
    printNotes(io, result.notes);
    return EXIT_OK;
  },
});
