// `rwsec encrypt`: a CRYPT: value for application.yaml, made by the admin's own gir.jar.
import { EXIT_OK } from '../command';
import { defineCommand, secretOptions } from '../cli-spec';
import { encryptWithGirJar } from '../../services/kits/encrypt';
import { requireSecret } from '../secret-input';

export const encryptCommand = defineCommand({
  name: 'encrypt',
  usage: ['--gir-jar PATH [--java PATH] [--password P | --password-env NAME]'],
  options: {
    'gir-jar': {
      type: 'string',
      arg: 'PATH',
      required: true,
      help: 'the gir.jar of your RWS installation',
    },
    java: {
      type: 'string',
      arg: 'PATH',
      help: 'the java to run it with (default JAVA_HOME/bin/java, then PATH)',
    },
    ...secretOptions('password', 'the password to encrypt', 'RWSEC_PASSWORD'),
  },
  description: [
    'Prints the CRYPT: form of a password, for the application.yaml options RWS decrypts',
    '(jksPassword, webDAVJksPassword, rcsJksPassword, speechMinerJksPassword,',
    'cassandraCluster.truststorePassword and password). Not for ssl.keyStorePassword: Jetty reads',
    'that one and understands only plain text or OBF: (rwsec obf).',
    '',
    "RWS's encryption is not public, so this runs your own RWS jar, as the guide does:",
    '  java -jar gir.jar --encrypt <password>',
    'The jar takes the password only on its command line: while it runs (about a second), other',
    'users of this machine could see it in the process list. Run it on a machine you trust.',
  ],
  epilogue: ['Exit status: 0 printed, 2 no jar, no Java, or the jar printed no CRYPT: value.'],
  async run({ values, io }) {
    const password = await requireSecret(io, {
      option: 'password',
      value: values.password,
      envName: values['password-env'],
      defaultEnv: 'RWSEC_PASSWORD',
      prompt: 'Password to encrypt: ',
    });
    const value = await encryptWithGirJar(password, {
      girJar: values['gir-jar'],
      ...(values.java !== undefined ? { java: values.java } : {}),
      env: io.env,
    });
    io.out(`${value}\n`);
    return EXIT_OK;
  },
});
