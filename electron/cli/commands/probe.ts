import { hostnameRulesHelp } from '../../../shared/tls/hostname';
import { probeReportText } from '../../services/chain/report-text';
import { parseHostPort, probeEndpoint } from '../../services/probe/probe-endpoint';
import { DEFAULT_TIMEOUT_MS } from '../../services/probe/tls-probe';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE } from '../command';
import { defineCommand } from '../cli-spec';
import { UsageError } from '../cli-parse';
import { hostnameRuleFrom, trustOptions, trustSourcesFrom } from './chain-trust-options';

export const probeCommand = defineCommand({
  name: 'probe',
  usage: [
    'HOST:PORT [--servername NAME] [--trust FILE [--trust-password P]] [--trust-jdk] [--trust-system] [--timeout S] [--json]',
  ],
  args: { usage: 'HOST:PORT', min: 1, max: 1 },
  options: {
    servername: { type: 'string', arg: 'NAME', help: 'SNI and the name checked (default HOST)' },
    timeout: {
      type: 'string',
      arg: 'S',
      help: `seconds for connect + handshake (default ${DEFAULT_TIMEOUT_MS / 1000})`,
    },
    ...trustOptions,
  },
  description: [
    'Connects with TLS (SNI = --servername, default HOST), captures the chain exactly as the server',
    'sends it, the protocol and the cipher, and judges the chain against the trust source and the',
    'name, the way RWS would as a client. Works for HTTPS (WebDAV, RCS, SpeechMiner, RWS itself),',
    "Configuration Server's secured port and Cassandra's native port (9042). The probe itself",
    'accepts any certificate: it only reads it.',
  ],
  epilogue: [
    hostnameRulesHelp,
    '',
    'Exit status: 0 trusted and the name matches; 1 verification failed (the reason is named:',
    'unknown-ca, name-mismatch, expired, incomplete-chain ...); 2 no TLS session (refused, timeout,',
    'not TLS, DNS failure) or bad options.',
  ],
  async run({ values, args, io }) {
    const target = parseHostPort(args[0] as string);
    if (!target) throw new UsageError('expected one HOST:PORT (e.g. cfg-01.example.com:2021)');
    const seconds =
      values.timeout === undefined ? DEFAULT_TIMEOUT_MS / 1000 : Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600)
      throw new UsageError('--timeout must be a number of seconds between 0 and 600');
    const { report } = await probeEndpoint({
      ...target,
      ...(values.servername !== undefined ? { servername: values.servername } : {}),
      timeoutMs: Math.round(seconds * 1000),
      trust: await trustSourcesFrom(io, values),
      hostnameRule: hostnameRuleFrom(values.rule),
    });
    io.out(values.json ? JSON.stringify(report, null, 2) + '\n' : probeReportText(report));
    if (!report.connected) return EXIT_UNREADABLE;
    return report.chain?.verdict.trusted ? EXIT_OK : EXIT_FINDINGS;
  },
});
