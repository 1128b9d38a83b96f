import type { ApiDiagnostic } from '../../shared/api/contract';
import type { OptionSpec } from '../../shared/catalog/options';

export interface FieldProps {
  spec: OptionSpec;
  /** Where this option lives in the open file (may differ from spec.path for older layouts). */
  path: string;
  /** DOM id of the focusable control, the target of "jump to field". */
  id: string;
  value: unknown;
  diagnostics: readonly ApiDiagnostic[];
  /** ids of the help and diagnostic texts, for aria-describedby. */
  describedBy: string;
  onChange(value: unknown): void;
  /** Removes the key from the file, so the server default applies. */
  onDelete(): void;
}

export function displayText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function placeholderOf(spec: OptionSpec): string | undefined {
  if (spec.default !== undefined && spec.default !== '') return `default: ${String(spec.default)}`;
  if (spec.example !== undefined) return `e.g. ${String(spec.example)}`;
  return undefined;
}

export function worstSeverity(list: readonly ApiDiagnostic[]): ApiDiagnostic['severity'] | null {
  if (list.some((d) => d.severity === 'error')) return 'error';
  if (list.some((d) => d.severity === 'warning')) return 'warning';
  return list.length > 0 ? 'info' : null;
}
