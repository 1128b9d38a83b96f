// "What to check": the source of the chain (one tab per kind), the trust source, and the button.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { FileSourceFields } from './FileSourceFields';
import { EndpointSourceField, KeystoreSourceField, PemSourceField } from './OtherSourceFields';
import { TrustPicker } from './TrustPicker';
import type { ChainCheck, SourceKind } from './use-chain-check';

export function ChainSourceForm(props: { check: ChainCheck }) {
  const c = props.check;
  return (
    <Paper
      variant="outlined"
      component="form"
      aria-label="What to check"
      sx={{ p: 2, mb: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        if (c.ready && !c.busy) void c.run();
      }}
    >
      <Tabs
        value={c.kind}
        onChange={(_, next: SourceKind) => {
          c.setKind(next);
          c.setError(null);
        }}
        aria-label="Source of the chain"
        sx={{ mb: 2 }}
      >
        <Tab value="file" label="File" />
        <Tab value="pem" label="Paste PEM" />
        <Tab value="keystore" label="Keystore alias" />
        <Tab value="endpoint" label="Live endpoint" />
      </Tabs>
      <Stack spacing={2}>
        {c.kind === 'file' && <FileSourceFields check={c} />}
        {c.kind === 'pem' && <PemSourceField check={c} />}
        {c.kind === 'keystore' && <KeystoreSourceField check={c} />}
        {c.kind === 'endpoint' && <EndpointSourceField check={c} />}
        <TrustPicker choices={c.choices} state={c.trust} onChange={c.setTrust} />
        <Box>
          <Button type="submit" variant="contained" disabled={!c.ready || c.busy}>
            {c.busy ? 'Checking…' : c.kind === 'endpoint' ? 'Connect and check' : 'Check chain'}
          </Button>
        </Box>
        {c.error && (
          <Alert severity="error" role="alert" sx={{ overflowWrap: 'anywhere' }}>
            {c.error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
