// `rwsec kit`: certificate kits that do one whole procedure of the guide in one step, writing
// their files and the matching application.yaml values together (both or neither).
import { EXIT_OK, EXIT_UNREADABLE, type Command } from '../command';
import { cassandraHelp, cassandraUsage, runCassandra } from './kit-cassandra';
import { guard } from './kit-common';
import { httpsHelp, httpsUsage, runHttps } from './kit-https';
import { runTrust, trustHelp, trustUsage } from './kit-trust';

const kits = {
  https: { run: runHttps, help: httpsHelp, usage: httpsUsage },
  cassandra: { run: runCassandra, help: cassandraHelp, usage: cassandraUsage },
  trust: { run: runTrust, help: trustHelp, usage: trustUsage },
};

function help(): string {
  return [
    'Usage: rwsec kit <kit> [options]    (rwsec kit <kit> --help for one kit)',
    '',
    ...Object.values(kits).map((k) => `  rwsec kit ${k.usage}`),
    '',
    'Exit status: 0 written; 1 written but `rwsec validate` reports errors on the values set, or',
    'refused for a stated reason (entry or kit already there, file changed on disk; nothing',
    'written); 2 unreadable input (wrong password, corrupt or missing file, bad options; nothing',
    'written).',
  ].join('\n');
}

export const kitCommand: Command = {
  name: 'kit',
  help,
  handlesSubcommandHelp: true,
  async run(args, io) {
    const [name, ...rest] = args;
    const kit =
      name !== undefined && Object.hasOwn(kits, name) ? kits[name as keyof typeof kits] : undefined;
    if (!kit) {
      io.err(`rwsec kit: choose a kit: ${Object.keys(kits).join(', ')}\n\n${help()}\n`);
      return EXIT_UNREADABLE;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`${kit.help}\n`);
      return EXIT_OK;
    }
    return guard(`rwsec kit ${name ?? ''}`, io, () => kit.run(rest, io));
  },
};
