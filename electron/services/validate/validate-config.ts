// STUB (owned by the validation work): runs the pure rules from shared/ and the file-aware rules.
import type { Diagnostic } from '../../../shared/diagnostics';
import type { RwsDocument } from '../../../shared/yaml/document';

/** All diagnostics for `doc`, read from `file` (relative paths in it resolve against its folder). */
export async function validateConfig(_doc: RwsDocument, _file: string): Promise<Diagnostic[]> {
  return [];
}
