// The HTTPS keystore's content, opened the way Jetty opens it: password, key entry, and the
// server certificate's dates, strength and host names.
import type { ConfigView } from '../../../../shared/config-view';
import type { Diagnostic } from '../../../../shared/diagnostics';
import { diagnostic, presentText, sslEnabled } from '../../../../shared/rules/rule';
import type { KeyEntry } from '../../keystore/model';
import type { FileRuleModule } from '../file-rule';
import {
  describeOrUndefined,
  EXPIRY_WARNING_DAYS,
  hostNames,
  validityAt,
  weaknesses,
} from './certificate-facts';
import { openConfiguredStore } from './open-configured-store';

const PATH = 'ssl.keyStorePath';
const RENEW =
  'Renew the certificate (rwsec keystore csr, have it signed, rwsec keystore import the reply) or create a new one with rwsec kit https, then restart RWS.';

function certificateFindings(
  ctxView: ConfigView,
  entry: KeyEntry,
  shown: string,
  now: number,
): Diagnostic[] {
  const leaf = entry.chain[0];
  const d = leaf && describeOrUndefined(leaf);
  if (!d) return [];
  const out: Diagnostic[] = [];
  const what = `The certificate of key entry "${entry.alias}" (${d.subject}) in ${shown}`;
  const validity = validityAt(d, now);
  if (validity.state === 'expired') {
    out.push(
      diagnostic(
        ctxView,
        'error',
        'ssl-certificate-expired',
        PATH,
        `${what} expired on ${validity.notAfter}: every HTTPS client rejects it.`,
        RENEW,
      ),
    );
  } else if (validity.state === 'expiring') {
    out.push(
      diagnostic(
        ctxView,
        'warning',
        'ssl-certificate-expiring',
        PATH,
        `${what} expires on ${validity.notAfter}, in ${validity.days} day${validity.days === 1 ? '' : 's'} (less than ${EXPIRY_WARNING_DAYS}).`,
        RENEW,
      ),
    );
  }
  const weak = weaknesses(d);
  if (weak.length > 0) {
    out.push(
      diagnostic(
        ctxView,
        'warning',
        'ssl-certificate-weak',
        PATH,
        `${what} has ${weak.join(' and ')}. The guide's older Cassandra example uses 1024-bit RSA: do not copy it.`,
        'Create a new key and certificate with RSA 2048+ or EC P-256 and SHA-256 (rwsec kit https, or keytool -keyalg RSA -keysize 2048).',
      ),
    );
  }
  if (!d.isCA && hostNames(d).length === 0) {
    out.push(
      diagnostic(
        ctxView,
        'warning',
        'ssl-certificate-no-san',
        PATH,
        `${what} has no Subject Alternative Name: browsers and RFC 6125 clients (Java included) ignore the CN, so they reject the host name.`,
        'Issue the certificate with SAN dns:<host name> (and ip:<address> if clients use it), e.g. rwsec kit https --san dns:rws.example.com.',
      ),
    );
  }
  return out;
}

export const sslKeystoreContent: FileRuleModule = {
  info: [
    {
      id: 'ssl-keystore-wrong-password',
      severity: 'error',
      summary: 'ssl.keyStorePassword (plain or OBF:) does not open the ssl.keyStorePath file',
    },
    {
      id: 'ssl-keystore-unreadable',
      severity: 'error',
      summary: 'the ssl.keyStorePath file is damaged or truncated',
    },
    {
      id: 'ssl-keystore-unchecked',
      severity: 'info',
      summary: 'the ssl.keyStorePath file could not be opened here (unsupported content)',
    },
    {
      id: 'ssl-keystore-no-key',
      severity: 'error',
      summary: 'the HTTPS keystore holds no private-key entry (Jetty needs one)',
    },
    {
      id: 'ssl-keystore-several-keys',
      severity: 'info',
      summary:
        'the HTTPS keystore holds several key entries; Jetty picks the first unless certAlias is set',
    },
    {
      id: 'ssl-certificate-expired',
      severity: 'error',
      summary: 'the HTTPS server certificate has expired',
    },
    {
      id: 'ssl-certificate-expiring',
      severity: 'warning',
      summary: `the HTTPS server certificate expires within ${EXPIRY_WARNING_DAYS} days`,
    },
    {
      id: 'ssl-certificate-weak',
      severity: 'warning',
      summary:
        'the HTTPS server certificate has an RSA key below 2048 bits or a SHA-1/MD5 signature',
    },
    {
      id: 'ssl-certificate-no-san',
      severity: 'warning',
      summary: 'the HTTPS server certificate has no Subject Alternative Name (the CN is ignored)',
    },
  ],
  async rule(ctx): Promise<Diagnostic[]> {
    const { view } = ctx;
    const path = presentText(view, PATH);
    if (!sslEnabled(view) || path === undefined) return [];
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
    );
    const { store, shown } = opened;
    if (!store) return opened.findings;
    const out = [...opened.findings];
    const keys = store.entries.filter((e): e is KeyEntry => e.kind === 'key');
    if (keys.length === 0) {
      const trusted = store.entries.length;
      out.push(
        diagnostic(
          view,
          'error',
          'ssl-keystore-no-key',
          PATH,
          `${PATH} ${shown} opens but holds no private-key entry (${trusted} trusted certificate${trusted === 1 ? '' : 's'} only): Jetty needs the server's key and certificate to start HTTPS.`,
          'Import the server key with its certificate chain (rwsec keystore import --key KEY.pem --cert CHAIN.pem --alias jetty) or create one with rwsec kit https.',
        ),
      );
      return out;
    }
    if (keys.length > 1) {
      out.push(
        diagnostic(
          view,
          'info',
          'ssl-keystore-several-keys',
          PATH,
          `${PATH} ${shown} holds ${keys.length} key entries (${keys.map((k) => k.alias).join(', ')}): Jetty serves the first one Java lists unless certAlias is set in its SSL configuration.`,
          'Keep only the server key entry in this keystore (rwsec keystore delete), or set certAlias to its lower-case alias.',
        ),
      );
    }
    const now = Date.now();
    for (const entry of keys) out.push(...certificateFindings(view, entry, shown, now));
    return out;
  },
};
