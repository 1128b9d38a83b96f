// One finding about a configuration, keyed by the dotted path of the key that is wrong. The types
// are inferred from the zod schema the API contract carries (diagnostic-schema.ts), imported here
// as types only: reporting findings never loads zod.
import type { z } from 'zod';
import type { diagnosticSchema, quickFixSchema } from './diagnostic-schema';

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];
export type QuickFix = z.infer<typeof quickFixSchema>;
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
