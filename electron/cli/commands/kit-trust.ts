// `rwsec kit trust`: the CA file RWS checks an outbound peer against, and its config values.
import { resolve } from 'node:path';
import type { CliIo } from '../command';
import type { X509Certificate } from 'node:crypto';
import { KitError } from '../../services/kits/kit-error';
import { trustTargets, type TrustTarget } from '../../services/kits/config-values';
import { defineCommand, secretOptions, type OptionSpecs, type ParsedValues } from '../cli-spec';
import { UsageError } from '../cli-parse';
import { commitAndReport, cryptIfAsked, girJarOptions, kitEpilogue, storepass } from './kit-common';

const trustKitOptions = {
  target: {
    type: 'string',
    required: true,
    choices: Object.keys(trustTargets) as TrustTarget[],
    help: 'the peer the trust file is for (above)',
  },
  from: {
    type: 'string',
    arg: 'FILE',
    help: 'PEM, DER, P7B or a keystore holding the CA (or the server chain)',
  },
  probe: {
    type: 'string',
    arg: 'HOST:PORT',
    help: [
      'take the chain a live server sends and keep its top (a server',
      'rarely sends its root: the kit then warns; prefer --from the root)',
    ],
  },
  out: { type: 'string', arg: 'FILE', required: true, help: 'the trust file to write' },
  format: {
    type: 'string',
    choices: ['jks', 'pem'],
    help: 'default from --out (.pem/.crt/.cer = pem), else jks',
  },
  config: {
    type: 'string',
    arg: 'FILE',
    help: 'application.yaml to update (written together with the trust file)',
  },
  ...girJarOptions,
  ...secretOptions(
    'storepass',
    'store password (JKS only; for --from a keystore, the same password opens it)',
    'RWSEC_STOREPASS',
  ),
} as const satisfies OptionSpecs;

export const kitTrustCommand = defineCommand({
  name: 'kit trust',
  summary: 'the CA file RWS checks an outbound peer against (JKS or PEM), and its config values',
  usage: [
    '--target config-server|webdav|rcs|speechminer (--from FILE | --probe HOST:PORT) --out FILE [--storepass-env NAME] [--format jks|pem] [--config application.yaml]',
  ],
  options: trustKitOptions,
  description: [
    'The CA certificate(s) RWS checks a peer against, as JKS (recommended by the guide) or PEM,',
    'and with --config the option that names it:',
    ...Object.entries(trustTargets).map(
      ([name, t]) =>
        `  ${name.padEnd(14)} ${t.file} (+ ${t.password.split('.').pop() ?? ''} for JKS): ${t.peer}`,
    ),
    'Only the root(s) are kept. config-server takes ONE CA (the guide): the first root is used.',
  ],
  epilogue: kitEpilogue,
  run: ({ values, io }) => runTrust(values, io),
});

interface Source {
  certificates: X509Certificate[];
  origin: string;
  fromServer: boolean;
}

// The readers, the probe and the kit load when this command runs: with @peculiar/x509 behind them,
// they would add ~40 ms to the start of every other kit (kit cassandra is timed against a floor).
async function fromFile(file: string, password: string | undefined): Promise<Source> {
  const { readCertificateFile } = await import('../../services/chain/cert-input');
  const read = readCertificateFile(resolve(file), password);
  return {
    certificates: read.certificates.map((c) => c.cert),
    origin: read.file,
    fromServer: false,
  };
}

/** The chain a live server sends (its root is usually not among it: the kit warns then). */
async function probed(endpoint: string): Promise<Source> {
  const [{ parseHostPort }, { probeTls }] = await Promise.all([
    import('../../services/probe/probe-endpoint'),
    import('../../services/probe/tls-probe'),
  ]);
  const target = parseHostPort(endpoint);
  if (!target) throw new UsageError(`--probe takes HOST:PORT (or [IPv6]:PORT), not '${endpoint}'.`);
  const outcome = await probeTls(target);
  if (!outcome.ok) {
    throw new KitError(
      `Cannot take the chain of ${endpoint}: ${outcome.message} Use --from FILE with the CA certificate instead.`,
    );
  }
  return { certificates: outcome.served, origin: endpoint, fromServer: true };
}

async function runTrust(values: ParsedValues<typeof trustKitOptions>, io: CliIo): Promise<number> {
  const { target, out, from, probe, config } = values;
  if ((from === undefined) === (probe === undefined))
    throw new UsageError('Give one of --from FILE or --probe HOST:PORT.');
  const { formatFromName, planTrustKit } = await import('../../services/kits/trust-kit');
  const format = values.format ?? formatFromName(out);
  const pass = format === 'jks' ? await storepass(io, values, out) : values.storepass;
  const source = probe !== undefined ? await probed(probe) : await fromFile(from ?? '', pass);
  const crypt =
    config && format === 'jks' && pass !== undefined
      ? await cryptIfAsked(values, pass, io)
      : undefined;
  const plan = await planTrustKit({
    target,
    ...source,
    out,
    format,
    ...(pass !== undefined ? { storepass: pass } : {}),
    ...(crypt ? { crypt } : {}),
    ...(config ? { config } : {}),
  });
  const spec = trustTargets[target];
  return commitAndReport(
    'rwsec kit trust',
    {
      files: plan.files,
      warnings: plan.warnings,
      summary: plan.summary,
      ...(plan.config
        ? { config: { file: plan.config.file, paths: [spec.file, spec.password] } }
        : {}),
    },
    io,
  );
}
