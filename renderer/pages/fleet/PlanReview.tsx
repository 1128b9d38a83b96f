// The review of one change on every node, before anything is written: each node's diff (secrets
// masked), the errors the change would add there, or why it cannot be made there.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { FleetState } from '../../../shared/api/fleet-contract';
import { DiffLines } from '../../components/diff/DiffLines';

type Plan = NonNullable<FleetState['plan']>;

export function PlanReview(props: { plan: Plan }) {
  return (
    <>
      {props.plan.nodes.map((n) => (
        <Box key={n.name} component="section" data-plan-node={n.name} sx={{ mb: 2 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 500 }}>
            {n.name}{' '}
            <Typography component="span" variant="body2" color="text.secondary">
              {n.config}
            </Typography>
          </Typography>
          {n.error && <Alert severity="error">{n.error}</Alert>}
          {!n.error && n.unchanged && (
            <Typography color="text.secondary">Already as requested: not written.</Typography>
          )}
          {!n.error && !n.unchanged && (
            <DiffLines diff={n.diff} label={`Changes on ${n.name}`} maxHeight={240} />
          )}
          {n.addedErrors.map((d) => (
            <Alert key={`${d.rule}:${d.path}`} severity="error" sx={{ mt: 1 }} data-added-error>
              New error on {n.name}: {d.message} ({d.path || 'file'})
            </Alert>
          ))}
        </Box>
      ))}
    </>
  );
}
