// Import (certificates, a key with its chain, or another store) or a CA reply, from a path on the
// host, pasted PEM text, or a file from this computer (chosen with the picker or dropped on the page).
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState } from 'react';
import type { KeystoreInput } from '../../../shared/api/keystore-contract';
import { ChooseFileButton } from './ChooseFileButton';
import { sizeText, type DroppedFile } from './files';
import { FormDialog } from './FormDialog';

type Mode = 'path' | 'pem' | 'file';

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
  const [mode, setMode] = useState<Mode>(props.dropped ? 'file' : 'path');
  const [file, setFile] = useState<DroppedFile | null>(props.dropped);
  const [fileError, setFileError] = useState<string | null>(null);
  const chosenId = useId();
  // A file dropped while the dialog is open (drops bubble from the dialog to the page) replaces
  // the chosen one.
  useEffect(() => {
    if (!props.dropped) return;
    setFile(props.dropped);
    setFileError(null);
    setMode('file');
  }, [props.dropped]);
  const [path, setPath] = useState('');
  const [pem, setPem] = useState('');
  const [alias, setAlias] = useState('');
  const [password, setPassword] = useState('');
  const input: KeystoreInput | null =
    mode === 'file' && file
      ? { upload: { name: file.name, base64: file.base64 } }
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
        <ToggleButton value="file">File from this computer</ToggleButton>
        <ToggleButton value="pem">Paste PEM</ToggleButton>
      </ToggleButtonGroup>
      {mode === 'file' && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <ChooseFileButton
            inputId="import-file-input"
            label={file ? 'Choose another file…' : 'Choose file…'}
            describedBy={chosenId}
            onChosen={(chosen) => {
              setFile(chosen);
              setFileError(null);
            }}
            onError={setFileError}
          />
          {file ? (
            <Alert
              id={chosenId}
              severity="info"
              data-testid="import-chosen-file"
              sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}
            >
              {file.name} ({sizeText(file.size)})
            </Alert>
          ) : (
            <Typography id={chosenId} color="text.secondary" variant="body2">
              No file chosen. PEM, DER, P7B, PKCS12 or JKS; you can also drop it on the page.
            </Typography>
          )}
        </Stack>
      )}
      {mode === 'file' && fileError && (
        <Alert severity="error" role="alert" sx={{ overflowWrap: 'anywhere' }}>
          {fileError}
        </Alert>
      )}
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
