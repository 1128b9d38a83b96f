// The one shape of a rule, pure (reads the configuration) or file-aware (also reads the files it
// names): the findings it can report, each with its severity and one-line summary, and a check
// that reports them through `report`. The id passed to `report` must be one of the rule's own
// findings, so a finding without documentation does not compile; the registries derive the
// union of all rule ids from these declarations (rule-ids.ts).
import type { ConfigView } from '../config-view';
import type { Diagnostic, QuickFix, Severity } from '../diagnostics';
import type { RuleId } from './rule-ids';

export interface FindingSpec {
  /** The usual severity; a report may lower or raise it where the message says why. */
  severity: Severity;
  /** One line for `rwsec validate --help` and the UI's rules list. */
  summary: string;
}

/** Documentation of one rule id. */
export interface RuleInfo extends FindingSpec {
  id: string;
}

export interface Finding<Id extends string> {
  id: Id;
  /** Dotted path of the key that is wrong (or should be added). */
  path: string;
  message: string;
  /** What to do, in one sentence. */
  fix?: string;
  /** The edits that do it, when they can be computed from the file alone. */
  quickFix?: QuickFix;
  /** Only when this occurrence differs from the finding's usual severity. */
  severity?: Severity;
}

export type Report<Id extends string> = (finding: Finding<Id>) => void;

export interface Rule<Id extends string, Ctx> {
  /** Names the check in "the check X failed" when it throws. */
  name: string;
  findings: { readonly [K in Id]: FindingSpec };
  check(ctx: Ctx, report: Report<Id>): void | Promise<void>;
}

export type PureRule<Id extends string = string> = Rule<Id, ConfigView>;

/** Identity at run time; at compile time it infers the rule's ids from `findings`. */
export function defineRule<Id extends string, Ctx = ConfigView>(
  rule: Rule<Id, Ctx>,
): Rule<Id, Ctx> {
  return rule;
}

export type RuleIdOf<R> = R extends Rule<infer Id, never> ? Id : never;

export function ruleInfo(rules: readonly Rule<string, never>[]): RuleInfo[] {
  return rules.flatMap((rule) =>
    Object.entries<FindingSpec>(rule.findings).map(([id, spec]) => ({ id, ...spec })),
  );
}

export function idsOf<R extends Rule<string, never>>(rules: readonly R[]): RuleIdOf<R>[] {
  return rules.flatMap((rule) => Object.keys(rule.findings) as RuleIdOf<R>[]);
}

/** A finding as a diagnostic at its key's position in `view`. */
export function toDiagnostic(
  view: ConfigView,
  rule: Rule<string, never>,
  finding: Finding<string>,
): Diagnostic {
  const spec = rule.findings[finding.id];
  const { line, column } = view.position(finding.path);
  return {
    severity: finding.severity ?? spec?.severity ?? 'error',
    // The registries prove at compile time that every rule's ids are in RuleId (rule-ids.ts).
    rule: finding.id as RuleId,
    path: finding.path,
    line,
    column,
    message: finding.message,
    ...(finding.fix === undefined ? {} : { fix: finding.fix }),
    ...(finding.quickFix === undefined ? {} : { quickFix: finding.quickFix }),
  };
}

/** Runs one rule; a rule that throws is reported instead of hiding the others' findings. */
export async function runRule<Id extends string, Ctx>(
  rule: Rule<Id, Ctx>,
  ctx: Ctx,
  view: ConfigView,
): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  try {
    await rule.check(ctx, (f) => out.push(toDiagnostic(view, rule as Rule<string, never>, f)));
  } catch (error) {
    return [...out, ruleFailure(rule.name, error)];
  }
  return out;
}

/** The synchronous form for pure rules (their checks never return a promise). */
export function runPureRule<Id extends string>(rule: PureRule<Id>, view: ConfigView): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    const result = rule.check(view, (f) =>
      out.push(toDiagnostic(view, rule as Rule<string, never>, f)),
    );
    if (result instanceof Promise) throw new Error('a pure rule returned a promise');
  } catch (error) {
    return [...out, ruleFailure(rule.name, error)];
  }
  return out;
}

export function ruleFailure(name: string, error: unknown): Diagnostic {
  return {
    severity: 'error',
    rule: 'internal-rule-failure',
    path: '',
    line: 1,
    column: 1,
    message: `The check ${name || 'unnamed'} failed: ${error instanceof Error ? error.message : String(error)}. Other checks still ran.`,
    fix: 'Report this to the RWS Security Studio maintainers with the file (secrets removed).',
  };
}
