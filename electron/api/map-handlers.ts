// The connection map of the open configuration, derived from the same text and diagnostics the
// editor shows (so it changes with every edit, saved or not).
import type { ApiHandlers } from '../../shared/api/contract';
import { deriveConnectionMap } from '../../shared/connections/derive';
import type { EditingSession } from '../services/session/editing-session';

export function createMapHandlers(session: EditingSession): Pick<ApiHandlers, 'map.state'> {
  return {
    'map.state': async () => {
      const state = await session.state();
      if (!state.file || state.text === undefined || state.syntaxError) {
        return { open: false, links: [] };
      }
      const doc = await session.document();
      if (!doc) return { open: false, links: [] };
      return { open: true, links: deriveConnectionMap(doc, state.diagnostics).links };
    },
  };
}
