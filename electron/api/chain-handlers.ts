// The chain.* and probe.* channels: the chain preview over the chain verifier and the TLS probe.
// Trust sources are what RWS would use: the config's trust files with their configured passwords,
// the JDK cacerts, the system bundle, or any other file.
import type { X509Certificate } from 'node:crypto';
import type { ApiHandlers, Request } from '../../shared/api/contract';
import type { CertificateDescriptionView } from '../../shared/api/keystore-contract';
import { ApiError } from '../../shared/api/dispatch';
import type { ChainReport } from '../../shared/tls/verdicts';
import { parseCertificateBytes } from '../services/chain/cert-input';
import type { TrustSource } from '../services/chain/trust-source';
import { defaultTrustForKeystore, firstExistingTrust } from '../services/chain/keystore-trust';
import { verifyChain } from '../services/chain/verify';
import { findEntry } from '../services/keystore/operations';
import { parseHostPort, probeEndpoint } from '../services/probe/probe-endpoint';
import type { EditingSession } from '../services/session/editing-session';
import { describeCertificate } from '../services/x509/describe';
import {
  configuredPassword,
  storeOption,
  storeOptions,
  valueAt,
} from '../services/kits/config-passwords';
import { keystoreSessionFor } from './keystore-handlers';
import type { HeavyWork } from '../services/heavy/heavy-work';
import { inlineWork } from '../services/heavy/inline-work';

type ChainChannel = 'chain.trustChoices' | 'chain.verify' | 'probe.run';
export type ChainHandlers = Pick<ApiHandlers, ChainChannel>;
type TrustRequest = Request<'chain.verify'>['trust'];
type SourceRequest = Request<'chain.verify'>['source'];

/** The path a trust option names, or undefined for true/false/absent. */
function trustPathOf(values: unknown, key: string): string | undefined {
  const raw = valueAt(values, key);
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  return text === '' || text === 'true' || text === 'false' ? undefined : text;
}

function fingerprint(text: string): string {
  return text.replace(/:/g, '').toLowerCase();
}

/** Full descriptions for the report's certificates, found among the given and anchor certificates. */
function describeReport(
  report: ChainReport,
  given: readonly X509Certificate[],
  trust: readonly TrustSource[],
): CertificateDescriptionView[] {
  const known = new Map<string, X509Certificate>();
  for (const cert of given) known.set(fingerprint(cert.fingerprint256), cert);
  for (const source of trust) {
    for (const anchor of source.anchors) {
      known.set(fingerprint(anchor.parsed.cert.fingerprint256), anchor.parsed.cert);
    }
  }
  return report.certificates.map((c) => {
    const cert = known.get(fingerprint(c.sha256));
    if (!cert) throw new Error(`certificate ${c.subject} of the report is not at hand`);
    return { ...describeCertificate(cert), pem: cert.toString() };
  });
}

export function createChainHandlers(
  session: EditingSession,
  work: HeavyWork = inlineWork,
): ChainHandlers {
  const keystores = keystoreSessionFor(session, work);
  const resolvePath = (path: string) => session.resolvePath(path);
  const values = async () => (session.file ? (await session.state()).values : null);

  async function trustOf(trust: TrustRequest): Promise<TrustSource[]> {
    switch (trust.kind) {
      case 'jdk':
        return [await work.run('loadJdkCacerts')];
      case 'system':
        return [await work.run('loadSystemBundle')];
      case 'file':
        return [await work.run('loadTrustFile', resolvePath(trust.path), trust.password)];
      case 'config': {
        const option = storeOption(trust.key);
        const config = await values();
        const value = option ? trustPathOf(config, option.key) : undefined;
        if (!option || value === undefined) {
          throw new ApiError('bad-request', `${trust.key} names no trust file in the open config.`);
        }
        const file = resolvePath(value);
        let password = trust.password;
        if (password === undefined) {
          const found = configuredPassword(config, option);
          if (found.kind === 'crypt') {
            throw new ApiError(
              'failed',
              `${found.key} is CRYPT: encrypted, which only gir.jar can decrypt: type the password of ${file}.`,
            );
          }
          if (found.kind === 'known') password = found.password;
        }
        return [await work.run('loadTrustFile', file, password)];
      }
    }
  }

  /** The default trust: for a keystore entry the store it is used against, else the first file. */
  function preferredTrust(config: unknown, alias: string | undefined): string {
    const entry =
      alias !== undefined && keystores.file !== undefined
        ? findEntry(keystores.store(), alias)
        : undefined;
    if (!entry) return firstExistingTrust({ config, resolvePath });
    return defaultTrustForKeystore({
      config,
      resolvePath,
      keystoreFile: keystores.file,
      chain: entry.chain,
    });
  }

  async function sourceOf(source: SourceRequest): Promise<{
    certificates: X509Certificate[];
    leafFirst: boolean;
    label: string;
  }> {
    switch (source.kind) {
      case 'file': {
        const file = resolvePath(source.path);
        const read = await work.run('readCertificateFile', file, source.password);
        return {
          certificates: read.certificates.map((c) => c.cert),
          leafFirst: false,
          label: file,
        };
      }
      case 'upload': {
        const bytes = Buffer.from(source.upload.base64, 'base64');
        const read = await work.run(
          'parseCertificateBytes',
          bytes,
          source.upload.name,
          source.password,
        );
        return {
          certificates: read.certificates.map((c) => c.cert),
          leafFirst: false,
          label: source.upload.name,
        };
      }
      case 'pem': {
        const read = parseCertificateBytes(Buffer.from(source.text, 'utf8'), 'the pasted text');
        return {
          certificates: read.certificates.map((c) => c.cert),
          leafFirst: false,
          label: 'the pasted PEM text',
        };
      }
      case 'keystore': {
        const entry = findEntry(keystores.store(), source.alias);
        if (!entry) {
          throw new ApiError(
            'failed',
            `No entry "${source.alias}" in ${keystores.file ?? 'the store'}.`,
          );
        }
        return {
          certificates: entry.chain,
          leafFirst: true,
          label: `alias "${entry.alias}" in ${keystores.file ?? 'the open store'} (unsaved changes included)`,
        };
      }
    }
  }

  return {
    'chain.trustChoices': async ({ alias }) => {
      const config = await values();
      if (!config) return { choices: [], preferred: 'jdk' };
      const choices = storeOptions.flatMap((option) => {
        if (option.key === 'ssl.keyStorePath') return [];
        const value = trustPathOf(config, option.key);
        if (value === undefined) return [];
        const found = configuredPassword(config, option);
        return [
          {
            key: option.key,
            label: option.label,
            value,
            resolved: resolvePath(value),
            password: found.kind,
          },
        ];
      });
      return { choices, preferred: preferredTrust(config, alias) };
    },
    'chain.verify': async ({ source, trust, host, rule }) => {
      const trustSources = await trustOf(trust);
      const { certificates, leafFirst, label } = await sourceOf(source);
      if (certificates.length === 0) throw new ApiError('failed', `${label} holds no certificate.`);
      const report = verifyChain({
        certificates,
        leafFirst,
        trust: trustSources,
        ...(host !== undefined && host.trim() !== '' ? { host: host.trim() } : {}),
        hostnameRule: rule ?? 'rfc6125',
      });
      return { report, details: describeReport(report, certificates, trustSources), source: label };
    },
    'probe.run': async ({ hostPort, servername, trust, rule, timeoutMs }) => {
      const target = parseHostPort(hostPort.trim());
      if (!target) {
        throw new ApiError(
          'bad-request',
          `"${hostPort}" is not HOST:PORT (e.g. cfg.example.com:8443).`,
        );
      }
      const trustSources = await trustOf(trust);
      const name = servername?.trim() ? servername.trim() : undefined;
      const { report, served } = await probeEndpoint({
        ...target,
        ...(name !== undefined ? { servername: name } : {}),
        timeoutMs: timeoutMs ?? 5000,
        trust: trustSources,
        hostnameRule: rule ?? 'rfc6125',
      });
      if (!report.chain) return { report, details: [] };
      return { report, details: describeReport(report.chain, served, trustSources) };
    },
  };
}
