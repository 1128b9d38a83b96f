// A CSR, certificate or encrypted key as PEM text: copy it or download it.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { downloadText } from './files';

export interface PemResult {
  title: string;
  pem: string;
  fileName: string;
}

export function PemDialog(props: { result: PemResult | null; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  const result = props.result;
  return (
    <Dialog open={result !== null} onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>{result?.title}</DialogTitle>
      <DialogContent>
        <TextField
          id="pem-output"
          label={result?.fileName}
          value={result?.pem ?? ''}
          multiline
          fullWidth
          minRows={8}
          maxRows={18}
          sx={{ mt: 1 }}
          slotProps={{
            htmlInput: { readOnly: true, style: { fontFamily: 'monospace', fontSize: 12 } },
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() => {
            if (!result) return;
            void navigator.clipboard?.writeText(result.pem).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button onClick={() => result && downloadText(result.fileName, result.pem)}>
          Download
        </Button>
        <Button
          variant="contained"
          onClick={() => {
            setCopied(false);
            props.onClose();
          }}
        >
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
