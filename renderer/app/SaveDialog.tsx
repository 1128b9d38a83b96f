// The reviewed save: the exact unified diff and what the save would leave (its new errors and
// warnings) first, then the write; new errors must be accepted by number (the save policy's gate);
// a file changed on disk since it was read gets an explicit Reload or Overwrite choice.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { ApiDiagnostic, SaveReview } from '../../shared/api/contract';
import { DiffLines } from '../components/diff/DiffLines';

export type SaveStep =
  { kind: 'review'; diff: string; review: SaveReview | null } | { kind: 'conflict' } | null;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function FindingList(props: { label: string; items: readonly ApiDiagnostic[] }) {
  return (
    <Box component="ul" aria-label={props.label} sx={{ m: 0, pl: 2.5 }}>
      {props.items.map((d, i) => (
        <li key={i}>
          line {d.line}: {d.message}
        </li>
      ))}
    </Box>
  );
}

/** What the save would leave: new errors (to accept), new warnings, errors the file already had. */
function ReviewFindings(props: { review: SaveReview }) {
  const { errors, newErrors, newWarnings } = props.review;
  const kept = errors.length - newErrors.length;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, mb: 2 }}>
      {newErrors.length > 0 && (
        <Alert severity="error">
          This save adds {plural(newErrors.length, 'error')}:
          <FindingList label="New errors" items={newErrors} />
        </Alert>
      )}
      {newWarnings.length > 0 && (
        <Alert severity="warning">
          This save adds {plural(newWarnings.length, 'warning')}:
          <FindingList label="New warnings" items={newWarnings} />
        </Alert>
      )}
      {kept > 0 && (
        <Alert severity="info">The file keeps {plural(kept, 'error')} it already had.</Alert>
      )}
    </Box>
  );
}

function newErrorCount(step: { review: SaveReview | null }): number {
  return step.review?.newErrors.length ?? 0;
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
            {step.review && <ReviewFindings review={step.review} />}
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
              color={newErrorCount(step) > 0 ? 'error' : 'primary'}
              onClick={() => props.onSave(newErrorCount(step))}
              disabled={props.busy || step.diff === ''}
            >
              {newErrorCount(step) > 0
                ? `Save with ${plural(newErrorCount(step), 'new error')}`
                : 'Save to disk'}
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
