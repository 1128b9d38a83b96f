// One dialog for a change on every node: planning (nodes read / total), the review (every node's
// diff and findings), the write (nodes done / total, results as they come), then the per-node
// result. Writing needs an explicit click; a change that adds errors needs a second, red one.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { FleetState } from '../../../shared/api/fleet-contract';
import { FleetProgress } from './FleetProgress';
import { NodeResults } from './NodeResults';
import { PlanReview } from './PlanReview';

export function ApplyDialog(props: {
  state: FleetState;
  open: boolean;
  error: string | null;
  onWrite(force: boolean): void;
  onClose(): void;
}) {
  const { state } = props;
  const { plan, activity, results } = state;
  const changing = plan?.nodes.filter((n) => !n.unchanged && !n.error).length ?? 0;
  const blocked = plan?.nodes.some((n) => n.error) ?? false;
  const adding = plan?.nodes.reduce((sum, n) => sum + n.addedErrors.length, 0) ?? 0;
  const reviewing = plan !== null && activity === null && results === null;
  const failure = props.error ?? state.error;

  return (
    <Dialog open={props.open} maxWidth="lg" fullWidth aria-labelledby="fleet-apply-title">
      <DialogTitle id="fleet-apply-title">
        {plan ? `Apply ${plan.paths.join(', ')} to every node` : 'Apply to every node'}
      </DialogTitle>
      <DialogContent dividers>
        {activity && <FleetProgress activity={activity} />}
        {failure && activity === null && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {failure}
          </Alert>
        )}
        {results && results.length > 0 && (
          <NodeResults results={results} finished={activity?.kind !== 'writing'} />
        )}
        {reviewing && (
          <>
            <Typography sx={{ mb: 2 }}>
              {changing === 0
                ? 'Every node is already as requested: nothing to write.'
                : `${changing} of ${plan.nodes.length} nodes change. Nodes are written one by one in inventory order; the first failure stops the run.`}
            </Typography>
            <PlanReview plan={plan} />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={activity !== null}>
          {reviewing ? 'Cancel' : 'Close'}
        </Button>
        {reviewing && adding > 0 && (
          <Button
            color="error"
            variant="contained"
            disabled={blocked || changing === 0}
            onClick={() => props.onWrite(true)}
          >
            Write anyway with {adding} new {adding === 1 ? 'error' : 'errors'}
          </Button>
        )}
        {reviewing && adding === 0 && (
          <Button
            variant="contained"
            disabled={blocked || changing === 0}
            onClick={() => props.onWrite(false)}
          >
            Write {changing} {changing === 1 ? 'node' : 'nodes'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
