// Fixes that are a wizard or a page rather than an edit: a plain-text password opens the secret
// wizard on that option ("Obfuscate…" for Jetty's keystore password, "Encrypt with gir.jar…" for
// the passwords RWS reads), a missing trust file the trust wizard for that peer, a missing Cassandra
// truststore the Cassandra kit, and a store that does not open or holds the wrong thing the
// keystore manager on it. The rules stay pure; which screen fixes a finding is the UI's concern.
import { options } from '../../shared/catalog/options';
import type { Diagnostic } from '../../shared/diagnostics';
import { deobfuscate } from '../../shared/secrets/obf';
import type { PageRequest } from '../pages/keystores/page-requests';

export interface FixAction {
  label: string;
  request: PageRequest;
}

type Trust = 'config-server' | 'webdav' | 'rcs' | 'speechminer';

/** Each store option, its password option, and the trust wizard's target where it has one. */
const stores: { store: string; password: string; trust?: Trust }[] = [
  { store: 'ssl.keyStorePath', password: 'ssl.keyStorePassword' },
  {
    store: 'serverSettings.caCertificate',
    password: 'serverSettings.jksPassword',
    trust: 'config-server',
  },
  {
    store: 'serverSettings.webDAVTrustedCA',
    password: 'serverSettings.webDAVJksPassword',
    trust: 'webdav',
  },
  { store: 'serverSettings.rcsTrustedCA', password: 'serverSettings.rcsJksPassword', trust: 'rcs' },
  {
    store: 'serverSettings.speechMinerTrustedCA',
    password: 'serverSettings.speechMinerJksPassword',
    trust: 'speechminer',
  },
  { store: 'cassandraCluster.trustStore', password: 'cassandraCluster.truststorePassword' },
];

/** Findings about a store that exists but is wrong inside: the keystore manager shows why. */
const openStoreRules = new Set<string>([
  'ssl-keystore-wrong-password',
  'ssl-keystore-no-key',
  'ssl-keystore-several-keys',
  'ssl-certificate-expired',
  'ssl-certificate-expiring',
  'ssl-certificate-weak',
  'ssl-certificate-no-san',
  'trust-store-wrong-password',
  'trust-store-empty',
  'trust-store-invisible-to-java',
  'trust-certificate-expired',
  'ca-certificate-several',
  'ca-certificate-not-ca',
]);

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function secretFix(d: Diagnostic, valueOf: (path: string) => unknown): FixAction | null {
  const spec = options.find((o) => o.path === d.path && o.type === 'secret');
  if (!spec) return null;
  const value = text(valueOf(d.path));
  // What the user would type: the plain value, or the password inside an OBF: RWS cannot read.
  let password: string | undefined;
  if (d.rule === 'secret-plain-text') password = value;
  else if (d.rule === 'secret-form-unsupported') {
    try {
      password = deobfuscate(value);
    } catch {
      password = undefined;
    }
  } else if (d.rule !== 'secret-one-way-hash') return null;
  const obf = (spec.secretForms ?? []).includes('OBF');
  const form = obf ? 'OBF' : 'CRYPT';
  return {
    label: obf ? 'Obfuscate…' : 'Encrypt with gir.jar…',
    request: {
      page: 'wizards',
      prefill: { wizard: 'secret', form, field: d.path, ...(password ? { password } : {}) },
    },
  };
}

export function fixActionFor(d: Diagnostic, valueOf: (path: string) => unknown): FixAction | null {
  if (d.rule.startsWith('secret-')) return secretFix(d, valueOf);
  const entry = stores.find((s) => s.store === d.path || s.password === d.path);
  if (!entry) return null;
  const path = text(valueOf(entry.store)).trim();
  if (openStoreRules.has(d.rule) && path !== '') {
    return { label: 'Open keystore', request: { page: 'keystores', path, configKey: entry.store } };
  }
  if ((d.rule === 'trust-ca-not-found' || d.rule === 'ca-certificate-not-found') && entry.trust) {
    return {
      label: 'Make a truststore…',
      request: {
        page: 'wizards',
        prefill: { wizard: 'trust', target: entry.trust, ...(path ? { out: path } : {}) },
      },
    };
  }
  if (d.rule === 'cassandra-truststore-not-found' || d.rule === 'cassandra-truststore-missing') {
    const nodes = valueOf('cassandraCluster.nodes');
    return {
      label: 'Make a Cassandra kit…',
      request: { page: 'wizards', prefill: { wizard: 'cassandra', nodes: text(nodes) } },
    };
  }
  if (d.rule === 'ssl-keystore-not-found' || d.rule === 'ssl-keystore-missing') {
    return {
      label: 'Make a keystore…',
      request: {
        page: 'wizards',
        prefill: { wizard: 'https', ...(path ? { keystore: path } : {}) },
      },
    };
  }
  return null;
}
