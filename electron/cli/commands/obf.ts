// `rwsec obf`: Jetty's OBF: form of a password, and back.
import { EXIT_OK } from '../command';
import { defineCommand } from '../cli-spec';
import { UsageError } from '../cli-parse';
import { deobfuscate, obfuscate, ObfFormatError } from '../../../shared/secrets/obf';
import { UserFacingError } from '../../../shared/user-error';
import { readSecret } from '../secret-input';

export const obfCommand = defineCommand({
  name: 'obf',
  usage: ['[PLAIN]', '--decode OBF:...'],
  args: { usage: '[PLAIN] (one value: quote it if it contains spaces)', min: 0, max: 1 },
  options: {
    decode: { type: 'boolean', short: 'd', help: 'decode instead of encode' },
    env: { type: 'string', arg: 'NAME', help: 'read the value from environment variable NAME' },
  },
  description: [
    'Prints the Jetty OBF: form of PLAIN, or with --decode the plain text of an OBF: value.',
    'The OBF: form is what Jetty accepts for ssl.keyStorePassword in application.yaml; it is the',
    "same as Jetty's `java org.eclipse.jetty.util.security.Password` output (UTF-8, any language).",
    'OBF: is obfuscation, not encryption: anyone can decode it. Protect the file with permissions.',
  ],
  epilogue: [
    'Without PLAIN or --env, a terminal is asked (no echo). Output ends with a newline.',
    '',
    'Exit codes: 0 ok, 1 not a valid OBF: value, 2 bad usage or no value given.',
  ],
  // A value that is not OBF: is refused (1), as the exit codes above say.
  translateError: (error) =>
    error instanceof ObfFormatError ? new UserFacingError('refused', error.message) : error,
  async run({ values, args, io }) {
    const value = await readSecret(io, {
      option: 'obf',
      value: args[0],
      envName: values.env,
      prompt: values.decode ? 'OBF: value to decode: ' : 'Password to encode: ',
    });
    if (value === undefined)
      throw new UsageError('give the value as an argument, with --env NAME, or run in a terminal.');
    io.out((values.decode ? deobfuscate(value.trim()) : obfuscate(value)) + '\n');
    return EXIT_OK;
  },
});
