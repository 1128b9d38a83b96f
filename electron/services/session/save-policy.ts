// The one save policy for application.yaml, used by the app's reviewed save and by `rwsec set`:
// the same verification (the bytes written are exactly the checked document) and the same gate
// (a save that adds errors is refused unless the caller accepted them). "New" compares the
// findings of the text to be written with those of the file on disk, by rule and option path.
import { sortDiagnostics, type Diagnostic, type Severity } from '../../../shared/diagnostics';
import type { RwsDocument } from '../../../shared/yaml/document';
import type { KeepOptions } from '../files/replace-parts';
import { saveText, verifyDocument, type SaveResult } from '../files/safe-save';

export interface SaveReview {
  /** The errors and warnings the saved file would have. */
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** Those the file on disk does not have yet. */
  newErrors: Diagnostic[];
  newWarnings: Diagnostic[];
}

/**
 * What the caller accepted: `true` any new errors (`rwsec set --force`), a number exactly that
 * many (the app's "save with N errors", so a review that went stale meanwhile does not pass).
 */
export type ErrorAcceptance = boolean | number;

function key(d: Diagnostic): string {
  return `${d.rule}\u0000${d.path}`;
}

function ofSeverity(list: readonly Diagnostic[], severity: Severity): Diagnostic[] {
  return sortDiagnostics(list.filter((d) => d.severity === severity));
}

function added(before: readonly Diagnostic[], after: Diagnostic[]): Diagnostic[] {
  const known = new Set(before.map(key));
  return after.filter((d) => !known.has(key(d)));
}

/** What saving the `after` findings over a file with the `before` findings would leave. */
export function reviewSave(
  before: readonly Diagnostic[],
  after: readonly Diagnostic[],
): SaveReview {
  const errors = ofSeverity(after, 'error');
  const warnings = ofSeverity(after, 'warning');
  return {
    errors,
    warnings,
    newErrors: added(ofSeverity(before, 'error'), errors),
    newWarnings: added(ofSeverity(before, 'warning'), warnings),
  };
}

/** The gate: true when the save may go ahead. */
export function saveAllowed(review: SaveReview, accepted: ErrorAcceptance | undefined): boolean {
  const count = review.newErrors.length;
  return count === 0 || accepted === true || accepted === count;
}

/** "the change would add 2 errors" (the refusal both doors print). */
export function newErrorsText(review: SaveReview): string {
  const count = review.newErrors.length;
  return `the change would add ${count === 1 ? 'an error' : `${count} errors`}`;
}

/**
 * Writes the config atomically with a backup, refusing when the file changed since `expected`
 * (unless `overwrite`). With the parsed document, the bytes must be exactly its text; without
 * one (text that is not valid YAML) the safe-save default re-parses and so refuses it.
 */
export function writeConfig(
  file: string,
  text: string,
  options: KeepOptions & {
    expected: string;
    overwrite?: boolean;
    doc?: RwsDocument | null;
    forceHint?: string;
  },
): Promise<SaveResult> {
  const { expected, overwrite, doc, ...rest } = options;
  return saveText(file, text, {
    ...rest,
    expectedOriginal: expected,
    ...(overwrite ? { force: true } : {}),
    ...(doc ? { verify: verifyDocument(doc) } : {}),
  });
}
