// One finding about a configuration, keyed by the dotted path of the key that is wrong. The zod
// schema here is the one the API contract carries too: the type is inferred from it, so the CLI's
// --json, the app and the rules cannot drift apart.
import { z } from 'zod';
import { ruleIds } from './rules/rule-ids';
import { documentEditSchema } from './yaml/edit-schema';

export const severities = ['error', 'warning', 'info'] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;

/**
 * A change that resolves the finding, for a button: `edits` are applied as one `config.edit`
 * (so one undo step) and the result is validated like any other edit.
 */
export const quickFixSchema = z.object({
  /** The button's label, e.g. "Use https://rws.example.com:9443/api/v2". */
  label: z.string(),
  edits: z.array(documentEditSchema).min(1),
});
export type QuickFix = z.infer<typeof quickFixSchema>;

export const diagnosticSchema = z.object({
  severity: severitySchema,
  /** Stable rule id (a known one: see rules/rule-ids.ts); used by tests, --json and the UI. */
  rule: z.enum(ruleIds),
  /** Dotted path from the document root to the key that is wrong (or that should be added). */
  path: z.string(),
  /** 1-based line and column of that key (or of its nearest existing parent). */
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
  /** What to do about it, in one sentence. */
  fix: z.string().optional(),
  quickFix: quickFixSchema.optional(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.line - b.line || a.column - b.column || order[a.severity] - order[b.severity],
  );
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
