// The open store's entries: the table beside the selected entry's panel, or what to do with an
// empty store.
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { KeystoreView } from '../../../shared/api/keystore-contract';
import { EntriesTable } from './EntriesTable';
import { EntryPanel } from './EntryPanel';
import type { StoreManager } from './use-store-manager';

export function StoreEntries(props: { manager: StoreManager; view: KeystoreView }) {
  const { manager: m, view } = props;
  const entry = view.entries.find((e) => e.alias === m.selected) ?? null;
  if (view.entries.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
        <Typography gutterBottom>This store is empty.</Typography>
        <Typography color="text.secondary">
          Generate a key pair, import certificates, or drop a certificate or store file on this
          page.
        </Typography>
      </Paper>
    );
  }
  return (
    <Box
      sx={{
        display: 'grid',
        // Side by side only where the table keeps room for names and expiry bars.
        gridTemplateColumns: { xs: '1fr', xl: 'minmax(0, 5fr) minmax(0, 6fr)' },
        gap: 2,
        alignItems: 'start',
      }}
    >
      <Paper variant="outlined" sx={{ minWidth: 0, overflowX: 'auto' }}>
        <EntriesTable entries={view.entries} selected={m.selected} onSelect={m.setSelected} />
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', p: 1 }}>
          Drop a PEM, DER, P7B, PKCS12 or JKS file here to import it.
        </Typography>
      </Paper>
      {entry && <EntryPanel key={entry.alias} entry={entry} />}
    </Box>
  );
}
