// The "File" source of the chain preview: a path on the host, or a file from this computer
// (chosen or dropped), and the password a store needs.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { ChooseFileButton } from '../keystores/ChooseFileButton';
import { sizeText } from '../keystores/files';
import type { ChainCheck } from './use-chain-check';

export function FileSourceFields(props: { check: ChainCheck }) {
  const c = props.check;
  const { upload } = c;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={1}>
      {upload ? (
        <Alert
          id="chain-chosen-file"
          severity="info"
          data-testid="chain-chosen-file"
          onClose={() => c.setUpload(null)}
          slotProps={{ closeButton: { title: 'Use a path instead' } }}
          sx={{ flex: 2, minWidth: 0, alignSelf: 'flex-start', overflowWrap: 'anywhere' }}
        >
          File from this computer: {upload.name} ({sizeText(upload.size)})
        </Alert>
      ) : (
        <TextField
          id="chain-file"
          label="Certificate file on the host (PEM bundle, DER, P7B, or a store)"
          value={c.path}
          helperText="Or choose a file from this computer, or drop one on this page."
          onChange={(e) => c.setPath(e.target.value)}
          sx={{ flex: 2 }}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
      )}
      <Box sx={{ pt: { md: '2px' }, flexShrink: 0 }}>
        <ChooseFileButton
          inputId="chain-file-input"
          label={upload ? 'Choose another file…' : 'Choose file…'}
          {...(upload ? { describedBy: 'chain-chosen-file' } : {})}
          onChosen={(chosen) => {
            c.setUpload(chosen);
            c.setError(null);
          }}
          onError={c.setError}
        />
      </Box>
      <TextField
        id="chain-file-password"
        label="Password (stores only)"
        type="password"
        autoComplete="off"
        value={c.filePassword}
        onChange={(e) => c.setFilePassword(e.target.value)}
        sx={{ flex: 1 }}
      />
    </Stack>
  );
}
