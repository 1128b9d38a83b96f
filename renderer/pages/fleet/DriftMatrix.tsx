// The values that differ between nodes: one row per key, one column per node. Keys that must
// match on every node (a difference breaks the cluster) come first and the cells that differ from
// most nodes are red; keys that may differ (ports, paths, URLs naming the node) are only listed. "Use on all"
// plans the change that makes every node hold a group's value (reviewed before anything is written).
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { alpha, useTheme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FleetState } from '../../../shared/api/fleet-contract';
import { BreakableText } from '../../components/BreakableText';
import { driftCells, groupLetter, groupsText } from './drift-cells';

type Drift = FleetState['drift'][number];

function UseOnAll(props: { drift: Drift; disabled: boolean; onUse(value: string): void }) {
  const { drift } = props;
  // Secrets and trust files (compared by their certificates) are changed by typing a value.
  if (drift.secret || drift.byCertificates) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {drift.groups.map((g, i) =>
        g.absent ? null : (
          <Button
            key={i}
            size="small"
            disabled={props.disabled}
            onClick={() =>
              props.onUse(typeof g.value === 'string' ? g.value : JSON.stringify(g.value))
            }
            aria-label={`Use value ${groupLetter(i)} of ${drift.path} on all nodes`}
          >
            Use {groupLetter(i)} on all
          </Button>
        ),
      )}
    </Box>
  );
}

export function DriftMatrix(props: {
  drift: FleetState['drift'];
  nodes: string[];
  disabled: boolean;
  onUse(path: string, value: string): void;
}) {
  const theme = useTheme();
  if (props.drift.length === 0) {
    return <Typography color="text.secondary">Every node holds the same values.</Typography>;
  }
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Drift between nodes">
        <TableHead>
          <TableRow>
            <TableCell>Key</TableCell>
            {props.nodes.map((n) => (
              <TableCell key={n} sx={{ minWidth: 120 }}>
                <BreakableText text={n} />
              </TableCell>
            ))}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {props.drift.map((d) => {
            const cells = driftCells(d);
            const tone = theme.palette.error.main;
            return (
              <TableRow key={d.path} data-drift={d.path} data-must-match={d.mustMatch}>
                <TableCell component="th" scope="row" sx={{ minWidth: 200, maxWidth: 320 }}>
                  <code>
                    <BreakableText text={d.path} />
                  </code>
                  <Box sx={{ mt: 0.5 }}>
                    <Chip
                      size="small"
                      variant="outlined"
                      color={d.mustMatch ? 'error' : 'warning'}
                      label={d.mustMatch ? 'must match' : 'differs'}
                    />
                  </Box>
                  <Typography variant="caption" color="text.secondary" component="div">
                    {groupsText(d)}
                  </Typography>
                </TableCell>
                {props.nodes.map((n) => {
                  const cell = cells.get(n);
                  return (
                    <TableCell
                      key={n}
                      data-cell={n}
                      data-differs={cell?.differs ?? false}
                      sx={{
                        maxWidth: 280,
                        ...(cell?.differs && d.mustMatch
                          ? { bgcolor: alpha(tone, 0.14), borderLeft: `3px solid ${tone}` }
                          : {}),
                      }}
                    >
                      {cell ? (
                        <>
                          <strong>{cell.group}</strong> <BreakableText text={cell.shown} />
                        </>
                      ) : (
                        '(not read)'
                      )}
                    </TableCell>
                  );
                })}
                <TableCell>
                  <UseOnAll
                    drift={d}
                    disabled={props.disabled}
                    onUse={(v) => props.onUse(d.path, v)}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
