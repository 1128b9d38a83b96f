// The rule shape shared by every store file RWS or Jetty opens itself: when the section is on and
// the path is given, the file must exist and be a Java keystore by content.
import type { OptionPath } from '../../../../shared/catalog/options';
import type { ConfigView } from '../../../../shared/config-view';
import { presentText } from '../../../../shared/rules/rule';
import { describeFormat } from '../../files/detect-format';
import { defineFileRule, probeProblem, shownPath, type FileRule } from '../file-rule';

interface Finding<Id extends string> {
  id: Id;
  /** The rule's one-line description in the rules list. */
  summary: string;
  fix: string;
}

export interface KeystoreFileRuleOptions<NotFound extends string, WrongFormat extends string> {
  /** The configuration path naming the file, e.g. ssl.keyStorePath. */
  path: OptionPath;
  /** Whether the server opens the file at all with this configuration. */
  enabled(view: ConfigView): boolean;
  notFound: Finding<NotFound> & {
    /** What the server cannot do without the file, ending the message. */
    consequence: string;
  };
  wrongFormat: Finding<WrongFormat> & {
    /** Follows "PATH is <format>, " in the message. */
    notKeystore: string;
  };
}

export function keystoreFileRule<NotFound extends string, WrongFormat extends string>(
  options: KeystoreFileRuleOptions<NotFound, WrongFormat>,
): FileRule<NotFound | WrongFormat> {
  const { path: key, notFound, wrongFormat } = options;
  const findings = {
    [notFound.id]: { severity: 'error', summary: notFound.summary },
    [wrongFormat.id]: { severity: 'error', summary: wrongFormat.summary },
  } as { [K in NotFound | WrongFormat]: { severity: 'error'; summary: string } };
  return defineFileRule({
    name: `${key} file`,
    findings,
    async check(ctx, report) {
      const { view } = ctx;
      const path = presentText(view, key);
      if (!options.enabled(view) || path === undefined) return;
      const probe = await ctx.probe(path);
      if (probe.kind !== 'file') {
        report({
          id: notFound.id,
          path: key,
          message: `${key} ${shownPath(path, probe)} ${probeProblem(probe)}: ${notFound.consequence}`,
          fix: notFound.fix,
        });
        return;
      }
      const { format } = probe.guess;
      if (format === 'JKS' || format === 'PKCS12' || format === 'JCEKS') return;
      report({
        id: wrongFormat.id,
        path: key,
        message: `${key} ${shownPath(path, probe)} is ${describeFormat(format)}, ${wrongFormat.notKeystore}`,
        fix: wrongFormat.fix,
      });
    },
  });
}
