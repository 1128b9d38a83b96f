// The HTTPS keystore's content, opened the way Jetty opens it: password, key entry, and the
// server certificate's dates, strength and host names.
import type { OptionPath } from '../../../../shared/catalog/options';
import type { Report } from '../../../../shared/rules/define';
import { presentText, sslEnabled } from '../../../../shared/rules/rule';
import type { KeyEntry } from '../../keystore/model';
import { defineFileRule } from '../file-rule';
import {
  describeOrUndefined,
  EXPIRY_WARNING_DAYS,
  hostNames,
  validityAt,
  weaknesses,
} from './certificate-facts';
import { openConfiguredStore } from './open-configured-store';

const PATH: OptionPath = 'ssl.keyStorePath';
const RENEW =
  'Renew the certificate (rwsec keystore csr, have it signed, rwsec keystore import the reply) or create a new one with rwsec kit https, then restart RWS.';

type CertificateId =
  | 'ssl-certificate-expired'
  | 'ssl-certificate-expiring'
  | 'ssl-certificate-weak'
  | 'ssl-certificate-no-san';

function certificateFindings(
  entry: KeyEntry,
  shown: string,
  now: number,
  report: Report<CertificateId>,
): void {
  const leaf = entry.chain[0];
  const d = leaf && describeOrUndefined(leaf);
  if (!d) return;
  const what = `The certificate of key entry "${entry.alias}" (${d.subject}) in ${shown}`;
  const validity = validityAt(d, now);
  if (validity.state === 'expired') {
    report({
      id: 'ssl-certificate-expired',
      path: PATH,
      message: `${what} expired on ${validity.notAfter}: every HTTPS client rejects it.`,
      fix: RENEW,
    });
  } else if (validity.state === 'expiring') {
    report({
      id: 'ssl-certificate-expiring',
      path: PATH,
      message: `${what} expires on ${validity.notAfter}, in ${validity.days} day${validity.days === 1 ? '' : 's'} (less than ${EXPIRY_WARNING_DAYS}).`,
      fix: RENEW,
    });
  }
  const weak = weaknesses(d);
  if (weak.length > 0) {
    report({
      id: 'ssl-certificate-weak',
      path: PATH,
      message: `${what} has ${weak.join(' and ')}. The guide's older Cassandra example uses 1024-bit RSA: do not copy it.`,
      fix: 'Create a new key and certificate with RSA 2048+ or EC P-256 and SHA-256 (rwsec kit https, or keytool -keyalg RSA -keysize 2048).',
    });
  }
  if (!d.isCA && hostNames(d).length === 0) {
    report({
      id: 'ssl-certificate-no-san',
      path: PATH,
      message: `${what} has no Subject Alternative Name: browsers and RFC 6125 clients (Java included) ignore the CN, so they reject the host name.`,
      fix: 'Issue the certificate with SAN dns:<host name> (and ip:<address> if clients use it), e.g. rwsec kit https --san dns:rws.example.com.',
    });
  }
}

export const sslKeystoreContent = defineFileRule({
  name: 'ssl keystore content',
  findings: {
    'ssl-keystore-wrong-password': {
      severity: 'error',
      summary: 'ssl.keyStorePassword (plain or OBF:) does not open the ssl.keyStorePath file',
    },
    'ssl-keystore-unreadable': {
      severity: 'error',
      summary: 'the ssl.keyStorePath file is damaged or truncated',
    },
    'ssl-keystore-unchecked': {
      severity: 'info',
      summary: 'the ssl.keyStorePath file could not be opened here (unsupported content)',
    },
    'ssl-keystore-no-key': {
      severity: 'error',
      summary: 'the HTTPS keystore holds no private-key entry (Jetty needs one)',
    },
    'ssl-keystore-several-keys': {
      severity: 'info',
      summary:
        'the HTTPS keystore holds several key entries; Jetty picks the first unless certAlias is set',
    },
    'ssl-certificate-expired': {
      severity: 'error',
      summary: 'the HTTPS server certificate has expired',
    },
    'ssl-certificate-expiring': {
      severity: 'warning',
      summary: `the HTTPS server certificate expires within ${EXPIRY_WARNING_DAYS} days`,
    },
    'ssl-certificate-weak': {
      severity: 'warning',
      summary:
        'the HTTPS server certificate has an RSA key below 2048 bits or a SHA-1/MD5 signature',
    },
    'ssl-certificate-no-san': {
      severity: 'warning',
      summary: 'the HTTPS server certificate has no Subject Alternative Name (the CN is ignored)',
    },
  },
  async check(ctx, report) {
    const { view } = ctx;
    const path = presentText(view, PATH);
    if (!sslEnabled(view) || path === undefined) return;
    const opened = await openConfiguredStore(
      ctx,
      {
        option: PATH,
        passwordOption: 'ssl.keyStorePassword',
        value: path,
        formats: ['JKS', 'JCEKS', 'PKCS12'],
        reader: 'jetty',
        consequence: 'Jetty cannot start HTTPS',
      },
      {
        wrongPassword: 'ssl-keystore-wrong-password',
        unreadable: 'ssl-keystore-unreadable',
        unchecked: 'ssl-keystore-unchecked',
      },
      report,
    );
    const { store, shown } = opened;
    if (!store) return;
    const keys = store.entries.filter((e): e is KeyEntry => e.kind === 'key');
    if (keys.length === 0) {
      const trusted = store.entries.length;
      report({
        id: 'ssl-keystore-no-key',
        path: PATH,
        message: `${PATH} ${shown} opens but holds no private-key entry (${trusted} trusted certificate${trusted === 1 ? '' : 's'} only): Jetty needs the server's key and certificate to start HTTPS.`,
        fix: 'Import the server key with its certificate chain (rwsec keystore import --key KEY.pem --cert CHAIN.pem --alias jetty) or create one with rwsec kit https.',
      });
      return;
    }
    if (keys.length > 1) {
      report({
        id: 'ssl-keystore-several-keys',
        path: PATH,
        message: `${PATH} ${shown} holds ${keys.length} key entries (${keys.map((k) => k.alias).join(', ')}): Jetty serves the first one Java lists unless certAlias is set in its SSL configuration.`,
        fix: 'Keep only the server key entry in this keystore (rwsec keystore delete), or set certAlias to its lower-case alias.',
      });
    }
    const now = Date.now();
    for (const entry of keys) certificateFindings(entry, shown, now, report);
  },
});
