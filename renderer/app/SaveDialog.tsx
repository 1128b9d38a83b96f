// The reviewed save: the exact unified diff and what the save would leave (every error and warning,
// new ones marked) first, then the write; saving with errors is its own, differently labelled
// button, and new errors are accepted by number (the save policy's gate);
// a file changed on disk since it was read gets an explicit Reload or Overwrite choice.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { SaveReview } from '../../shared/api/contract';
import { DiffLines } from '../components/diff/DiffLines';
import { plural, SaveFindings } from './SaveFindings';

export type SaveStep =
  { kind: 'review'; diff: string; review: SaveReview | null } | { kind: 'conflict' } | null;

/** New errors are accepted by number (the policy's gate); the label names every error left. */
function saveAction(review: SaveReview | null) {
  const errors = review?.errors.length ?? 0;
  return {
    accept: review?.newErrors.length ?? 0,
    label: errors > 0 ? `Save with ${plural(errors, 'error')}` : 'Save to disk',
    color: errors > 0 ? ('error' as const) : ('primary' as const),
  };
}

export function SaveDialog(props: {
  step: SaveStep;
  busy: boolean;
  /** `acceptErrors`: the number of new errors the user accepted by pressing the button. */
  onSave(acceptErrors: number): void;
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
            {step.review && <SaveFindings review={step.review} />}
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
              color={saveAction(step.review).color}
              onClick={() => props.onSave(saveAction(step.review).accept)}
              disabled={props.busy || step.diff === ''}
            >
              {saveAction(step.review).label}
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
