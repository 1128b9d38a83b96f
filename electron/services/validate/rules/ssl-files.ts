// The HTTPS keystore file: present, and a Java keystore by content.
import { diagnostic, presentText, sslEnabled } from '../../../../shared/rules/rule';
import type { Diagnostic } from '../../../../shared/diagnostics';
import { describeFormat } from '../../files/detect-format';
import { probeProblem, shownPath, type FileRuleModule } from '../file-rule';

const PATH = 'ssl.keyStorePath';

export const sslFiles: FileRuleModule = {
  info: [
    {
      id: 'ssl-keystore-not-found',
      severity: 'error',
      summary: 'enableSsl is true but the ssl.keyStorePath file does not exist',
    },
    {
      id: 'ssl-keystore-format',
      severity: 'error',
      summary: 'the ssl.keyStorePath file is not a Java keystore (JKS or PKCS12) by content',
    },
  ],
  async rule(ctx): Promise<Diagnostic[]> {
    const { view } = ctx;
    const path = presentText(view, PATH);
    if (!sslEnabled(view) || path === undefined) return [];
    const probe = await ctx.probe(path);
    if (probe.kind !== 'file') {
      const what = probeProblem(probe);
      return [
        diagnostic(
          view,
          'error',
          'ssl-keystore-not-found',
          PATH,
          `ssl.keyStorePath ${shownPath(path, probe)} ${what}: Jetty cannot start HTTPS.`,
          'Point ssl.keyStorePath at the keystore file (relative paths start at the folder of application.yaml), or create it.',
        ),
      ];
    }
    const { format } = probe.guess;
    if (format === 'JKS' || format === 'PKCS12' || format === 'JCEKS') return [];
    return [
      diagnostic(
        view,
        'error',
        'ssl-keystore-format',
        PATH,
        `ssl.keyStorePath ${shownPath(path, probe)} is ${describeFormat(format)}, not a Java keystore: Jetty needs a JKS or PKCS12 store holding the key and certificate.`,
        'Import the key and certificate into a JKS or PKCS12 keystore (alias jetty) and point ssl.keyStorePath at it.',
      ),
    ];
  },
};
