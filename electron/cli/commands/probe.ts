import { hostnameRulesHelp } from '../../../shared/tls/hostname';
import { probeReportText } from '../../services/chain/report-text';
import { parseHostPort, probeEndpoint } from '../../services/probe/probe-endpoint';
import { DEFAULT_TIMEOUT_MS } from '../../services/probe/tls-probe';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, type CliIo, type Command } from '../command';
import { reportUserError } from '../cli-errors';
import { parseCommandArgs } from '../parse-options';
import {
  hostnameRuleFrom,
  trustHelp,
  trustParseOptions,
  trustSourcesFrom,
} from './chain-trust-options';

function help(): string {
  return [
    'Usage: rwsec probe HOST:PORT [--servername NAME] [--trust FILE [--trust-password P]]',
    '                   [--trust-jdk] [--trust-system] [--timeout S] [--json]',
    '',
    'Connects with TLS (SNI = --servername, default HOST), captures the chain exactly as the server',
    'sends it, the protocol and the cipher, and judges the chain against the trust source and the',
    'name, the way RWS would as a client. Works for HTTPS (WebDAV, RCS, SpeechMiner, RWS itself),',
    "Configuration Server's secured port and Cassandra's native port (9042). The probe itself",
    'accepts any certificate: it only reads it.',
    '',
    'Options:',
    '  --servername NAME       SNI and the name checked (default HOST)',
    `  --timeout S             seconds for connect + handshake (default ${DEFAULT_TIMEOUT_MS / 1000})`,
    ...trustHelp,
    '',
    hostnameRulesHelp,
    '',
    'Exit status: 0 trusted and the name matches; 1 verification failed (the reason is named:',
    'unknown-ca, name-mismatch, expired, incomplete-chain ...); 2 no TLS session (refused, timeout,',
    'not TLS, DNS failure) or bad options.',
  ].join('\n');
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    'probe',
    args,
    {
      ...trustParseOptions,
      servername: { type: 'string' },
      timeout: { type: 'string' },
    },
    help,
    io,
  );
  if (!parsed) return EXIT_UNREADABLE;
  const { values, positionals } = parsed;
  const target = positionals.length === 1 ? parseHostPort(positionals[0] as string) : undefined;
  if (!target) {
    io.err(`rwsec probe: expected one HOST:PORT (e.g. cfg-01.example.com:2021)\n\n${help()}\n`);
    return EXIT_UNREADABLE;
  }
  const seconds = values.timeout === undefined ? DEFAULT_TIMEOUT_MS / 1000 : Number(values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    io.err('rwsec probe: --timeout must be a number of seconds between 0 and 600\n');
    return EXIT_UNREADABLE;
  }
  try {
    const hostnameRule = hostnameRuleFrom(values.rule);
    const trust = await trustSourcesFrom(io, values);
    const { report } = await probeEndpoint({
      ...target,
      ...(values.servername !== undefined ? { servername: values.servername } : {}),
      timeoutMs: Math.round(seconds * 1000),
      trust,
      hostnameRule,
    });
    io.out(values.json ? JSON.stringify(report, null, 2) + '\n' : probeReportText(report));
    if (!report.connected) return EXIT_UNREADABLE;
    return report.chain?.verdict.trusted ? EXIT_OK : EXIT_FINDINGS;
  } catch (err) {
    return reportUserError(io, 'rwsec probe', err);
  }
}

export const probeCommand: Command = {
  name: 'probe',
  help,
  run,
};
