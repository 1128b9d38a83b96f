// The open configuration as a parsed document, for computing the edits a kit proposes (where
// enableSsl lives, whether a stale password key exists). Null when nothing readable is open.
import { RwsDocument } from '../../shared/yaml/document';
import type { EditingSession } from '../services/session/editing-session';

export async function openDocument(session: EditingSession): Promise<RwsDocument | null> {
  const state = await session.state();
  if (!state.file || state.text === undefined || state.syntaxError) return null;
  try {
    return RwsDocument.parse(state.text);
  } catch {
    return null;
  }
}

export const noConfigWarning =
  'No readable configuration is open, so no application.yaml values were prepared: open the file and run the wizard again, or set them by hand.';
