// The open configuration as the kits see it: the session's parsed document (to compute the edits
// a kit proposes: where enableSsl lives, whether a stale password key exists), and the step that
// applies a run's edits to the session here in the main process, as pending edits (one undo
// step) for the reviewed save, instead of sending them through the renderer.
import type { DocumentEdit } from '../../shared/yaml/document';
import { userError } from '../../shared/user-error';
import type { RwsDocument } from '../../shared/yaml/document';
import type { EditingSession } from '../services/session/editing-session';

export function openDocument(session: EditingSession): Promise<RwsDocument | null> {
  return session.document();
}

export const noConfigWarning =
  'No readable configuration is open, so no application.yaml values were prepared: open the file and run the wizard again, or set them by hand.';

export interface KitEdit {
  path: string;
  value?: unknown;
  delete?: boolean;
}

/**
 * Applies a run's values to the open session. The kit's files are already written, so a value
 * the document refuses becomes a warning (set it by hand), not a failure of the run.
 */
export async function applyKitEdits(
  session: EditingSession,
  edits: readonly KitEdit[],
  warnings: string[],
): Promise<boolean> {
  if (edits.length === 0 || !session.file) return false;
  const documentEdits: DocumentEdit[] = edits.map((e) =>
    e.delete ? { path: e.path, delete: true } : { path: e.path, value: e.value },
  );
  try {
    await session.edit(documentEdits);
    return true;
  } catch (error) {
    const known = userError(error);
    if (!known) throw error;
    warnings.push(
      `The values were not applied to the open file: ${known.message} Set them by hand.`,
    );
    return false;
  }
}
