// The Certificates page's data: the inventory of the open configuration as it stands in the
// editor (unsaved edits included), with the stores read from disk.
import type { ApiHandlers } from '../../shared/api/contract';
import { takeInventory } from '../services/certs/inventory';
import type { EditingSession } from '../services/session/editing-session';

export function createCertsHandlers(session: EditingSession): Pick<ApiHandlers, 'certs.inventory'> {
  return {
    'certs.inventory': async (request) => {
      const state = await session.state();
      if (!state.file || state.syntaxError) return { inventory: null };
      const doc = await session.document();
      if (!doc) return { inventory: null };
      const inventory = await takeInventory(doc, state.file, {
        ...(request.warnDays !== undefined ? { warnDays: request.warnDays } : {}),
      });
      return { inventory };
    },
  };
}
