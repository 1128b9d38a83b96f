// Which password option goes with which store option of application.yaml, and the password the
// reader of that option would open the store with. Jetty reads ssl.keyStorePassword (plain or
// OBF:); RWS reads the others (plain or gir.jar CRYPT:, which only gir.jar can decrypt).
import { classifySecret, jettyKeystorePassword } from '../../../shared/secrets/obf';

export interface StoreOption {
  key: string;
  label: string;
  passwordKeys: readonly string[];
  /** True for the *TrustedCA options, which may also hold true/false instead of a path. */
  trustFlag?: boolean;
}

export const storeOptions: readonly StoreOption[] = [
  { key: 'ssl.keyStorePath', label: 'HTTPS keystore', passwordKeys: ['ssl.keyStorePassword'] },
  {
    key: 'serverSettings.caCertificate',
    label: 'CA for Configuration, SIP and Interaction Server',
    passwordKeys: ['serverSettings.jksPassword'],
  },
  {
    key: 'serverSettings.webDAVTrustedCA',
    label: 'WebDAV trusted CA',
    passwordKeys: ['serverSettings.webDAVJksPassword'],
    trustFlag: true,
  },
  {
    key: 'serverSettings.rcsTrustedCA',
    label: 'Recording Crypto Server trusted CA',
    passwordKeys: ['serverSettings.rcsJksPassword'],
    trustFlag: true,
  },
  {
    key: 'serverSettings.speechMinerTrustedCA',
    label: 'SpeechMiner trusted CA',
    passwordKeys: ['serverSettings.speechMinerJksPassword'],
    trustFlag: true,
  },
  {
    key: 'cassandraCluster.trustStore',
    label: 'Cassandra truststore',
    passwordKeys: ['cassandraCluster.truststorePassword', 'cassandraCluster.trustStorePassword'],
  },
];

export function storeOption(key: string): StoreOption | undefined {
  return storeOptions.find((o) => o.key === key);
}

/** A dotted path of the document's values (plain objects). */
export function valueAt(values: unknown, path: string): unknown {
  let current = values;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export type ConfiguredPassword =
  | { kind: 'none' }
  | { kind: 'known'; password: string; key: string }
  | { kind: 'crypt'; key: string };

/** The password the server would open the option's store with, as far as we can know it. */
export function configuredPassword(values: unknown, option: StoreOption): ConfiguredPassword {
  for (const key of option.passwordKeys) {
    const raw = valueAt(values, key);
    if (raw === undefined || raw === null) continue;
    const text = String(raw);
    const form = classifySecret(text);
    if (option.key === 'ssl.keyStorePath') {
      const password = jettyKeystorePassword(text);
      return password === undefined ? { kind: 'crypt', key } : { kind: 'known', password, key };
    }
    if (form === 'CRYPT') return { kind: 'crypt', key };
    return { kind: 'known', password: text, key };
  }
  return { kind: 'none' };
}
