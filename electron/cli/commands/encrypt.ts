// `rwsec encrypt`: a CRYPT: value for application.yaml, made by the admin's own gir.jar.
import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_UNREADABLE, type Command } from '../command';
import { EncryptError, encryptWithGirJar } from '../../services/kits/encrypt';
import { requireSecret, SecretInputError, secretHelp } from '../secret-input';

function help(): string {
  return [
    'Usage: rwsec encrypt --gir-jar PATH [--java PATH] [--password P | --password-env NAME]',
    '',
    'Prints the CRYPT: form of a password, for the application.yaml options RWS decrypts',
    '(jksPassword, webDAVJksPassword, rcsJksPassword, speechMinerJksPassword,',
    'cassandraCluster.truststorePassword and password). Not for ssl.keyStorePassword: Jetty reads',
    'that one and understands only plain text or OBF: (rwsec obf).',
    '',
    "RWS's encryption is not public, so this runs your own RWS jar, as the guide does:",
    '  java -jar gir.jar --encrypt <password>',
    'The jar takes the password only on its command line: while it runs (about a second), other',
    'users of this machine could see it in the process list. Run it on a machine you trust.',
    '',
    'Options:',
    '  --gir-jar PATH          the gir.jar of your RWS installation',
    '  --java PATH             the java to run it with (default JAVA_HOME/bin/java, then PATH)',
    ...secretHelp('password', 'RWSEC_PASSWORD', 'the password to encrypt'),
    '',
    'Exit status: 0 printed, 2 no jar, no Java, or the jar printed no CRYPT: value.',
  ].join('\n');
}

export const encryptCommand: Command = {
  name: 'encrypt',
  help,
  async run(args, io) {
    try {
      const { values } = parseArgs({
        args,
        options: {
          'gir-jar': { type: 'string' },
          java: { type: 'string' },
          password: { type: 'string' },
          'password-env': { type: 'string' },
        },
        strict: true,
      });
      const girJar = values['gir-jar'];
      if (!girJar) {
        io.err(
          'rwsec encrypt: --gir-jar PATH is required (the gir.jar of your RWS installation).\n',
        );
        return EXIT_UNREADABLE;
      }
      const password = await requireSecret(io, {
        option: 'password',
        value: values.password,
        envName: values['password-env'],
        defaultEnv: 'RWSEC_PASSWORD',
        prompt: 'Password to encrypt: ',
      });
      const value = await encryptWithGirJar(password, {
        girJar,
        ...(values.java !== undefined ? { java: values.java } : {}),
        env: io.env,
      });
      io.out(`${value}\n`);
      return EXIT_OK;
    } catch (err) {
      if (
        err instanceof EncryptError ||
        err instanceof SecretInputError ||
        (err as Error).name === 'TypeError'
      ) {
        io.err(`rwsec encrypt: ${(err as Error).message}\n`);
        return EXIT_UNREADABLE;
      }
      throw err;
    }
  },
};
