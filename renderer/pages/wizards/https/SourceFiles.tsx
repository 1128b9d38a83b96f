// The files a certificate source needs: where the CSR goes, the CA's reply, or the PEM key and
// chain to import (and for those two, the host name the verify step checks).
import TextField from '@mui/material/TextField';
import type { StepProps } from './https-form';

export function SourceFiles({ form, set }: StepProps) {
  return (
    <>
      {form.mode === 'csr' && (
        <TextField
          label="Write the CSR to"
          value={form.csrOut}
          onChange={(e) => set('csrOut', e.target.value)}
          fullWidth
          helperText="Relative paths start at the folder of application.yaml."
        />
      )}
      {form.mode === 'reply' && (
        <TextField
          label="CA reply (signed certificate, PEM/DER/P7B)"
          value={form.replyFile}
          onChange={(e) => set('replyFile', e.target.value)}
          fullWidth
        />
      )}
      {form.mode === 'import' && (
        <>
          <TextField
            label="Private key (PEM)"
            value={form.keyFile}
            onChange={(e) => set('keyFile', e.target.value)}
            fullWidth
          />
          <TextField
            label="Certificate chain (PEM)"
            value={form.certFile}
            onChange={(e) => set('certFile', e.target.value)}
            fullWidth
          />
        </>
      )}
      {(form.mode === 'reply' || form.mode === 'import') && (
        <TextField
          label="Host name clients connect to (optional)"
          value={form.checkHost}
          onChange={(e) => set('checkHost', e.target.value)}
          helperText="Checked against the certificate in the last step."
          fullWidth
        />
      )}
    </>
  );
}
