// The open store: its file, type and entry count, and one toolbar for every action. The common
// ones are buttons (store: generate, import; selected entry: preview chain, export, delete); the
// rarer ones wait in the "More" menu.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { KeystoreView } from '../../../shared/api/keystore-contract';
import { runEntryAction, type EntryAction } from './entry-actions';
import { OverflowMenu, type OverflowItem } from './OverflowMenu';
import type { StoreManager } from './use-store-manager';

export function StoreToolbar(props: { manager: StoreManager; view: KeystoreView }) {
  const { manager: m, view } = props;
  const entry = view.entries.find((e) => e.alias === m.selected) ?? null;
  const key = entry?.kind === 'key';
  const onEntry = (action: EntryAction) => () => {
    if (entry) runEntryAction(m, entry.alias, action);
  };
  const rare: OverflowItem[] = [
    ...(entry && entry.chain.length > 1
      ? [{ label: 'Export chain', run: onEntry('export-chain') }]
      : []),
    ...(key
      ? [
          { label: 'Create CSR', run: onEntry('csr') },
          { label: 'Import CA reply…', run: onEntry('reply') },
          { label: 'Export private key…', run: onEntry('export-key') },
        ]
      : []),
    ...(entry ? [{ label: 'Rename…', run: onEntry('rename') }] : []),
    {
      label: 'Change store password…',
      run: () => m.openDialog({ kind: 'password' }),
      dividerBefore: entry !== null,
    },
    { label: 'Close store', run: () => void m.close() },
  ];
  return (
    <>
      <Box sx={{ minWidth: 0, mb: 1 }}>
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
      <Box
        role="toolbar"
        aria-label="Keystore actions"
        sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}
      >
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
        {entry && (
          <>
            <Divider orientation="vertical" flexItem />
            <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
              Entry <strong>{entry.alias}</strong>:
            </Typography>
            <Button disabled={m.busy} onClick={onEntry('chain')}>
              Preview chain
            </Button>
            <Button disabled={m.busy} onClick={onEntry('export-cert')}>
              Export certificate
            </Button>
            <Button color="error" disabled={m.busy} onClick={onEntry('delete')}>
              Delete
            </Button>
          </>
        )}
        <OverflowMenu label="More" items={rare} disabled={m.busy} />
      </Box>
    </>
  );
}
