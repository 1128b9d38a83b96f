// Import (certificates, a key with its chain, or another store) or a CA reply, from a path on the
// host, pasted PEM text, or a file dropped on the page.
import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useState } from 'react';
import type { KeystoreInput } from '../../../shared/api/keystore-contract';
import type { DroppedFile } from './files';
import { FormDialog } from './FormDialog';

type Mode = 'path' | 'pem' | 'dropped';

export interface ImportRequest {
  input: KeystoreInput;
  alias?: string;
  password?: string;
}

export function ImportDialog(props: {
  open: boolean;
  /** 'reply' imports a CA reply onto `alias`. */
  kind: 'import' | 'reply';
  alias?: string;
  dropped: DroppedFile | null;
  busy: boolean;
  error: string | null;
  onClose(): void;
  onImport(request: ImportRequest): void;
}) {
  const [mode, setMode] = useState<Mode>(props.dropped ? 'dropped' : 'path');
  const [path, setPath] = useState('');
  const [pem, setPem] = useState('');
  const [alias, setAlias] = useState('');
  const [password, setPassword] = useState('');
  const input: KeystoreInput | null =
    mode === 'dropped' && props.dropped
      ? { upload: { name: props.dropped.name, base64: props.dropped.base64 } }
      : mode === 'pem' && pem.trim() !== ''
        ? { pem }
        : mode === 'path' && path.trim() !== ''
          ? { path: path.trim() }
          : null;
  const reply = props.kind === 'reply';
  return (
    <FormDialog
      open={props.open}
      wide
      title={reply ? `Import the CA reply for "${props.alias ?? ''}"` : 'Import into the store'}
      action="Import"
      busy={props.busy}
      error={props.error}
      disabled={input === null}
      onClose={props.onClose}
      onSubmit={() =>
        input &&
        props.onImport({
          input,
          ...(alias.trim() !== '' ? { alias: alias.trim() } : {}),
          ...(password !== '' ? { password } : {}),
        })
      }
    >
      <ToggleButtonGroup
        exclusive
        size="small"
        value={mode}
        onChange={(_, next: Mode | null) => next && setMode(next)}
        aria-label="Where the file comes from"
      >
        <ToggleButton value="path">Path on the host</ToggleButton>
        <ToggleButton value="pem">Paste PEM</ToggleButton>
        {props.dropped && <ToggleButton value="dropped">Dropped file</ToggleButton>}
      </ToggleButtonGroup>
      {mode === 'path' && (
        <TextField
          id="import-path"
          label="File (PEM, DER, P7B, PKCS12 or JKS)"
          value={path}
          placeholder="/opt/genesys/gir/etc/ca.pem"
          helperText="Relative paths are taken from the folder of application.yaml."
          onChange={(e) => setPath(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { spellCheck: false } }}
        />
      )}
      {mode === 'pem' && (
        <TextField
          id="import-pem"
          label="PEM text"
          value={pem}
          multiline
          minRows={6}
          maxRows={14}
          placeholder="-----BEGIN CERTIFICATE-----"
          onChange={(e) => setPem(e.target.value)}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 12 } },
          }}
        />
      )}
      {mode === 'dropped' && props.dropped && (
        <Alert severity="info" sx={{ overflowWrap: 'anywhere' }}>
          {props.dropped.name} ({Math.max(1, Math.round(props.dropped.size / 1024))} KiB)
        </Alert>
      )}
      {!reply && (
        <>
          <TextField
            id="import-alias"
            label="Alias (optional)"
            value={alias}
            helperText="Certificates: named from their CN when empty. A private key needs an alias."
            onChange={(e) => setAlias(e.target.value)}
          />
          <TextField
            id="import-password"
            label="Password of the file (PKCS12, JKS or encrypted key)"
            type="password"
            value={password}
            autoComplete="off"
            onChange={(e) => setPassword(e.target.value)}
          />
        </>
      )}
    </FormDialog>
  );
}
