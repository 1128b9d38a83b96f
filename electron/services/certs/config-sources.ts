// Which stores an application.yaml makes RWS read, and the password each reader would use.
// The keys and password rules are the validator's (storeOptions, trustSettings): Jetty reads
// ssl.keyStorePassword plain or OBF:; RWS reads the others literally, except CRYPT: (gir.jar only).
import { isAbsolute, resolve } from 'node:path';
import type { ConfigView } from '../../../shared/config-view';
import { asBoolean, asText, isTrue, presentText, sslEnabled } from '../../../shared/rules/rule';
import { trustedCaPath, trustSettings } from '../../../shared/rules/trust';
import { classifySecret, jettyKeystorePassword } from '../../../shared/secrets/obf';

/** How the store's password is known: given, absent (PEM or no option), or one-way to us. */
export type SourcePassword =
  { kind: 'known'; password: string } | { kind: 'none' } | { kind: 'crypt'; option: string };

export interface StoreSource {
  kind: 'store';
  configKey: string;
  /** As written in the config. */
  value: string;
  /** Resolved against the config's folder. */
  file: string;
  /** A keystore of server keys (ssl) or a trust file. */
  use: 'keystore' | 'trust';
  password: SourcePassword;
  passwordOption?: string;
}

export interface CacertsSource {
  kind: 'cacerts';
  configKey: string;
}

export type ConfigSource = StoreSource | CacertsSource;

function passwordOf(
  view: ConfigView,
  options: readonly string[],
  reader: 'jetty' | 'rws',
): { password: SourcePassword; passwordOption?: string } {
  for (const option of options) {
    // Not only catalog paths: RWS may also read a mistyped spelling (trustStorePassword).
    const value = asText(view.get(option));
    if (value === undefined || value.trim() === '') continue;
    if (reader === 'jetty') {
      const plain = jettyKeystorePassword(value);
      return {
        password:
          plain === undefined ? { kind: 'crypt', option } : { kind: 'known', password: plain },
        passwordOption: option,
      };
    }
    if (classifySecret(value) === 'CRYPT') {
      return { password: { kind: 'crypt', option }, passwordOption: option };
    }
    return { password: { kind: 'known', password: value }, passwordOption: option };
  }
  return { password: { kind: 'none' } };
}

/** Every store the config names, in the order the config lists them, and the cacerts flags. */
export function configSources(view: ConfigView, configFile: string): ConfigSource[] {
  const dir = resolve(configFile, '..');
  const at = (value: string): string => (isAbsolute(value) ? value : resolve(dir, value));
  const out: ConfigSource[] = [];
  const store = (
    configKey: string,
    value: string,
    use: StoreSource['use'],
    passwordOptions: readonly string[],
    reader: 'jetty' | 'rws',
  ): void => {
    out.push({
      kind: 'store',
      configKey,
      value,
      file: at(value),
      use,
      ...passwordOf(view, passwordOptions, reader),
    });
  };
  const keystore = presentText(view, 'ssl.keyStorePath');
  if (keystore !== undefined && sslEnabled(view)) {
    store('ssl.keyStorePath', keystore, 'keystore', ['ssl.keyStorePassword'], 'jetty');
  }
  const ca = presentText(view, 'serverSettings.caCertificate');
  if (ca !== undefined) {
    store('serverSettings.caCertificate', ca, 'trust', ['serverSettings.jksPassword'], 'rws');
  }
  for (const setting of trustSettings) {
    const raw = view.get(setting.trust);
    const path = trustedCaPath(raw);
    if (path !== undefined) store(setting.trust, path, 'trust', [setting.password], 'rws');
    else if (asBoolean(raw) === true) out.push({ kind: 'cacerts', configKey: setting.trust });
  }
  const cassandra = presentText(view, 'cassandraCluster.trustStore');
  if (cassandra !== undefined && isTrue(view, 'cassandraCluster.useSSL')) {
    store(
      'cassandraCluster.trustStore',
      cassandra,
      'trust',
      ['cassandraCluster.truststorePassword', 'cassandraCluster.trustStorePassword'],
      'rws',
    );
  }
  return out;
}
