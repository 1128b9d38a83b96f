// Copies a certificate's PEM to the clipboard; where the clipboard is refused (no permission),
// the PEM is shown selected instead, so it can still be copied by hand.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

export function CopyPemButton(props: { pem: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'shown'>('idle');
  return (
    <Box>
      <Button
        size="small"
        variant="outlined"
        aria-label={`Copy PEM of ${props.label}`}
        onClick={() =>
          navigator.clipboard.writeText(props.pem).then(
            () => setState('copied'),
            () => setState('shown'),
          )
        }
      >
        Copy PEM
      </Button>
      <Typography component="span" role="status" variant="body2" sx={{ ml: 1 }}>
        {state === 'copied' ? 'Copied to the clipboard.' : ''}
        {state === 'shown' ? 'The clipboard is not available here: copy the text below.' : ''}
      </Typography>
      {state === 'shown' && (
        <TextField
          value={props.pem}
          multiline
          fullWidth
          minRows={6}
          autoFocus
          onFocus={(e) => e.target.select()}
          slotProps={{
            htmlInput: { readOnly: true, 'aria-label': `PEM of ${props.label}` },
          }}
          sx={{ mt: 1, '& textarea': { fontFamily: 'monospace', fontSize: 12 } }}
        />
      )}
    </Box>
  );
}
