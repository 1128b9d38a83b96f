import type { X509Certificate } from 'node:crypto';
import { hostnameRulesHelp } from '../../../shared/tls/hostname';
import {
  CertificateFileError,
  readCertificateFile,
  type CertificateFile,
} from '../../services/chain/cert-input';
import { KeystoreError } from '../../services/keystore/model';
import { chainReportText } from '../../services/chain/report-text';
import { verifyChain } from '../../services/chain/verify';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../command';
import { defineCommand } from '../cli-spec';
import { storepassOptions } from './store-password';
import { readSecret } from '../secret-input';
import { configuredTrust } from './chain-config-trust';
import { hostnameRuleFrom, trustOptions, trustSourcesFrom } from './chain-trust-options';

export interface Selected {
  certificates: X509Certificate[];
  leafFirst: boolean;
  alias?: string;
}

function selectCertificates(read: CertificateFile, alias: string | undefined): Selected {
  if (!read.keystore) {
    if (alias !== undefined) {
      throw new CertificateFileError(
        `${read.file} is not a keystore: --alias does not apply.`,
        read.file,
      );
    }
    if (read.certificates.length === 0) {
      throw new CertificateFileError(`${read.file} holds no certificate.`, read.file, 'empty');
    }
    return { certificates: read.certificates.map((c) => c.cert), leafFirst: false };
  }
  const entries = read.keystore.entries;
  const aliases = entries.map((e) => e.alias).join(', ') || '(none)';
  if (alias !== undefined) {
    // The JDK lower-cases aliases, so admins may type them either way.
    const entry =
      entries.find((e) => e.alias === alias) ??
      entries.find((e) => e.alias === alias.toLowerCase());
    if (!entry) {
      // Refused (exit 1), as for every command: the store was read, the alias is not in it.
      throw new KeystoreError(
        'alias-missing',
        `${read.file} has no alias ${JSON.stringify(alias)}; it has: ${aliases}.`,
        read.file,
      );
    }
    return { certificates: [...entry.chain], leafFirst: true, alias: entry.alias };
  }
  const keys = entries.filter((e) => e.kind === 'key');
  const only = keys.length === 1 ? keys[0] : entries.length === 1 ? entries[0] : undefined;
  if (!only) {
    throw new CertificateFileError(
      `${read.file} holds several entries: choose one with --alias (${aliases}).`,
      read.file,
    );
  }
  return { certificates: [...only.chain], leafFirst: true, alias: only.alias };
}

async function readInput(
  io: CliIo,
  file: string,
  values: { storepass?: string | undefined; 'storepass-env'?: string | undefined },
): Promise<CertificateFile> {
  const given =
    values.storepass ??
    (values['storepass-env'] !== undefined
      ? io.env[values['storepass-env']]
      : io.env.RWSEC_STOREPASS);
  try {
    return readCertificateFile(file, given);
  } catch (err) {
    if (!(err instanceof CertificateFileError) || err.code !== 'password' || given !== undefined)
      throw err;
    const asked = await readSecret(io, { option: 'storepass', prompt: `Password for ${file}: ` });
    if (asked === undefined) {
      throw new CertificateFileError(
        `${file} needs its password: use --storepass-env NAME, set RWSEC_STOREPASS, or run in a terminal to be asked.`,
        file,
        'password',
      );
    }
    return readCertificateFile(file, asked);
  }
}

export const chainCommand = defineCommand({
  name: 'chain',
  usage: [
    'FILE|STORE [--alias A] [--storepass P] [--host H] [--trust FILE [--trust-password P]] [--trust-jdk] [--trust-system] [--json]',
  ],
  args: { usage: 'FILE|STORE', min: 1, max: 1 },
  options: {
    alias: {
      type: 'string',
      arg: 'A',
      help: 'keystore entry to judge (needed when the store holds several)',
    },
    ...storepassOptions,
    host: {
      type: 'string',
      arg: 'H',
      help: 'also check the leaf against host name H, with both rules',
    },
    client: {
      type: 'boolean',
      help: 'judge the leaf as a TLS client certificate (Cassandra mutual TLS)',
    },
    config: {
      type: 'string',
      arg: 'YAML',
      help: [
        'the application.yaml this store is used with: without a --trust option, the',
        'chain is judged against the trust file that store is used against there (a',
        'Cassandra node keystore: cassandraCluster.trustStore), else the JDK cacerts',
      ],
    },
    ...trustOptions,
  },
  description: [
    'Builds the certificate chain of a PEM/DER/P7B file or a keystore entry (JKS, JCEKS, PKCS12),',
    'finds each issuer among the given certificates and then in the trust source, and judges',
    'every certificate: signature, validity (warns 30 days ahead), CA flag and path length, key',
    'usage and extended key usage for TLS, weak keys and signatures, trust anchor.',
  ],
  epilogue: [
    hostnameRulesHelp,
    '',
    'Exit status: 0 trusted (and the name matches when --host is given), 1 not trusted (the reason',
    'is named: unknown-ca, incomplete-chain, expired, name-mismatch ...) or the store has no such',
    'alias, 2 a file cannot be read or an option is wrong.',
  ],
  async run({ values, args, io }) {
    const file = args[0] as string;
    if (values['storepass-env'] !== undefined && io.env[values['storepass-env']] === undefined) {
      throw new CertificateFileError(
        `--storepass-env names the variable ${values['storepass-env']}, which is not set.`,
        file,
      );
    }
    const selected = selectCertificates(await readInput(io, file, values), values.alias);
    const chosen =
      values.config !== undefined &&
      values.trust === undefined &&
      !values['trust-jdk'] &&
      !values['trust-system']
        ? await configuredTrust(values.config, file, selected, io.env)
        : undefined;
    const trust = chosen ? [chosen] : await trustSourcesFrom(io, values);
    const report = verifyChain({
      certificates: selected.certificates,
      leafFirst: selected.leafFirst,
      trust,
      ...(values.host !== undefined
        ? { host: values.host, hostnameRule: hostnameRuleFrom(values.rule) }
        : {}),
      purpose: values.client ? 'client' : 'server',
    });
    if (values.json) {
      const out = {
        file,
        ...(selected.alias !== undefined ? { alias: selected.alias } : {}),
        ...report,
      };
      io.out(JSON.stringify(out, null, 2) + '\n');
    } else {
      io.out(`${file}${selected.alias !== undefined ? ` (alias ${selected.alias})` : ''}\n`);
      io.out(chainReportText(report));
    }
    return report.verdict.trusted ? EXIT_OK : EXIT_FINDINGS;
  },
});
