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
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, type CliIo, type Command } from '../command';
import { reportUserError } from '../cli-errors';
import { parseCommandArgs } from '../parse-options';
import { readSecret } from '../secret-input';
import {
  hostnameRuleFrom,
  trustHelp,
  trustParseOptions,
  trustSourcesFrom,
} from './chain-trust-options';

function help(): string {
  return [
    'Usage: rwsec chain FILE|STORE [--alias A] [--storepass P] [--host H] [--trust FILE',
    '                   [--trust-password P]] [--trust-jdk] [--trust-system] [--json]',
    '',
    'Builds the certificate chain of a PEM/DER/P7B file or a keystore entry (JKS, JCEKS, PKCS12),',
    'finds each issuer among the given certificates and then in the trust source, and judges',
    'every certificate: signature, validity (warns 30 days ahead), CA flag and path length, key',
    'usage and extended key usage for TLS, weak keys and signatures, trust anchor.',
    '',
    'Options:',
    '  --alias A               keystore entry to judge (needed when the store holds several)',
    '  --storepass P           keystore password (visible in `ps`: prefer the next one)',
    '  --storepass-env NAME    read it from variable NAME (default RWSEC_STOREPASS); a terminal is',
    '                          asked when the store needs one and none is given',
    '  --host H                also check the leaf against host name H, with both rules',
    '  --client                judge the leaf as a TLS client certificate (Cassandra mutual TLS)',
    ...trustHelp,
    '',
    hostnameRulesHelp,
    '',
    'Exit status: 0 trusted (and the name matches when --host is given), 1 not trusted (the reason',
    'is named: unknown-ca, incomplete-chain, expired, name-mismatch ...) or the store has no such',
    'alias, 2 a file cannot be read or an option is wrong.',
  ].join('\n');
}

interface Selected {
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
  values: { storepass?: string; 'storepass-env'?: string },
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

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    'chain',
    args,
    {
      ...trustParseOptions,
      alias: { type: 'string' },
      storepass: { type: 'string' },
      'storepass-env': { type: 'string' },
      host: { type: 'string' },
      client: { type: 'boolean', default: false },
    },
    help,
    io,
  );
  if (!parsed) return EXIT_UNREADABLE;
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) {
    io.err(`rwsec chain: expected exactly one FILE\n\n${help()}\n`);
    return EXIT_UNREADABLE;
  }
  try {
    if (values['storepass-env'] !== undefined && io.env[values['storepass-env']] === undefined) {
      throw new CertificateFileError(
        `--storepass-env names the variable ${values['storepass-env']}, which is not set.`,
        file,
      );
    }
    const hostnameRule = hostnameRuleFrom(values.rule);
    const selected = selectCertificates(await readInput(io, file, values), values.alias);
    const trust = await trustSourcesFrom(io, values);
    const report = verifyChain({
      certificates: selected.certificates,
      leafFirst: selected.leafFirst,
      trust,
      ...(values.host !== undefined ? { host: values.host, hostnameRule } : {}),
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
  } catch (err) {
    return reportUserError(io, 'rwsec chain', err);
  }
}

export const chainCommand: Command = {
  name: 'chain',
  help,
  run,
};
