// The host's fleet work as it goes: which step, and nodes done of that step's total, read from
// the host's own counts (a node is counted when its read, upload or switch has finished).
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { FleetState } from '../../../shared/api/fleet-contract';

type Activity = NonNullable<FleetState['activity']>;

const doing: Record<Activity['kind'], string> = {
  reading: 'Reading the nodes',
  planning: 'Planning the change on each node',
  uploading: "Uploading the new file beside each node's file (nothing replaced yet)",
  writing: 'Switching the nodes to their new file, one by one',
};

export function FleetProgress(props: { activity: Activity }) {
  const { kind, done, total } = props.activity;
  return (
    <Box role="status" data-progress={`${done}/${total}`} data-step={kind} sx={{ mb: 2 }}>
      <Typography sx={{ mb: 1 }}>
        {doing[kind]}: {done} of {total} {total === 1 ? 'node' : 'nodes'} done
      </Typography>
      <LinearProgress
        variant="determinate"
        value={total ? (100 * done) / total : 0}
        aria-label={`${doing[kind]}: ${done} of ${total}`}
      />
    </Box>
  );
}
