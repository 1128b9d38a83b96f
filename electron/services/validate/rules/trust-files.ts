// Trust files named by caCertificate and the *TrustedCA options: present, a format RWS reads,
// and opened with a password when they are keystores.
import type { Diagnostic, Severity } from '../../../../shared/diagnostics';
import { diagnostic, isTrue, presentText } from '../../../../shared/rules/rule';
import { trustedCaPath, trustSettings } from '../../../../shared/rules/trust';
import { describeFormat } from '../../files/detect-format';
import { probeProblem, shownPath, type FileRuleContext, type FileRuleModule } from '../file-rule';

interface TrustFile {
  option: string;
  passwordOption: string;
  value: string;
  /** Severity when the file is missing, and why. */
  missingSeverity: Severity;
  missingConsequence: string;
}

function leaf(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

function trustFiles(ctx: FileRuleContext): TrustFile[] {
  const { view } = ctx;
  const out: TrustFile[] = [];
  const ca = presentText(view, 'serverSettings.caCertificate');
  if (ca !== undefined) {
    // Whether connections to Configuration/SIP/Interaction Server use TLS is only visible here
    // for the sync node's first connection; the rest is set in Configuration Server.
    const tls = isTrue(view, 'onPremiseSettings.tlsEnabled');
    out.push({
      option: 'serverSettings.caCertificate',
      passwordOption: 'serverSettings.jksPassword',
      value: ca,
      missingSeverity: tls ? 'error' : 'warning',
      missingConsequence: tls
        ? 'the TLS connection to Configuration Server cannot be validated'
        : 'TLS connections to Configuration, SIP or Interaction Server (when Configuration Server sets them up) cannot be validated',
    });
  }
  for (const setting of trustSettings) {
    const path = trustedCaPath(view.get(setting.trust));
    if (path === undefined) continue;
    out.push({
      option: setting.trust,
      passwordOption: setting.password,
      value: path,
      missingSeverity: 'error',
      missingConsequence: 'RWS exits during initialization',
    });
  }
  return out;
}

async function checkTrustFile(ctx: FileRuleContext, t: TrustFile): Promise<Diagnostic[]> {
  const { view } = ctx;
  const name = leaf(t.option);
  const notFoundRule = name === 'caCertificate' ? 'ca-certificate-not-found' : 'trust-ca-not-found';
  const probe = await ctx.probe(t.value);
  if (probe.kind !== 'file') {
    const what = probeProblem(probe);
    return [
      diagnostic(
        view,
        t.missingSeverity,
        notFoundRule,
        t.option,
        `${name} ${shownPath(t.value, probe)} ${what}: ${t.missingConsequence}.`,
        `Put the CA file (PEM or JKS) there, or point ${name} at it${name === 'caCertificate' ? '' : ' (true = JVM default CAs)'}.`,
      ),
    ];
  }
  const { format, pemLabels } = probe.guess;
  const out: Diagnostic[] = [];
  const isStore = format === 'JKS' || format === 'JCEKS' || format === 'PKCS12';
  if (isStore && presentText(view, t.passwordOption) === undefined) {
    out.push(
      diagnostic(
        view,
        'error',
        'trust-store-password-missing',
        t.passwordOption,
        `${name} ${shownPath(t.value, probe)} is ${describeFormat(format)} (by content), but ${leaf(t.passwordOption)} is not set: RWS cannot open it.`,
        `Add ${t.passwordOption} with the store password, ideally as CRYPT: (java -jar gir.jar --encrypt <password>).`,
      ),
    );
  }
  const pemWithCert = format === 'PEM' && pemLabels.some((l) => /CERTIFICATE$/.test(l));
  if (format !== 'JKS' && !pemWithCert) {
    const detail =
      format === 'PEM'
        ? `PEM without a CERTIFICATE block (${pemLabels.join(', ')})`
        : describeFormat(format);
    const compat =
      format === 'PKCS12' || format === 'JCEKS'
        ? ' Java 9+ may still read it in JKS compatibility mode.'
        : '';
    out.push(
      diagnostic(
        view,
        'warning',
        'trust-format-unsupported',
        t.option,
        `${name} ${shownPath(t.value, probe)} is ${detail}; RWS documents PEM and JKS trust files only.${compat}`,
        'Convert it to a PEM certificate file or a JKS truststore (keytool -importcert -file ca.pem -keystore ca.jks).',
      ),
    );
  }
  return out;
}

export const trustFilesRules: FileRuleModule = {
  info: [
    {
      id: 'trust-ca-not-found',
      severity: 'error',
      summary: 'a *TrustedCA path that does not exist (RWS exits during initialization)',
    },
    {
      id: 'ca-certificate-not-found',
      severity: 'error',
      summary:
        'a caCertificate path that does not exist (warning unless onPremiseSettings.tlsEnabled)',
    },
    {
      id: 'trust-store-password-missing',
      severity: 'error',
      summary: 'a JKS/PKCS12 trust file (by content) without its jksPassword / *JksPassword',
    },
    {
      id: 'trust-format-unsupported',
      severity: 'warning',
      summary: 'a trust file that is neither a PEM certificate nor a JKS store by content',
    },
  ],
  async rule(ctx) {
    const files = trustFiles(ctx);
    return (await Promise.all(files.map((t) => checkTrustFile(ctx, t)))).flat();
  },
};
