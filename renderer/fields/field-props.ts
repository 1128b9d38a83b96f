import { useState } from 'react';
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

const notEmptied = Symbol('not emptied');

/**
 * Typing a field empty does not delete its key (that is the explicit "Remove key"): the field
 * shows the empty draft with an error until a value is typed, and the file keeps its value. The
 * draft ends when a value is typed or the value changes from elsewhere (undo, reload).
 */
export function useEmptiedDraft(value: unknown, onChange: (value: unknown) => void) {
  const [emptiedAt, setEmptiedAt] = useState<unknown>(notEmptied);
  const emptied = value !== undefined && emptiedAt !== notEmptied && Object.is(emptiedAt, value);
  return {
    emptied,
    text: emptied ? '' : displayText(value),
    change(next: unknown) {
      if (next === '') setEmptiedAt(value);
      else {
        setEmptiedAt(notEmptied);
        onChange(next);
      }
    },
  };
}

/** The error an emptied field shows: what to type, or how to drop the key on purpose. */
export function emptiedMessage(spec: OptionSpec): string {
  const fallback =
    spec.default !== undefined && spec.default !== ''
      ? ` (RWS then uses ${String(spec.default)})`
      : '';
  return `Empty: type a value. The file keeps its current value until you do; to drop the key on purpose${fallback}, use Remove key.`;
}

/** aria-describedby for a control that may show MUI helper text (id `${id}-helper-text`). */
export function describedWith(describedBy: string, id: string, helper: boolean): string {
  return helper ? `${describedBy} ${id}-helper-text` : describedBy;
}

/**
 * What every text-typed option field (text, number, path, secret) gives its TextField: the draft
 * that keeps an emptied field in error, the label, placeholder, error and helper text, and the
 * aria-describedby that names the field's own status texts (`alsoDescribedBy`) and the helper.
 */
export function useOptionText(props: FieldProps, alsoDescribedBy?: string) {
  const { spec, id, value, describedBy, diagnostics, onChange } = props;
  const draft = useEmptiedDraft(value, onChange);
  const helper = draft.emptied ? emptiedMessage(spec) : undefined;
  const described = alsoDescribedBy ? `${describedBy} ${alsoDescribedBy}` : describedBy;
  return {
    draft,
    fieldProps: {
      id,
      label: spec.label,
      value: draft.text,
      placeholder: placeholderOf(spec),
      error: draft.emptied || worstSeverity(diagnostics) === 'error',
      helperText: helper,
    },
    describedBy: describedWith(described, id, helper !== undefined),
  };
}
