// `rwsec kit trust`: the CA file RWS checks an outbound peer against, and its config values.
import { resolve } from 'node:path';
import type { CliIo } from '../command';
import type { X509Certificate } from 'node:crypto';
import { readCertificateFile } from '../../services/chain/cert-input';
import { KitError } from '../../services/kits/kit-error';
import { parseHostPort } from '../../services/probe/probe-endpoint';
import { probeTls } from '../../services/probe/tls-probe';
import { trustTargets, type TrustTarget } from '../../services/kits/config-values';
import { formatFromName, planTrustKit } from '../../services/kits/trust-kit';
import { oneOfOpt, parseOptions, requiredOpt, stringOpt, UsageError } from '../parse-options';
import {
  commitAndReport,
  cryptIfAsked,
  girJarHelp,
  girJarOptions,
  storepass,
  storepassHelp,
  storepassOptions,
} from './kit-common';

export const trustUsage =
  'trust --target config-server|webdav|rcs|speechminer (--from FILE | --probe HOST:PORT) --out FILE [--storepass P] [--format jks|pem] [--config application.yaml]';

export const trustHelp = [
  'rwsec kit trust: the CA certificate(s) RWS checks a peer against, as JKS (recommended by the',
  'guide) or PEM, and with --config the option that names it:',
  ...Object.entries(trustTargets).map(
    ([name, t]) =>
      `  ${name.padEnd(14)} ${t.file} (+ ${t.password.split('.').pop() ?? ''} for JKS): ${t.peer}`,
  ),
  'Only the root(s) are kept. config-server takes ONE CA (the guide): the first root is used.',
  '',
  `Usage: rwsec kit ${trustUsage}`,
  '',
  'Options:',
  '  --from FILE             PEM, DER, P7B or a keystore holding the CA (or the server chain)',
  '  --probe HOST:PORT       take the chain a live server sends and keep its top (a server',
  '                          rarely sends its root: the kit then warns; prefer --from the root)',
  '  --out FILE              the trust file to write',
  '  --format jks|pem        default from --out (.pem/.crt/.cer = pem), else jks',
  '  --config FILE           application.yaml to update (written together with the trust file)',
  ...girJarHelp,
  ...storepassHelp,
  '                          (JKS only; for --from a keystore, the same password opens it)',
].join('\n');

const options = {
  ...storepassOptions,
  ...girJarOptions,
  target: { type: 'string' },
  from: { type: 'string' },
  probe: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  config: { type: 'string' },
} as const;

interface Source {
  certificates: X509Certificate[];
  origin: string;
  fromServer: boolean;
}

function fromFile(file: string, password: string | undefined): Source {
  const read = readCertificateFile(resolve(file), password);
  return {
    certificates: read.certificates.map((c) => c.cert),
    origin: read.file,
    fromServer: false,
  };
}

/** The chain a live server sends (its root is usually not among it: the kit warns then). */
async function probed(endpoint: string): Promise<Source> {
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

export async function runTrust(args: string[], io: CliIo): Promise<number> {
  const values = parseOptions(args, options).values;
  const target = oneOfOpt(
    values,
    'target',
    Object.keys(trustTargets) as TrustTarget[],
    '' as TrustTarget,
  );
  const out = requiredOpt(values, 'out');
  const from = stringOpt(values, 'from');
  const probe = stringOpt(values, 'probe');
  if ((from === undefined) === (probe === undefined))
    throw new UsageError('Give one of --from FILE or --probe HOST:PORT.');
  const format = oneOfOpt(values, 'format', ['jks', 'pem'] as const, formatFromName(out));
  const pass = format === 'jks' ? await storepass(io, values, out) : stringOpt(values, 'storepass');
  const source = probe !== undefined ? await probed(probe) : fromFile(from ?? '', pass);
  const config = stringOpt(values, 'config');
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
