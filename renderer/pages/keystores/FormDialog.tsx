// The frame every keystore dialog shares: a form, an inline error, Cancel and one action.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useId, type ReactNode } from 'react';

export function FormDialog(props: {
  open: boolean;
  title: string;
  action: string;
  busy?: boolean;
  error?: string | null;
  danger?: boolean;
  disabled?: boolean;
  wide?: boolean;
  onClose(): void;
  onSubmit(): void;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      fullWidth
      maxWidth={props.wide ? 'md' : 'sm'}
      aria-labelledby={titleId}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!props.busy && !props.disabled) props.onSubmit();
        }}
      >
        <DialogTitle id={titleId}>{props.title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {props.children}
            {props.error && (
              <Alert severity="error" role="alert" sx={{ overflowWrap: 'anywhere' }}>
                {props.error}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="contained"
            color={props.danger ? 'error' : 'primary'}
            disabled={props.busy || props.disabled}
          >
            {props.action}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
