import { EXIT_OK } from '../../command';
import { signCsrWith } from '../../../services/keystore/operations';
import { readKeystoreFile } from '../../../services/keystore/read';
import { readCsr } from '../../../services/x509/csr';
import { parseSanList } from '../../../services/x509/names';
import { intOpt, requiredOpt, stringOpt, UsageError } from '../../parse-options';
import {
  printNotes,
  storePassword,
  storepassHelp,
  storepassOptions,
  type Subcommand,
} from './common';
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

export const sign: Subcommand = {
  name: 'sign',
  summary: 'sign a CSR with a CA key entry of the store (the store is not changed)',
  usage:
    'sign STORE --alias CA --infile REQ.csr [--outfile CERT.pem] [--days N] [--eku server,client] [--san ...] [--ca] [--cert-only]',
  details: [
    '  --alias CA              the CA key entry that signs',
    '  --infile REQ.csr        the request (PEM or DER)',
    '  --outfile CERT.pem      write here (a new file) instead of standard output',
    '  --days N                validity, default 365 (never beyond the CA certificate)',
    '  --eku server,client     extended key usage, default both',
    '  --san dns:x,ip:y        replace the SANs the request asks for (default: copy them)',
    '  --ca                    issue an intermediate CA certificate (only on request)',
    '  --cert-only             output only the new certificate (default: it and the CA chain,',
    '                          ready for `rwsec keystore import` as a CA reply)',
    ...storepassHelp,
  ],
  options: {
    ...storepassOptions,
    alias: { type: 'string' },
    infile: { type: 'string' },
    outfile: { type: 'string' },
    days: { type: 'string' },
    eku: { type: 'string' },
    san: { type: 'string' },
    ca: { type: 'boolean' },
    'cert-only': { type: 'boolean' },
  },
  positionals: [1, 1],
  async run(values, [file = ''], io) {
    const alias = requiredOpt(values, 'alias');
    const infile = requiredOpt(values, 'infile');
    const sanText = stringOpt(values, 'san');
    const usage = { ...ekuOpt(stringOpt(values, 'eku')), ca: values.ca === true };
    const request = await readCsr(await readInput(infile), infile);
    const { store } = readKeystoreFile(file, {
      password: await storePassword(io, values, file),
    });
    const result = await signCsrWith(store, alias, request, {
      days: intOpt(values, 'days'),
      usage,
      san: sanText === undefined ? undefined : parseSanList(sanText),
    });
    const certs = values['cert-only'] ? [result.certificate] : result.chain;
    await writeOutput(
      io,
      stringOpt(values, 'outfile'),
      certs.map((c) => c.toString().trim() + '\n').join(''),
    );
    printNotes(io, result.notes);
    return EXIT_OK;
  },
};
