// The zod schema of a Diagnostic (shared/diagnostics.ts), the one the API contract carries: the
// Diagnostic type is inferred from it, so the CLI's --json, the app and the rules cannot drift
// apart. Its own module so that code that only reports findings (`rwsec validate`) does not load
// zod at start.
import { z } from 'zod';
import { severities } from './diagnostics';
import { ruleIds } from './rules/rule-ids';
import { documentEditSchema } from './yaml/edit-schema';

export const severitySchema = z.enum(severities);

/**
 * A change that resolves the finding, for a button: `edits` are applied as one `config.edit`
 * (so one undo step) and the result is validated like any other edit.
 */
export const quickFixSchema = z.object({
  /** The button's label, e.g. "Use https://rws.example.com:9443/api/v2". */
  label: z.string(),
  edits: z.array(documentEditSchema).min(1),
});

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
