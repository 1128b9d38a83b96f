// The reviewed save: the exact unified diff first, then the write; a file changed on disk since
// it was read gets an explicit Reload or Overwrite choice.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { DiffLines } from '../components/diff/DiffLines';

export type SaveStep = { kind: 'review'; diff: string } | { kind: 'conflict' } | null;

export function SaveDialog(props: {
  step: SaveStep;
  busy: boolean;
  onSave(): void;
  onOverwrite(): void;
  onReload(): void;
  onClose(): void;
}) {
  const { step } = props;
  return (
    <Dialog
      open={step !== null}
      onClose={props.onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="save-title"
    >
      {step?.kind === 'review' && (
        <>
          <DialogTitle id="save-title">Review changes before saving</DialogTitle>
          <DialogContent dividers>
            {step.diff === '' ? (
              <DialogContentText>There are no changes to save.</DialogContentText>
            ) : (
              <DiffLines diff={step.diff} label="Unified diff of the changes" />
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>Cancel</Button>
            <Button
              variant="contained"
              onClick={props.onSave}
              disabled={props.busy || step.diff === ''}
            >
              Save to disk
            </Button>
          </DialogActions>
        </>
      )}
      {step?.kind === 'conflict' && (
        <>
          <DialogTitle id="save-title">The file changed on disk</DialogTitle>
          <DialogContent>
            <DialogContentText>
              Someone or something changed the file after it was opened here. Reload it to see those
              changes (your unsaved edits are dropped), or overwrite it with your version (a backup
              of the file on disk is kept).
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>Cancel</Button>
            <Button onClick={props.onReload} disabled={props.busy}>
              Reload
            </Button>
            <Button
              color="warning"
              variant="contained"
              onClick={props.onOverwrite}
              disabled={props.busy}
            >
              Overwrite
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
