// What each action on the selected entry does: some ask for more in a dialog, some show PEM
// output, "Preview chain" moves to the chain page with the entry chosen.
import { api } from '../../api/client';
import { requestPage } from './page-requests';
import type { StoreManager } from './use-store-manager';

export type EntryAction =
  'chain' | 'export-cert' | 'export-chain' | 'csr' | 'reply' | 'export-key' | 'rename' | 'delete';

export function runEntryAction(m: StoreManager, alias: string, action: EntryAction): void {
  const handle = m.view?.handle ?? 0;
  switch (action) {
    case 'chain':
      requestPage({ page: 'chain', alias });
      return;
    case 'export-cert':
    case 'export-chain':
      void m.act(async () => {
        const what = action === 'export-cert' ? 'certificate' : 'chain';
        const result = await api['keystore.export']({ handle, alias, what });
        m.setPem({ title: `The ${what} of "${alias}"`, ...result });
      });
      return;
    case 'csr':
      void m.act(async () => {
        const result = await api['keystore.csr']({ handle, alias });
        m.setPem({
          title: `Certificate signing request for "${alias}": send it to your CA`,
          ...result,
        });
      });
      return;
    case 'reply':
    case 'rename':
    case 'delete':
    case 'export-key':
      m.openDialog({ kind: action, alias });
      return;
  }
}
