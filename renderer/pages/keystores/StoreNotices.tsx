// What the open store wants the user to know: unsaved changes (with Undo and Save store), notes
// from the last operation, and certificates Java would not see as entries.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { KeystoreView } from '../../../shared/api/keystore-contract';
import { api } from '../../api/client';
import type { StoreManager } from './use-store-manager';

export function StoreNotices(props: { manager: StoreManager; view: KeystoreView }) {
  const { manager: m, view } = props;
  const handle = view.handle;
  return (
    <>
      {view.pending.length > 0 && (
        <Alert
          severity="warning"
          sx={{ mt: 2, overflowWrap: 'anywhere' }}
          data-testid="keystore-pending"
          action={
            <Stack direction="row" spacing={1}>
              <Button
                color="inherit"
                disabled={m.busy}
                onClick={() =>
                  void m.act(async () => m.show(await api['keystore.undo']({ handle })))
                }
              >
                Undo
              </Button>
              <Button
                color="inherit"
                variant="outlined"
                disabled={m.busy || view.writableType === null}
                onClick={() =>
                  void m.act(async () => m.show((await api['keystore.save']({ handle })).view))
                }
              >
                Save store
              </Button>
            </Stack>
          }
        >
          {view.pending.length} unsaved change{view.pending.length === 1 ? '' : 's'}:{' '}
          {view.pending.join('; ')}
        </Alert>
      )}
      {view.notes.length > 0 && (
        <Alert
          severity="info"
          sx={{ mt: 2, overflowWrap: 'anywhere' }}
          data-testid="keystore-notes"
        >
          {view.notes.join(' ')}
        </Alert>
      )}
      {view.hiddenCertificates > 0 && (
        <Alert severity="warning" sx={{ mt: 2 }}>
          {view.hiddenCertificates} certificate(s) in this file are not entries Java sees (neither a
          key&apos;s chain nor marked trusted): a truststore made this way looks empty to RWS.
        </Alert>
      )}
    </>
  );
}
