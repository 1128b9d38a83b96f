// The rule shape shared by every store file RWS or Jetty opens itself: when the section is on and
// the path is given, the file must exist and be a Java keystore by content.
import type { ConfigView } from '../../../../shared/config-view';
import type { Diagnostic } from '../../../../shared/diagnostics';
import { diagnostic, presentText } from '../../../../shared/rules/rule';
import { describeFormat } from '../../files/detect-format';
import { probeProblem, shownPath, type FileRuleModule } from '../file-rule';

interface Finding {
  id: string;
  /** The rule's one-line description in the rules list. */
  summary: string;
  fix: string;
}

export interface KeystoreFileRuleOptions {
  /** The configuration path naming the file, e.g. ssl.keyStorePath. */
  path: string;
  /** Whether the server opens the file at all with this configuration. */
  enabled(view: ConfigView): boolean;
  notFound: Finding & {
    /** What the server cannot do without the file, ending the message. */
    consequence: string;
  };
  wrongFormat: Finding & {
    /** Follows "PATH is <format>, " in the message. */
    notKeystore: string;
  };
}

export function keystoreFileRule(options: KeystoreFileRuleOptions): FileRuleModule {
  const { path: key, notFound, wrongFormat } = options;
  return {
    info: [
      { id: notFound.id, severity: 'error', summary: notFound.summary },
      { id: wrongFormat.id, severity: 'error', summary: wrongFormat.summary },
    ],
    async rule(ctx): Promise<Diagnostic[]> {
      const { view } = ctx;
      const path = presentText(view, key);
      if (!options.enabled(view) || path === undefined) return [];
      const probe = await ctx.probe(path);
      if (probe.kind !== 'file') {
        const what = probeProblem(probe);
        return [
          diagnostic(
            view,
            'error',
            notFound.id,
            key,
            `${key} ${shownPath(path, probe)} ${what}: ${notFound.consequence}`,
            notFound.fix,
          ),
        ];
      }
      const { format } = probe.guess;
      if (format === 'JKS' || format === 'PKCS12' || format === 'JCEKS') return [];
      return [
        diagnostic(
          view,
          'error',
          wrongFormat.id,
          key,
          `${key} ${shownPath(path, probe)} is ${describeFormat(format)}, ${wrongFormat.notKeystore}`,
          wrongFormat.fix,
        ),
      ];
    },
  };
}
