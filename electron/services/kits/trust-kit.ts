// Outbound trust files: the CA that RWS checks a peer's certificate against (Configuration Server,
// WebDAV, Recording Crypto Server, SpeechMiner), taken from a certificate file or a live endpoint's
// chain, written as JKS (the guide's recommendation) or PEM, and named in application.yaml.
import { extname, resolve } from 'node:path';
import type { X509Certificate } from 'node:crypto';
import type { Keystore } from '../keystore/model';
import { writeKeystore } from '../keystore/write';
import {
  planConfig,
  trustEdits,
  trustTargets,
  type PlannedConfig,
  type TrustTarget,
} from './config-values';
import { KitError } from './kit-error';
import type { PlannedFile } from './transaction';

export type TrustFormat = 'jks' | 'pem';

export interface TrustKitOptions {
  target: TrustTarget;
  /** Certificates in the order found (a file's order, or a server's chain leaf first). */
  certificates: readonly X509Certificate[];
  /** Where they came from, for messages: a file path or `HOST:PORT`. */
  origin: string;
  /** A live endpoint's chain: the root is usually not sent. */
  fromServer: boolean;
  out: string;
  format: TrustFormat;
  storepass?: string;
  /** A gir.jar CRYPT: value of storepass, for the config (RWS reads CRYPT: for these passwords). */
  crypt?: string;
  config?: string;
  now?: Date;
}

export interface TrustPlan {
  files: PlannedFile[];
  warnings: string[];
  summary: string[];
  anchors: X509Certificate[];
  config?: PlannedConfig;
}

/** `pem` for .pem/.crt/.cer names, else `jks`. */
export function formatFromName(file: string): TrustFormat {
  return ['.pem', '.crt', '.cer'].includes(extname(file).toLowerCase()) ? 'pem' : 'jks';
}

function isSelfSigned(cert: X509Certificate): boolean {
  return cert.checkIssued(cert) && cert.verify(cert.publicKey);
}

function oneLine(name: string): string {
  return name.split('\n').join(', ');
}

function distinct(certs: readonly X509Certificate[]): X509Certificate[] {
  return certs.filter((c, i) => certs.findIndex((d) => d.raw.equals(c.raw)) === i);
}

/** The certificates to trust: the roots; when none is present, the top of each chain (with a warning). */
export function chooseAnchors(
  options: Pick<TrustKitOptions, 'target' | 'certificates' | 'origin' | 'fromServer'>,
): {
  anchors: X509Certificate[];
  warnings: string[];
} {
  const certs = distinct(options.certificates);
  const warnings: string[] = [];
  if (certs.length === 0) throw new KitError(`${options.origin} holds no certificate.`);
  let anchors = certs.filter(isSelfSigned);
  if (anchors.length === 0) {
    // Top of the chain: a certificate whose issuer is not among the others.
    const tops = certs.filter(
      (c) => !certs.some((d) => d !== c && c.checkIssued(d) && c.verify(d.publicKey)),
    );
    anchors = tops.filter((c) => c.ca).length > 0 ? tops.filter((c) => c.ca) : tops;
    const issuers = [...new Set(anchors.map((c) => oneLine(c.issuer)))].join('; ');
    warnings.push(
      options.fromServer
        ? `${options.origin} does not send its root CA. Trusting the top certificate it sends instead; better, get the root ("${issuers}") from your PKI and use --from.`
        : `${options.origin} has no root certificate; trusting its top certificate instead. Better, add the root ("${issuers}").`,
    );
  }
  if (options.target === 'config-server' && anchors.length > 1) {
    const picked = anchors[0] as X509Certificate;
    warnings.push(
      `RWS uses only ONE CA for Configuration, SIP and Interaction Server (caCertificate); ${anchors.length} were found. Using "${oneLine(picked.subject)}"; the others are left out.`,
    );
    anchors = [picked];
  }
  return { anchors, warnings };
}

/** A readable, unique, lower-case alias per certificate (from its CN). */
export function aliasesFor(certs: readonly X509Certificate[]): string[] {
  const used = new Set<string>();
  return certs.map((cert, i) => {
    const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1] ?? `ca-${i + 1}`;
    const base =
      cn
        .toLowerCase()
        .replace(/[^a-z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, '') || `ca-${i + 1}`;
    let alias = base;
    for (let n = 2; used.has(alias); n++) alias = `${base}-${n}`;
    used.add(alias);
    return alias;
  });
}

export async function planTrustKit(options: TrustKitOptions): Promise<TrustPlan> {
  const { anchors, warnings } = chooseAnchors(options);
  const out = resolve(options.out);
  const now = options.now ?? new Date();
  let data: string | Buffer;
  if (options.format === 'jks') {
    if (options.storepass === undefined || options.storepass.length < 6) {
      throw new KitError(
        'A JKS trust file needs a store password of at least 6 characters (--storepass), or use --format pem.',
      );
    }
    const aliases = aliasesFor(anchors);
    const store: Keystore = {
      type: 'JKS',
      entries: anchors.map((cert, i) => ({
        kind: 'trusted',
        alias: aliases[i] ?? `ca-${i + 1}`,
        created: now,
        chain: [cert],
      })),
    };
    data = writeKeystore(store, { type: 'JKS', password: options.storepass });
  } else {
    data = anchors.map((c) => c.toString()).join('');
  }
  const files: PlannedFile[] = [{ path: out, data, mode: 0o644 }];
  const spec = trustTargets[options.target];
  const summary = [
    `${out}: ${anchors.length} CA certificate(s) for ${spec.peer} (${options.format.toUpperCase()}): ${anchors.map((c) => `"${oneLine(c.subject)}"`).join(', ')}.`,
  ];
  let config: PlannedConfig | undefined;
  if (options.config) {
    const storepass = options.format === 'jks' ? options.storepass : undefined;
    config = await planConfig(resolve(options.config), (doc) =>
      trustEdits(doc, {
        target: options.target,
        file: out,
        ...(storepass !== undefined ? { storepass } : {}),
        ...(storepass !== undefined && options.crypt !== undefined ? { crypt: options.crypt } : {}),
      }),
    );
    files.push({ path: config.file, data: config.after });
    summary.push(
      `${config.file}: ${spec.file} set${options.format === 'jks' ? ` with ${spec.password.split('.').pop() ?? ''}` : ''}.`,
    );
  }
  return { files, warnings, summary, anchors, ...(config ? { config } : {}) };
}
