// The fields that choose where an import's bytes come from (state: use-import-source.ts): a path
// on the host, pasted PEM text, or a file from this computer, picked or dropped on the page.
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { ChooseFileButton } from './ChooseFileButton';
import { sizeText } from './files';
import type { ImportMode, ImportSource } from './use-import-source';

export function ImportSourceFields({ source }: { source: ImportSource }) {
  const { mode } = source;
  return (
    <>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={mode}
        onChange={(_, next: ImportMode | null) => next && source.setMode(next)}
        aria-label="Where the file comes from"
      >
        <ToggleButton value="path">Path on the host</ToggleButton>
        <ToggleButton value="file">File from this computer</ToggleButton>
        <ToggleButton value="pem">Paste PEM</ToggleButton>
      </ToggleButtonGroup>
      {mode === 'file' && <ChosenFile source={source} />}
      {mode === 'path' && (
        <TextField
          id="import-path"
          label="File (PEM, DER, P7B, PKCS12 or JKS)"
          value={source.path}
          placeholder="/opt/genesys/gir/etc/ca.pem"
          helperText="Relative paths are taken from the folder of application.yaml."
          onChange={(e) => source.setPath(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { spellCheck: false } }}
        />
      )}
      {mode === 'pem' && (
        <TextField
          id="import-pem"
          label="PEM text"
          value={source.pem}
          multiline
          minRows={6}
          maxRows={14}
          placeholder="-----BEGIN CERTIFICATE-----"
          onChange={(e) => source.setPem(e.target.value)}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 12 } },
          }}
        />
      )}
    </>
  );
}

/** The picker, the chosen file's name and size (or what may be chosen), and a read failure. */
function ChosenFile({ source }: { source: ImportSource }) {
  const { file, fileError } = source;
  const chosenId = useId();
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <ChooseFileButton
          inputId="import-file-input"
          label={file ? 'Choose another file…' : 'Choose file…'}
          describedBy={chosenId}
          onChosen={source.choose}
          onError={source.setFileError}
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
      {fileError && (
        <Alert severity="error" role="alert" sx={{ overflowWrap: 'anywhere' }}>
          {fileError}
        </Alert>
      )}
    </>
  );
}
