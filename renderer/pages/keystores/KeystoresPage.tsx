// The keystore manager: open a store, see its entries and their expiry, change it through the
// keystore engine. Every change is pending (listed, undoable) until Save writes the file.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ConfigStoreList } from './ConfigStoreList';
import { errorText, readDropped } from './files';
import { FileDropZone } from './FileDropZone';
import { OpenStoreForm } from './OpenStoreForm';
import { StoreDialogs } from './StoreDialogs';
import { StoreEntries } from './StoreEntries';
import { StoreToolbar } from './StoreToolbar';
import { StoreNotices } from './StoreNotices';
import { useStoreManager } from './use-store-manager';

export default function KeystoresPage() {
  const m = useStoreManager();
  const { view } = m;

  if (!m.loaded) return <Typography role="status">Loading…</Typography>;

  const importDropped = (file: File) =>
    readDropped(file).then(
      (dropped) => m.openDialog({ kind: 'import', dropped }),
      (error: unknown) => m.setPageError(errorText(error)),
    );

  return (
    <FileDropZone enabled={view !== null} onFile={(file) => void importDropped(file)}>
      <Typography variant="h5" component="h1" gutterBottom>
        Keystores
      </Typography>
      {m.pageError && (
        <Alert
          severity="error"
          role="alert"
          onClose={() => m.setPageError(null)}
          sx={{ mb: 2, overflowWrap: 'anywhere' }}
        >
          {m.pageError}
        </Alert>
      )}
      {!view ? (
        <>
          <ConfigStoreList
            actions={(store) => (
              <Button
                variant="outlined"
                disabled={m.busy || !store.exists}
                aria-label={`Open ${store.label}`}
                onClick={() => void m.openFromConfig(store)}
              >
                Open
              </Button>
            )}
          />
          <OpenStoreForm
            key={m.initialPath}
            initialPath={m.initialPath}
            busy={m.busy}
            error={m.openError}
            onOpen={(request) => void m.open(request)}
          />
        </>
      ) : (
        <>
          <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
            <StoreToolbar manager={m} view={view} />
            <StoreNotices manager={m} view={view} />
          </Paper>
          <StoreEntries manager={m} view={view} />
        </>
      )}
      <StoreDialogs manager={m} />
    </FileDropZone>
  );
}
