// `rwsec keystore <subcommand>`: keytool's store operations, plus what keytool lacks (whole PEM
// bundles, CA-reply chain checks, lower-cased alias notes, atomic saves with backups).
import { EXIT_UNREADABLE, type Command } from '../command';
import { parse, reportError, type Subcommand } from './keystore/common';
import { list } from './keystore/list';
import { selfsigned } from './keystore/selfsigned';
import { csr } from './keystore/csr';
import { sign } from './keystore/sign';
import { importCmd } from './keystore/import';
import { exportCmd } from './keystore/export';
import { deleteCmd, renameCmd } from './keystore/edit';
import { passwd } from './keystore/passwd';
import { convertCmd } from './keystore/convert';

const subcommands: Subcommand[] = [
  list,
  selfsigned,
  csr,
  sign,
  importCmd,
  exportCmd,
  deleteCmd,
  renameCmd,
  passwd,
  convertCmd,
];

const exitCodes = [
  'Exit codes: 0 done; 1 refused for a stated reason (alias exists or missing, reply does not',
  'chain, output file exists...); 2 unreadable input (wrong password, corrupt or missing file,',
  'bad arguments). A failed command never changes the store; a change keeps the previous file in',
  '.rwsec-backups/ beside it.',
];

function help(): string {
  const width = Math.max(...subcommands.map((s) => s.name.length));
  return [
    'Usage: rwsec keystore <subcommand> STORE [options]',
    '',
    'Key stores (JKS, PKCS12; JCEKS, PEM, DER and PKCS#7 are read too) for RWS and Cassandra.',
    '',
    'Subcommands:',
    ...subcommands.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`),
    '',
    'Passwords: --storepass-env NAME, RWSEC_STOREPASS, or a terminal prompt (never echoed).',
    '',
    ...exitCodes,
    '',
    'Run `rwsec keystore <subcommand> --help` for the options of one subcommand.',
  ].join('\n');
}

function subHelp(sub: Subcommand): string {
  return [
    `Usage: rwsec keystore ${sub.usage}`,
    '',
    sub.summary,
    '',
    'Options:',
    ...sub.details,
    '',
    ...exitCodes,
  ].join('\n');
}

export const keystoreCommand: Command = {
  name: 'keystore',
  help,
  handlesSubcommandHelp: true,
  async run(args, io) {
    const [name, ...rest] = args;
    const sub = subcommands.find((s) => s.name === name);
    if (!sub) {
      io.err(
        `${name === undefined ? '' : `rwsec keystore: unknown subcommand '${name}'\n\n`}${help()}\n`,
      );
      return EXIT_UNREADABLE;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(subHelp(sub) + '\n');
      return 0;
    }
    try {
      const { values, positionals } = parse(sub, rest);
      return await sub.run(values, positionals, io);
    } catch (err) {
      return reportError(io, err, `rwsec keystore ${sub.name}`);
    }
  },
};
