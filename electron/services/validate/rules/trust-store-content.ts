// The content of the trust files the configuration names, as Java will see it: the password
// opens them, they hold certificates Java can see, and those are still valid. caCertificate also
// holds exactly one CA, as the guide requires.
import type { OptionPath } from '../../../../shared/catalog/options';
import type { ConfigView } from '../../../../shared/config-view';
import type { Report } from '../../../../shared/rules/define';
import { isTrue, presentText } from '../../../../shared/rules/rule';
import { trustedCaPath, trustSettings } from '../../../../shared/rules/trust';
import { defineFileRule, type FileRuleContext } from '../file-rule';
import { describeOrUndefined, trustedCertificates, validityAt } from './certificate-facts';
import { openConfiguredStore, type ConfiguredStore } from './open-configured-store';

/** Findings name at most this many certificates; a 10,000-certificate bundle stays one line. */
const MAX_LISTED = 5;

/** The first MAX_LISTED items and how many more: "a; b; c; d; e; and 9,995 more". */
function someOf(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('; ');
  const rest = items.length - MAX_LISTED;
  return rest > 0 ? `${shown}; and ${rest.toLocaleString('en-US')} more` : shown;
}

const CA_OPTION: OptionPath = 'serverSettings.caCertificate';
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

const findings = {
  'trust-store-wrong-password': {
    severity: 'error',
    summary:
      'the jksPassword / *JksPassword / truststorePassword does not open its JKS/PKCS12 trust file',
  },
  'trust-store-unreadable': { severity: 'error', summary: 'a trust file is damaged or truncated' },
  'trust-store-unchecked': {
    severity: 'info',
    summary: 'a trust file could not be (fully) checked, e.g. its password is CRYPT:',
  },
  'trust-store-empty': { severity: 'error', summary: 'a trust file holds no trusted certificate' },
  'trust-store-invisible-to-java': {
    severity: 'error',
    summary:
      'a PKCS12 trust file whose certificates lack the Java trusted attribute (Java sees 0 entries)',
  },
  'trust-certificate-expired': {
    severity: 'warning',
    summary: 'a trust file holds an expired certificate',
  },
  'ca-certificate-several': {
    severity: 'warning',
    summary: 'caCertificate holds several certificates; only a single CA is used (which: UNKNOWN)',
  },
  'ca-certificate-not-ca': {
    severity: 'warning',
    summary: 'caCertificate holds a certificate without the CA flag',
  },
} as const;

async function checkTrustStore(
  ctx: FileRuleContext,
  ref: ConfiguredStore,
  report: Report<keyof typeof findings>,
): Promise<void> {
  const opened = await openConfiguredStore(
    ctx,
    ref,
    {
      wrongPassword: 'trust-store-wrong-password',
      unreadable: 'trust-store-unreadable',
      unchecked: 'trust-store-unchecked',
    },
    report,
  );
  const { store, shown } = opened;
  if (!store) return;
  const name = ref.option;
  const trusted = trustedCertificates(store);
  const hidden = store.hiddenCertificates ?? [];
  if (trusted.length === 0 && hidden.length > 0) {
    report({
      id: 'trust-store-invisible-to-java',
      path: name,
      message: `${name} ${shown} is a PKCS12 file whose ${hidden.length} certificate${hidden.length === 1 ? ' lacks' : 's lack'} Java's trusted-certificate attribute (as openssl pkcs12 -export -nokeys writes them): Java sees 0 entries and TLS fails with "trustAnchors parameter must be non-empty".`,
      fix: REBUILD,
    });
    return;
  }
  if (trusted.length === 0) {
    report({
      id: 'trust-store-empty',
      path: name,
      message: `${name} ${shown} holds no trusted certificate: ${ref.consequence}.`,
      fix: 'Import the CA certificate that signed the peer (rwsec keystore import, or rwsec kit trust).',
    });
    return;
  }
  const now = Date.now();
  const described = trusted.map((t) => ({ ...t, d: describeOrUndefined(t.cert) }));
  const expired = described.flatMap(({ alias, d }) => {
    const validity = d ? validityAt(d, now) : undefined;
    return d && validity?.state === 'expired' ? [{ alias, d, notAfter: validity.notAfter }] : [];
  });
  const expiredText = (e: (typeof expired)[number]) =>
    `"${e.alias}" (${e.d.subject}) on ${e.notAfter}`;
  // A bundle of thousands of expired certificates gets one finding, not one line each.
  if (expired.length > MAX_LISTED) {
    report({
      id: 'trust-certificate-expired',
      path: name,
      message: `${name} ${shown}: ${expired.length.toLocaleString('en-US')} trusted certificates expired (${someOf(expired.map(expiredText))}); chains ending at them are rejected.`,
      fix: 'Replace them with the CA certificates currently in use and remove the expired ones.',
    });
  } else {
    for (const e of expired) {
      report({
        id: 'trust-certificate-expired',
        path: name,
        message: `${name} ${shown}: the trusted certificate "${e.alias}" (${e.d.subject}) expired on ${e.notAfter}; chains ending at it are rejected.`,
        fix: 'Replace it with the CA certificate currently in use and remove the expired one.',
      });
    }
  }
  if (name !== CA_OPTION) return;
  if (described.length > 1) {
    const subjects = someOf(described.map((x) => x.d?.subject ?? x.alias));
    report({
      id: 'ca-certificate-several',
      path: name,
      message: `${name} ${shown} holds ${described.length.toLocaleString('en-US')} certificates (${subjects}), but the guide says only a single CA is used: which one RWS uses is UNKNOWN.`,
      fix: 'Keep only the CA that signed the Configuration, SIP and Interaction Server certificates (rwsec kit trust --target config-server).',
    });
  } else {
    const only = described[0]?.d;
    if (only && !only.isCA) {
      report({
        id: 'ca-certificate-not-ca',
        path: name,
        message: `${name} ${shown} holds ${only.subject}, which is not a CA certificate (no CA flag): it only works if it is the server's own certificate.`,
        fix: 'Use the certificate of the CA that signed the Configuration, SIP and Interaction Server certificates.',
      });
    }
  }
}

export const trustStoreContent = defineFileRule({
  name: 'trust store content',
  findings,
  async check(ctx, report) {
    const files = configuredTrustFiles(ctx.view);
    await Promise.all(files.map((ref) => checkTrustStore(ctx, ref, report)));
  },
});
