// `rwsec kit https`: the keystore for RWS's HTTPS connector and the matching ssl values.
import { resolve } from 'node:path';
import type { CliIo } from '../command';
import { readSecret, requireSecret } from '../secret-input';
import { enableSslPath } from '../../services/kits/config-values';
import type { HttpsSource } from '../../services/kits/https-kit';
import { keySpec } from '../../services/x509/keys';
import { parseSanList } from '../../services/x509/names';
import { defineCommand, secretOptions, type OptionSpecs, type ParsedValues } from '../cli-spec';
import { UsageError } from '../cli-parse';
import {
  commitAndReport,
  kitEpilogue,
  storepass,
  storepassOptions,
  type Outcome,
} from './kit-common';

export const httpsOptions = {
  dname: {
    type: 'string',
    arg: '"CN=.."',
    help: 'self-signed certificate (non-production), with --san dns:x,ip:y',
  },
  san: {
    type: 'string',
    arg: 'dns:x,ip:y',
    help: 'subjectAltName entries (dns:, ip:, email:, uri:)',
  },
  csr: {
    type: 'string',
    arg: 'OUT.csr',
    help: 'with --dname: new key + CSR for your CA (the config is set at --reply)',
  },
  reply: {
    type: 'string',
    arg: 'SIGNED.pem',
    help: 'install the CA reply (PEM/DER/P7B, with its chain) on the key',
  },
  'import-key': {
    type: 'string',
    arg: 'KEY.pem',
    help: 'with --import-cert CHAIN.pem: an existing PEM key and certificate chain',
  },
  'import-cert': {
    type: 'string',
    arg: 'CHAIN.pem',
    help: 'the certificate chain of --import-key',
  },
  ...secretOptions('keypass', 'password of an encrypted --import-key', 'RWSEC_KEYPASS', false),
  renew: {
    type: 'boolean',
    help: [
      'with --config FILE: renew the keystore ssl.keyStorePath names: new key and',
      'self-signed certificate for the same DN and SANs, same alias and password',
      '(ssl.keyStorePassword, plain or OBF:), new validity (--days N, default the',
      'old length; --alias A when it holds several keys). The old store is kept',
      'in .rwsec-backups/; the config is unchanged.',
    ],
  },
  'change-password': {
    type: 'boolean',
    help: [
      're-encrypt the store with a new password (--new-storepass-env NAME)',
      'and update ssl.keyStorePassword with it',
    ],
  },
  ...secretOptions('new-storepass', 'the new store password', 'RWSEC_NEW_STOREPASS'),
  keystore: { type: 'string', arg: 'FILE', help: 'the keystore (created when missing)' },
  alias: { type: 'string', arg: 'A', help: "entry name, default jetty (the guide's alias)" },
  storetype: {
    type: 'string',
    choices: ['jks', 'pkcs12'],
    help: 'type of a NEW store, default jks',
  },
  keyalg: { type: 'string', choices: ['rsa', 'ec'], help: 'default rsa (2048 bits; EC P-256)' },
  keysize: { type: 'int', min: 1, max: 100000, help: 'RSA 2048/3072/4096, EC 256/384' },
  days: {
    type: 'int',
    min: 1,
    max: 36500,
    help: 'validity of a self-signed certificate, default 365',
  },
  replace: { type: 'boolean', help: 'replace an existing entry of the same alias' },
  config: {
    type: 'string',
    arg: 'FILE',
    help: 'application.yaml to update (written together with the keystore)',
  },
  port: {
    type: 'int',
    min: 1,
    max: 65535,
    help: 'ssl.port (default: the current one, else 9443; below 1024 warns)',
  },
  ...storepassOptions,
} as const satisfies OptionSpecs;

export type HttpsValues = ParsedValues<typeof httpsOptions>;

export const kitHttpsCommand = defineCommand({
  name: 'kit https',
  summary: 'the keystore for RWS HTTPS (Jetty) and, with --config, the ssl values',
  usage: [
    '--renew --config application.yaml [--alias A] [--days N]',
    '--keystore FILE --storepass-env NAME (--dname "CN=..." [--san dns:x,ip:y] | --csr OUT.csr --dname .. | --reply SIGNED.pem | --import-key KEY.pem --import-cert CHAIN.pem | --change-password) [--config application.yaml] [--port 9443]',
  ],
  options: httpsOptions,
  description: [
    'The keystore for RWS HTTPS (Jetty) and, with --config, the ssl values: enableSsl (top-level',
    'or jetty.enableSsl, where the file has it), ssl.port, ssl.keyStorePath (absolute) and',
    'ssl.keyStorePassword in OBF: form (what Jetty reads). One of --dname (self-signed), --csr,',
    '--reply, --import-key, --renew or --change-password says what to do.',
  ],
  epilogue: [
    'Files are written both or neither, keeping owner, group and mode; previous versions go to',
    '.rwsec-backups/ beside each file (the last five).',
    '',
    ...kitEpilogue,
  ],
  // The kit and renewal load when this command runs: with @peculiar/x509 behind them, they would
  // add ~40 ms to the start of every other kit (kit cassandra is timed against a floor).
  run: async ({ values, io }) =>
    values.renew ? (await import('./kit-renew')).runHttpsRenew(values, io) : runHttps(values, io),
});

async function source(values: HttpsValues, io: CliIo): Promise<HttpsSource> {
  const modes = (['csr', 'reply', 'import-key'] as const).filter((m) => values[m] !== undefined);
  if (modes.length > 1)
    throw new UsageError(
      `Give only one of --csr, --reply, --import-key (got ${modes.join(', ')}).`,
    );
  const key = () => keySpec(values.keyalg ?? 'rsa', values.keysize);
  const { reply } = values;
  if (reply !== undefined) return { mode: 'reply', replyFile: reply };
  const importKey = values['import-key'];
  if (importKey !== undefined) {
    const certFile = values['import-cert'];
    if (!certFile)
      throw new UsageError(
        '--import-key needs --import-cert CHAIN.pem (the certificate and its chain).',
      );
    const keyPassword = await readSecret(
      { ...io, promptSecret: undefined },
      {
        option: 'keypass',
        value: values.keypass,
        envName: values['keypass-env'],
        defaultEnv: 'RWSEC_KEYPASS',
        prompt: '',
      },
    );
    return {
      mode: 'import',
      keyFile: importKey,
      certFile,
      ...(keyPassword !== undefined ? { keyPassword } : {}),
    };
  }
  const san = parseSanList(values.san ?? '');
  const firstDns = san.find((s) => s.type === 'dns')?.value;
  const dname = values.dname ?? (firstDns ? `CN=${firstDns}` : undefined);
  if (!dname)
    throw new UsageError('Give --dname "CN=host, O=Org, C=US" (or at least --san dns:host).');
  const { csr } = values;
  if (csr !== undefined) return { mode: 'csr', csrOut: csr, dname, san, key: key() };
  return {
    mode: 'self-signed',
    dname,
    san,
    key: key(),
    days: values.days ?? 365,
  };
}

async function runHttps(values: HttpsValues, io: CliIo): Promise<number> {
  const { keystore, config } = values;
  if (keystore === undefined) throw new UsageError('--keystore FILE is required.');
  const { planHttpsKit, planPasswordChange } = await import('../../services/kits/https-kit');
  const pass = await storepass(io, values, keystore, values['change-password'] ? 1 : 6);
  if (values['change-password']) {
    const newStorepass = await requireSecret(io, {
      option: 'new-storepass',
      value: values['new-storepass'],
      envName: values['new-storepass-env'],
      defaultEnv: 'RWSEC_NEW_STOREPASS',
      prompt: 'New store password: ',
      confirm: true,
      minLength: 6,
    });
    const plan = await planPasswordChange({
      keystore,
      storepass: pass,
      newStorepass,
      ...(config ? { config } : {}),
    });
    return commitHttps(plan, config, io);
  }
  const storeType = (values.storetype ?? 'jks') === 'jks' ? 'JKS' : 'PKCS12';
  const { port } = values;
  const plan = await planHttpsKit({
    keystore,
    alias: values.alias ?? 'jetty',
    storeType,
    storepass: pass,
    source: await source(values, io),
    replace: values.replace,
    ...(config ? { config } : {}),
    ...(port !== undefined ? { port } : {}),
  });
  if (plan.config) plan.summary.push(`HTTPS switched on at ${enableSslPath(plan.config.doc)}.`);
  return commitHttps(plan, config, io);
}

/**
 * Writes the plan's files (all or none) and reports; with --config, the paths the kit set there
 * are checked by the validator after writing.
 */
function commitHttps(
  plan: Pick<Outcome, 'files' | 'warnings' | 'summary'> & { config?: unknown },
  config: string | undefined,
  io: CliIo,
): Promise<number> {
  const { files, warnings, summary } = plan;
  const paths = ['enableSsl', 'jetty.enableSsl', 'ssl'];
  const checked =
    config && plan.config !== undefined ? { file: resolve(config), paths } : undefined;
  return commitAndReport(
    'rwsec kit https',
    { files, warnings, summary, ...(checked ? { config: checked } : {}) },
    io,
  );
}
