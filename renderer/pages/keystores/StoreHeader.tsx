// The open store: its file, type and entry count, and the store-wide actions.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { KeystoreView } from '../../../shared/api/keystore-contract';
import type { StoreManager } from './use-store-manager';

export function StoreHeader(props: { manager: StoreManager; view: KeystoreView }) {
  const { manager: m, view } = props;
  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={1}
      sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}
    >
      <Box sx={{ minWidth: 0 }}>
        <Typography
          sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
          data-testid="keystore-file"
        >
          {view.file}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {view.type}
          {view.exists ? '' : ' · new file, written on Save'} · {view.entries.length}{' '}
          {view.entries.length === 1 ? 'entry' : 'entries'}
          {view.writableType === null ? ' · read only (this format cannot be written)' : ''}
        </Typography>
      </Box>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          disabled={m.busy}
          onClick={() => m.openDialog({ kind: 'generate' })}
        >
          Generate key pair
        </Button>
        <Button
          variant="outlined"
          disabled={m.busy}
          onClick={() => m.openDialog({ kind: 'import', dropped: null })}
        >
          Import…
        </Button>
        <Button disabled={m.busy} onClick={() => m.openDialog({ kind: 'password' })}>
          Change password
        </Button>
        <Button disabled={m.busy} onClick={() => void m.close()}>
          Close
        </Button>
      </Stack>
    </Stack>
  );
}
