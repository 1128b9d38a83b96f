// Per-node result of a write, as `rwsec fleet set` reports it: written (and where the previous
// version was kept), already as requested, failed (why), or not attempted; and which version of
// the file each node holds, so a stopped run leaves no doubt.
import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import type { FleetState } from '../../../shared/api/fleet-contract';

type Result = NonNullable<FleetState['results']>[number];

const holdsText: Record<Result['holds'], string> = {
  new: 'holds the new file',
  old: 'holds the old file',
  other: 'holds a file changed there by someone else',
  unknown: 'could not be checked (the old or the new file, never a partial one)',
};

function describe(r: Result): { primary: string; secondary: string } {
  if (r.outcome === 'written') {
    return {
      primary: `${r.name}: written`,
      secondary: `${holdsText[r.holds]}; previous version kept as ${r.backup ?? '?'}`,
    };
  }
  if (r.outcome === 'unchanged')
    return { primary: `${r.name}: already as requested`, secondary: 'not written' };
  if (r.outcome === 'not-attempted')
    return {
      primary: `${r.name}: not attempted`,
      secondary: `an earlier node failed; ${holdsText[r.holds]}`,
    };
  return { primary: `${r.name}: FAILED`, secondary: `${r.error ?? ''}; ${holdsText[r.holds]}` };
}

function Summary(props: { results: Result[] }) {
  const names = (holds: Result['holds']) =>
    props.results.filter((r) => r.holds === holds).map((r) => r.name);
  const failed = props.results.find((r) => r.outcome === 'failed');
  const written = props.results.filter((r) => r.outcome === 'written').length;
  if (!failed) {
    return (
      <Alert severity="success" data-summary="done">
        {written} {written === 1 ? 'node' : 'nodes'} written; {props.results.length - written}{' '}
        already as requested.
      </Alert>
    );
  }
  return (
    <Alert severity="error" data-summary="stopped">
      Stopped at {failed.name}. New file on: {names('new').join(', ') || 'none'}; old file on:{' '}
      {names('old').join(', ') || 'none'}.
    </Alert>
  );
}

export function NodeResults(props: { results: Result[]; finished: boolean }) {
  return (
    <>
      {props.finished && <Summary results={props.results} />}
      <List dense aria-label="Result per node">
        {props.results.map((r) => {
          const text = describe(r);
          return (
            <ListItem key={r.name} data-result={r.name} data-outcome={r.outcome} disableGutters>
              <ListItemText
                primary={text.primary}
                secondary={text.secondary}
                slotProps={{
                  primary: { color: r.outcome === 'failed' ? 'error' : 'textPrimary' },
                  secondary: { sx: { overflowWrap: 'anywhere' } },
                }}
              />
            </ListItem>
          );
        })}
      </List>
    </>
  );
}
