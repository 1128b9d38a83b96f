// `rwsec obf`: Jetty's OBF: form of a password, and back.
import { parseArgs } from 'node:util';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, type Command } from '../command';
import { deobfuscate, obfuscate, ObfFormatError } from '../../../shared/secrets/obf';
import { readSecret, SecretInputError } from '../secret-input';

function help(): string {
  return [
    'Usage: rwsec obf [PLAIN]            print the Jetty OBF: form of PLAIN',
    '       rwsec obf --decode OBF:...   print the plain text of an OBF: value',
    '',
    'The OBF: form is what Jetty accepts for ssl.keyStorePassword in application.yaml; it is the',
    "same as Jetty's `java org.eclipse.jetty.util.security.Password` output (UTF-8, any language).",
    'OBF: is obfuscation, not encryption: anyone can decode it. Protect the file with permissions.',
    '',
    'Options:',
    '  --decode, -d   decode instead of encode',
    '  --env NAME     read the value from environment variable NAME',
    'Without PLAIN or --env, a terminal is asked (no echo). Output ends with a newline.',
    '',
    'Exit codes: 0 ok, 1 not a valid OBF: value, 2 bad usage or no value given.',
  ].join('\n');
}

export const obfCommand: Command = {
  name: 'obf',
  help,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { decode: { type: 'boolean', short: 'd' }, env: { type: 'string' } },
      });
    } catch (err) {
      io.err(`rwsec obf: ${(err as Error).message}\n`);
      return EXIT_UNREADABLE;
    }
    const { values, positionals } = parsed;
    if (positionals.length > 1) {
      io.err('rwsec obf: give one value (quote it if it contains spaces).\n');
      return EXIT_UNREADABLE;
    }
    let value: string | undefined;
    try {
      value = await readSecret(io, {
        option: 'obf',
        value: positionals[0],
        envName: values.env,
        prompt: values.decode ? 'OBF: value to decode: ' : 'Password to encode: ',
      });
    } catch (err) {
      if (err instanceof SecretInputError) {
        io.err(`rwsec obf: ${err.message}\n`);
        return EXIT_UNREADABLE;
      }
      throw err;
    }
    if (value === undefined) {
      io.err('rwsec obf: give the value as an argument, with --env NAME, or run in a terminal.\n');
      return EXIT_UNREADABLE;
    }
    if (!values.decode) {
      io.out(obfuscate(value) + '\n');
      return EXIT_OK;
    }
    try {
      io.out(deobfuscate(value.trim()) + '\n');
      return EXIT_OK;
    } catch (err) {
      if (err instanceof ObfFormatError) {
        io.err(`rwsec obf: ${err.message}\n`);
        return EXIT_FINDINGS;
      }
      throw err;
    }
  },
};
