// `rwsec kit https`: the keystore for RWS's HTTPS connector and the matching ssl values.
import { resolve } from 'node:path';
import type { CliIo } from '../command';
import { readSecret, requireSecret } from '../secret-input';
import { enableSslPath } from '../../services/kits/config-values';
import { planHttpsKit, planPasswordChange, type HttpsSource } from '../../services/kits/https-kit';
import { keySpec } from '../../services/x509/keys';
import { parseSanList } from '../../services/x509/names';
import {
  intOpt,
  oneOfOpt,
  parseOptions,
  requiredOpt,
  stringOpt,
  UsageError,
  type Values,
} from '../parse-options';
import { httpsRenewHelp, runHttpsRenew } from './kit-renew';
import { commitAndReport, storepass, storepassHelp, storepassOptions } from './kit-common';

export const httpsUsage =
  'https --renew --config application.yaml [--alias A] [--days N] | --keystore FILE --storepass P (--dname "CN=..." [--san dns:x,ip:y] | --csr OUT.csr --dname .. | --reply SIGNED.pem | --import-key KEY.pem --import-cert CHAIN.pem | --change-password) [--config application.yaml] [--port 9443]';

export const httpsHelp = [
  'rwsec kit https: the keystore for RWS HTTPS (Jetty) and, with --config, the ssl values:',
  '  enableSsl (top-level or jetty.enableSsl, where the file has it), ssl.port,',
  '  ssl.keyStorePath (absolute) and ssl.keyStorePassword in OBF: form (what Jetty reads).',
  '',
  `Usage: rwsec kit ${httpsUsage}`,
  '',
  'One of:',
  '  --dname "CN=.."          self-signed certificate (non-production), with --san dns:x,ip:y',
  '  --csr OUT.csr --dname .. new key + CSR for your CA (the config is set at --reply)',
  '  --reply SIGNED.pem       install the CA reply (PEM/DER/P7B, with its chain) on the key',
  '  --import-key KEY.pem --import-cert CHAIN.pem   an existing PEM key and certificate chain',
  '                           (--keypass-env NAME for an encrypted key; default RWSEC_KEYPASS)',
  ...httpsRenewHelp,
  '  --change-password        re-encrypt the store with a new password (--new-storepass-env NAME,',
  '                           default RWSEC_NEW_STOREPASS) and update ssl.keyStorePassword with it',
  '',
  'Options:',
  '  --keystore FILE          the keystore (created when missing)',
  "  --alias A                entry name, default jetty (the guide's alias)",
  '  --storetype jks|pkcs12   type of a NEW store, default jks',
  '  --keyalg rsa|ec          default rsa (2048 bits; EC P-256)',
  '  --keysize N              RSA 2048/3072/4096, EC 256/384',
  '  --days N                 validity of a self-signed certificate, default 365',
  '  --replace                replace an existing entry of the same alias',
  '  --config FILE            application.yaml to update (written together with the keystore)',
  '  --port N                 ssl.port (default: the current one, else 9443; below 1024 warns)',
  ...storepassHelp,
  '',
  'Files are written both or neither, keeping owner, group and mode; previous versions go to',
  '.rwsec-backups/ beside each file (the last five).',
].join('\n');

export const httpsOptions = {
  ...storepassOptions,
  keystore: { type: 'string' },
  alias: { type: 'string' },
  storetype: { type: 'string' },
  dname: { type: 'string' },
  san: { type: 'string' },
  keyalg: { type: 'string' },
  keysize: { type: 'string' },
  days: { type: 'string' },
  csr: { type: 'string' },
  reply: { type: 'string' },
  'import-key': { type: 'string' },
  'import-cert': { type: 'string' },
  keypass: { type: 'string' },
  'keypass-env': { type: 'string' },
  'change-password': { type: 'boolean' },
  'new-storepass': { type: 'string' },
  'new-storepass-env': { type: 'string' },
  replace: { type: 'boolean' },
  config: { type: 'string' },
  port: { type: 'string' },
  renew: { type: 'boolean' },
} as const;

async function source(values: Values, io: CliIo): Promise<HttpsSource> {
  const modes = ['csr', 'reply', 'import-key'].filter((m) => stringOpt(values, m) !== undefined);
  if (modes.length > 1)
    throw new UsageError(
      `Give only one of --csr, --reply, --import-key (got ${modes.join(', ')}).`,
    );
  const key = () =>
    keySpec(
      stringOpt(values, 'keyalg') ?? 'rsa',
      intOpt(values, 'keysize', { min: 1, max: 100000 }),
    );
  const reply = stringOpt(values, 'reply');
  if (reply !== undefined) return { mode: 'reply', replyFile: reply };
  const importKey = stringOpt(values, 'import-key');
  if (importKey !== undefined) {
    const certFile = stringOpt(values, 'import-cert');
    if (!certFile)
      throw new UsageError(
        '--import-key needs --import-cert CHAIN.pem (the certificate and its chain).',
      );
    const keyPassword = await readSecret(
      { ...io, promptSecret: undefined },
      {
        option: 'keypass',
        value: stringOpt(values, 'keypass'),
        envName: stringOpt(values, 'keypass-env'),
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
  const san = parseSanList(stringOpt(values, 'san') ?? '');
  const firstDns = san.find((s) => s.type === 'dns')?.value;
  const dname = stringOpt(values, 'dname') ?? (firstDns ? `CN=${firstDns}` : undefined);
  if (!dname)
    throw new UsageError('Give --dname "CN=host, O=Org, C=US" (or at least --san dns:host).');
  const csr = stringOpt(values, 'csr');
  if (csr !== undefined) return { mode: 'csr', csrOut: csr, dname, san, key: key() };
  return {
    mode: 'self-signed',
    dname,
    san,
    key: key(),
    days: intOpt(values, 'days', { min: 1, max: 36500 }) ?? 365,
  };
}

export async function runHttps(args: string[], io: CliIo): Promise<number> {
  const values = parseOptions(args, httpsOptions).values;
  if (values.renew) return runHttpsRenew(values, io);
  const keystore = requiredOpt(values, 'keystore');
  const config = stringOpt(values, 'config');
  const pass = await storepass(io, values, keystore, values['change-password'] ? 1 : 6);
  if (values['change-password']) {
    const newStorepass = await requireSecret(io, {
      option: 'new-storepass',
      value: stringOpt(values, 'new-storepass'),
      envName: stringOpt(values, 'new-storepass-env'),
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
    return commitAndReport(
      'rwsec kit https',
      {
        files: plan.files,
        warnings: plan.warnings,
        summary: plan.summary,
        ...withConfig(config, plan.config !== undefined),
      },
      io,
    );
  }
  const storeType =
    oneOfOpt(values, 'storetype', ['jks', 'pkcs12'] as const, 'jks') === 'jks' ? 'JKS' : 'PKCS12';
  const port = intOpt(values, 'port', { min: 1, max: 65535 });
  const plan = await planHttpsKit({
    keystore,
    alias: stringOpt(values, 'alias') ?? 'jetty',
    storeType,
    storepass: pass,
    source: await source(values, io),
    replace: values.replace === true,
    ...(config ? { config } : {}),
    ...(port !== undefined ? { port } : {}),
  });
  if (plan.config) plan.summary.push(`HTTPS switched on at ${enableSslPath(plan.config.doc)}.`);
  return commitAndReport(
    'rwsec kit https',
    {
      files: plan.files,
      warnings: plan.warnings,
      summary: plan.summary,
      ...withConfig(config, plan.config !== undefined),
    },
    io,
  );
}

/** The config paths the kit set, checked by the validator after writing. */
function withConfig(
  config: string | undefined,
  planned: boolean,
): { config?: { file: string; paths: string[] } } {
  return config && planned
    ? { config: { file: resolve(config), paths: ['enableSsl', 'jetty.enableSsl', 'ssl'] } }
    : {};
}
