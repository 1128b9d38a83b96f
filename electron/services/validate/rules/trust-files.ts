// Trust files named by caCertificate and the *TrustedCA options: present, a format RWS reads,
// and opened with a password when they are keystores.
import type { OptionPath } from '../../../../shared/catalog/options';
import type { Severity } from '../../../../shared/diagnostics';
import type { Report } from '../../../../shared/rules/define';
import { isTrue, presentText } from '../../../../shared/rules/rule';
import { trustedCaPath, trustSettings } from '../../../../shared/rules/trust';
import { describeFormat } from '../../files/detect-format';
import { defineFileRule, probeProblem, shownPath, type FileRuleContext } from '../file-rule';

const findings = {
  'trust-ca-not-found': {
    severity: 'error',
    summary: 'a *TrustedCA path that does not exist (RWS exits during initialization)',
  },
  'ca-certificate-not-found': {
    severity: 'error',
    summary:
      'a caCertificate path that does not exist (warning unless onPremiseSettings.tlsEnabled)',
  },
  'trust-store-password-missing': {
    severity: 'error',
    summary: 'a JKS/PKCS12 trust file (by content) without its jksPassword / *JksPassword',
  },
  'trust-format-unsupported': {
    severity: 'warning',
    summary: 'a trust file that is neither a PEM certificate nor a JKS store by content',
  },
} as const;

interface TrustFile {
  option: OptionPath;
  passwordOption: OptionPath;
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

async function checkTrustFile(
  ctx: FileRuleContext,
  t: TrustFile,
  report: Report<keyof typeof findings>,
): Promise<void> {
  const { view } = ctx;
  const name = leaf(t.option);
  const notFoundRule =
    name === 'caCertificate'
      ? ('ca-certificate-not-found' as const)
      : ('trust-ca-not-found' as const);
  const probe = await ctx.probe(t.value);
  if (probe.kind !== 'file') {
    const what = probeProblem(probe);
    report({
      id: notFoundRule,
      path: t.option,
      message: `${name} ${shownPath(t.value, probe)} ${what}: ${t.missingConsequence}.`,
      fix: `Put the CA file (PEM or JKS) there, or point ${name} at it${name === 'caCertificate' ? '' : ' (true = JVM default CAs)'}.`,
      severity: t.missingSeverity,
    });
    return;
  }
  const { format, pemLabels } = probe.guess;
  const isStore = format === 'JKS' || format === 'JCEKS' || format === 'PKCS12';
  if (isStore && presentText(view, t.passwordOption) === undefined) {
    report({
      id: 'trust-store-password-missing',
      path: t.passwordOption,
      message: `${name} ${shownPath(t.value, probe)} is ${describeFormat(format)} (by content), but ${leaf(t.passwordOption)} is not set: RWS cannot open it.`,
      fix: `Add ${t.passwordOption} with the store password, ideally as CRYPT: (java -jar gir.jar --encrypt <password>).`,
    });
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
    report({
      id: 'trust-format-unsupported',
      path: t.option,
      message: `${name} ${shownPath(t.value, probe)} is ${detail}; RWS documents PEM and JKS trust files only.${compat}`,
      fix: 'Convert it to a PEM certificate file or a JKS truststore (keytool -importcert -file ca.pem -keystore ca.jks).',
    });
  }
}

export const trustFilesRules = defineFileRule({
  name: 'trust files',
  findings,
  async check(ctx, report) {
    await Promise.all(trustFiles(ctx).map((t) => checkTrustFile(ctx, t, report)));
  },
});
