// Step 1 of the Cassandra wizard: the node list as pasted, parsed into chips; a name that is not a
// host name or address is red with the reason.
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { looksLikeHost, parseNodeList } from '../node-list';

export function nodesProblem(nodesText: string): string | null {
  const nodes = parseNodeList(nodesText);
  const bad = nodes.filter((n) => !looksLikeHost(n));
  if (bad.length > 0) return `Not a host name or address: ${bad.join(', ')}`;
  return nodes.length === 0 ? 'Give at least one node.' : null;
}

export function NodesStep(props: { nodesText: string; onChange(text: string): void }) {
  const nodes = parseNodeList(props.nodesText);
  const bad = nodes.filter((n) => !looksLikeHost(n));
  return (
    <>
      <TextField
        label="Cassandra nodes"
        value={props.nodesText}
        onChange={(e) => props.onChange(e.target.value)}
        multiline
        minRows={3}
        maxRows={10}
        fullWidth
        helperText="Paste a list: commas, spaces or one per line. Use the names (or addresses) RWS and cqlsh connect to."
        slotProps={{ htmlInput: { 'aria-label': 'Cassandra nodes' } }}
      />
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} aria-label="Parsed nodes">
        {nodes.map((n) => (
          <Chip
            key={n}
            label={n}
            color={looksLikeHost(n) ? 'default' : 'error'}
            title={looksLikeHost(n) ? undefined : 'Not a host name or address'}
            onDelete={() => props.onChange(nodes.filter((x) => x !== n).join('\n'))}
          />
        ))}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {nodes.length} node{nodes.length === 1 ? '' : 's'}
      </Typography>
      {bad.length > 0 && (
        <Alert severity="error">Not a host name or address: {bad.join(', ')}</Alert>
      )}
    </>
  );
}
