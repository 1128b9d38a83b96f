// One row per node: where it is, which file, whether it was read (or why not, with the step to
// take), its errors and warnings as `rwsec validate` on the node finds them, and when it was read.
// "Edit" opens the node's file in the normal editor; saving writes it back over SSH.
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FleetState } from '../../../shared/api/fleet-contract';
import { BreakableText } from '../../components/BreakableText';
import { SinceText } from '../../components/dates/SinceText';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { fixStep } from './fix-step';

type Node = FleetState['nodes'][number];

/** Errors and warnings of a node that was not read are unknown, not zero. */
const notRead = (
  <>
    <span aria-hidden="true" title="not read">
      —
    </span>
    <VisuallyHidden>not read</VisuallyHidden>
  </>
);

function count(node: Node, severity: 'error' | 'warning'): number {
  return node.diagnostics.filter((d) => d.severity === severity).length;
}

function Status(props: { node: Node }) {
  const { node } = props;
  if (!node.error) return <Chip size="small" color="success" label="Read" />;
  const step = fixStep(node.error);
  return (
    <>
      <Chip
        size="small"
        color="error"
        label={node.reachable ? 'Not readable' : 'Unreachable'}
        sx={{ mb: 0.5 }}
      />
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {step.text}
      </Typography>
      {step.command && (
        <Typography
          component="code"
          variant="body2"
          data-fix-step
          sx={{ display: 'block', fontFamily: 'monospace', overflowWrap: 'anywhere', mt: 0.5 }}
        >
          {step.command}
        </Typography>
      )}
    </>
  );
}

export function NodeTable(props: {
  nodes: FleetState['nodes'];
  disabled: boolean;
  onEdit(node: string): void;
}) {
  return (
    <Table size="small" aria-label="Nodes">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '20%' }}>Node</TableCell>
          <TableCell>Address</TableCell>
          <TableCell sx={{ width: '22%' }}>Config</TableCell>
          <TableCell sx={{ width: '24%' }}>Status</TableCell>
          <TableCell align="right">Errors</TableCell>
          <TableCell align="right">Warnings</TableCell>
          <TableCell sx={{ whiteSpace: 'nowrap' }}>Last read</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {props.nodes.map((node) => {
          const read = !node.error;
          return (
            <TableRow key={node.name} data-node={node.name} data-reachable={node.reachable}>
              <TableCell component="th" scope="row">
                <BreakableText text={node.name} />
              </TableCell>
              <TableCell sx={{ minWidth: 150 }}>
                <BreakableText text={node.host} />
              </TableCell>
              <TableCell>
                <BreakableText text={node.config} monospace />
              </TableCell>
              <TableCell>
                <Status node={node} />
              </TableCell>
              <TableCell align="right" data-errors={read ? count(node, 'error') : undefined}>
                {read ? count(node, 'error') : notRead}
              </TableCell>
              <TableCell align="right">{read ? count(node, 'warning') : notRead}</TableCell>
              <TableCell data-read-at={node.readAt}>
                {!read && 'tried '}
                <SinceText value={node.readAt} />
              </TableCell>
              <TableCell>
                <Button
                  size="small"
                  disabled={props.disabled || !node.reachable}
                  onClick={() => props.onEdit(node.name)}
                  aria-label={`Edit ${node.name}'s configuration`}
                >
                  Edit
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
