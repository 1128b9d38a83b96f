// The content of the trust files the configuration names, as Java will see it: the password
// opens them, they hold certificates Java can see, and those are still valid. caCertificate also
// holds exactly one CA, as the guide requires.
import type { ConfigView } from '../../../../shared/config-view';
import type { Diagnostic } from '../../../../shared/diagnostics';
import { diagnostic, isTrue, presentText } from '../../../../shared/rules/rule';
import { trustedCaPath, trustSettings } from '../../../../shared/rules/trust';
import type { FileRuleContext, FileRuleModule } from '../file-rule';
import { describeOrUndefined, trustedCertificates, validityAt } from './certificate-facts';
import { openConfiguredStore, type ConfiguredStore } from './open-configured-store';

const CA_OPTION = 'serverSettings.caCertificate';
const TRUST_FORMATS = ['JKS', 'JCEKS', 'PKCS12', 'PEM'] as const;

function configuredTrustFiles(view: ConfigView): ConfiguredStore[] {
  const out: ConfiguredStore[] = [];
  const ca = presentText(view, CA_OPTION);
  if (ca !== undefined) {
    out.push({
      option: CA_OPTION,
      passwordOption: 'serverSettings.jksPassword',
      value: ca,
      formats: TRUST_FORMATS,
      reader: 'rws',
      consequence:
        'RWS cannot validate Configuration, SIP or Interaction Server certificates over TLS',
    });
  }
  for (const setting of trustSettings) {
    const path = trustedCaPath(view.get(setting.trust));
    if (path === undefined) continue;
    out.push({
      option: setting.trust,
      passwordOption: setting.password,
      value: path,
      formats: TRUST_FORMATS,
      reader: 'rws',
      consequence: `RWS cannot validate ${setting.peer} certificates`,
    });
  }
  const cassandra = presentText(view, 'cassandraCluster.trustStore');
  if (cassandra !== undefined && isTrue(view, 'cassandraCluster.useSSL')) {
    out.push({
      option: 'cassandraCluster.trustStore',
      passwordOption: 'cassandraCluster.truststorePassword',
      value: cassandra,
      formats: ['JKS', 'JCEKS', 'PKCS12'],
      reader: 'rws',
      consequence: 'RWS cannot connect to Cassandra over TLS',
    });
  }
  return out;
}

const REBUILD =
  'Extract the certificates (openssl pkcs12 -in FILE -nokeys -out ca.pem) and rebuild the trust file with rwsec kit trust --from ca.pem (or rwsec keystore import), which marks them trusted for Java.';

async function checkTrustStore(ctx: FileRuleContext, ref: ConfiguredStore): Promise<Diagnostic[]> {
  const { view } = ctx;
  const opened = await openConfiguredStore(ctx, ref, {
    wrongPassword: 'trust-store-wrong-password',
    unreadable: 'trust-store-unreadable',
    unchecked: 'trust-store-unchecked',
  });
  const { store, shown } = opened;
  if (!store) return opened.findings;
  const out = [...opened.findings];
  const name = ref.option;
  const trusted = trustedCertificates(store);
  const hidden = store.hiddenCertificates ?? [];
  if (trusted.length === 0 && hidden.length > 0) {
    out.push(
      diagnostic(
        view,
        'error',
        'trust-store-invisible-to-java',
        name,
        `${name} ${shown} is a PKCS12 file whose ${hidden.length} certificate${hidden.length === 1 ? ' lacks' : 's lack'} Java's trusted-certificate attribute (as openssl pkcs12 -export -nokeys writes them): Java sees 0 entries and TLS fails with "trustAnchors parameter must be non-empty".`,
        REBUILD,
      ),
    );
    return out;
  }
  if (trusted.length === 0) {
    out.push(
      diagnostic(
        view,
        'error',
        'trust-store-empty',
        name,
        `${name} ${shown} holds no trusted certificate: ${ref.consequence}.`,
        'Import the CA certificate that signed the peer (rwsec keystore import, or rwsec kit trust).',
      ),
    );
    return out;
  }
  const now = Date.now();
  const described = trusted.map((t) => ({ ...t, d: describeOrUndefined(t.cert) }));
  for (const { alias, d } of described) {
    if (!d) continue;
    const validity = validityAt(d, now);
    if (validity.state !== 'expired') continue;
    out.push(
      diagnostic(
        view,
        'warning',
        'trust-certificate-expired',
        name,
        `${name} ${shown}: the trusted certificate "${alias}" (${d.subject}) expired on ${validity.notAfter}; chains ending at it are rejected.`,
        'Replace it with the CA certificate currently in use and remove the expired one.',
      ),
    );
  }
  if (name !== CA_OPTION) return out;
  if (described.length > 1) {
    const subjects = described.map((x) => x.d?.subject ?? x.alias).join('; ');
    out.push(
      diagnostic(
        view,
        'warning',
        'ca-certificate-several',
        name,
        `${name} ${shown} holds ${described.length} certificates (${subjects}), but the guide says only a single CA is used: which one RWS uses is UNKNOWN.`,
        'Keep only the CA that signed the Configuration, SIP and Interaction Server certificates (rwsec kit trust --target config-server).',
      ),
    );
  } else {
    const only = described[0]?.d;
    if (only && !only.isCA) {
      out.push(
        diagnostic(
          view,
          'warning',
          'ca-certificate-not-ca',
          name,
          `${name} ${shown} holds ${only.subject}, which is not a CA certificate (no CA flag): it only works if it is the server's own certificate.`,
          'Use the certificate of the CA that signed the Configuration, SIP and Interaction Server certificates.',
        ),
      );
    }
  }
  return out;
}

export const trustStoreContent: FileRuleModule = {
  info: [
    {
      id: 'trust-store-wrong-password',
      severity: 'error',
      summary:
        'the jksPassword / *JksPassword / truststorePassword does not open its JKS/PKCS12 trust file',
    },
    {
      id: 'trust-store-unreadable',
      severity: 'error',
      summary: 'a trust file is damaged or truncated',
    },
    {
      id: 'trust-store-unchecked',
      severity: 'info',
      summary: 'a trust file could not be (fully) checked, e.g. its password is CRYPT:',
    },
    {
      id: 'trust-store-empty',
      severity: 'error',
      summary: 'a trust file holds no trusted certificate',
    },
    {
      id: 'trust-store-invisible-to-java',
      severity: 'error',
      summary:
        'a PKCS12 trust file whose certificates lack the Java trusted attribute (Java sees 0 entries)',
    },
    {
      id: 'trust-certificate-expired',
      severity: 'warning',
      summary: 'a trust file holds an expired certificate',
    },
    {
      id: 'ca-certificate-several',
      severity: 'warning',
      summary:
        'caCertificate holds several certificates; only a single CA is used (which: UNKNOWN)',
    },
    {
      id: 'ca-certificate-not-ca',
      severity: 'warning',
      summary: 'caCertificate holds a certificate without the CA flag',
    },
  ],
  async rule(ctx) {
    const files = configuredTrustFiles(ctx.view);
    return (await Promise.all(files.map((ref) => checkTrustStore(ctx, ref)))).flat();
  },
};
