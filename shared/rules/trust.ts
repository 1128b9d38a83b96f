// Outbound TLS trust settings that can be judged without reading files.
import { asBoolean, defineRule } from './rule';

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

/** The path a `*TrustedCA` value names, or undefined for true/false/absent/empty. */
export function trustedCaPath(value: unknown): string | undefined {
  if (value === undefined || value === null || asBoolean(value) !== undefined) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

export const trustRule = defineRule({
  name: 'trust',
  findings: {
    'trust-ca-disabled': {
      severity: 'warning',
      summary: '*TrustedCA is false: certificate validation is off',
    },
  },
  check(view, report) {
    for (const { trust, peer } of trustSettings) {
      if (asBoolean(view.get(trust)) !== false) continue;
      report({
        id: 'trust-ca-disabled',
        path: trust,
        message: `${trust.split('.').pop()} is false: RWS accepts any certificate from ${peer}, so a man in the middle goes unnoticed.`,
        fix: `Set it to true (JVM default CAs) or to the path of a PEM or JKS file with the CA that signed the ${peer} certificate.`,
      });
    }
  },
});
