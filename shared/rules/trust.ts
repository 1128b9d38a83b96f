// Outbound TLS trust settings that can be judged without reading files.
import type { ConfigView } from '../config-view';
import type { Diagnostic } from '../diagnostics';
import { asBoolean, diagnostic, type RuleInfo } from './rule';

/** Each trust setting with the password that opens it when it names a JKS file. */
export const trustSettings = [
  {
    trust: 'serverSettings.webDAVTrustedCA',
    password: 'serverSettings.webDAVJksPassword',
    peer: 'WebDAV',
  },
  {
    trust: 'serverSettings.rcsTrustedCA',
    password: 'serverSettings.rcsJksPassword',
    peer: 'Recording Crypto Server',
  },
  {
    trust: 'serverSettings.speechMinerTrustedCA',
    password: 'serverSettings.speechMinerJksPassword',
    peer: 'SpeechMiner Interaction Receiver',
  },
] as const;

export const trustRuleInfo: RuleInfo[] = [
  {
    id: 'trust-ca-disabled',
    severity: 'warning',
    summary: '*TrustedCA is false: certificate validation is off',
  },
];

/** The path a `*TrustedCA` value names, or undefined for true/false/absent/empty. */
export function trustedCaPath(value: unknown): string | undefined {
  if (value === undefined || value === null || asBoolean(value) !== undefined) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

export function trustRule(view: ConfigView): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { trust, peer } of trustSettings) {
    if (asBoolean(view.get(trust)) === false) {
      out.push(
        diagnostic(
          view,
          'warning',
          'trust-ca-disabled',
          trust,
          `${trust.split('.').pop()} is false: RWS accepts any certificate from ${peer}, so a man in the middle goes unnoticed.`,
          `Set it to true (JVM default CAs) or to the path of a PEM or JKS file with the CA that signed the ${peer} certificate.`,
        ),
      );
    }
  }
  return out;
}
