/** One finding about a configuration, keyed by the dotted path of the key that is wrong. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, e.g. `csrf-exposed-headers`; used by tests, `--json` consumers and the UI. */
  rule: string;
  /** Dotted path from the document root to the key that is wrong (or that should be added). */
  path: string;
  /** 1-based line and column of that key (or of its nearest existing parent). */
  line: number;
  column: number;
  message: string;
  /** What to do about it, in one sentence. */
  fix?: string;
}

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.line - b.line || a.column - b.column || order[a.severity] - order[b.severity],
  );
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
