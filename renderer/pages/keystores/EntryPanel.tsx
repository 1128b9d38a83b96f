// The selected entry: its actions, and every field of each certificate in its chain.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { KeystoreView } from '../../../shared/api/keystore-contract';
import { CertificateDetails } from '../../components/certificate/CertificateDetails';
import { commonName } from '../../components/certificate/expiry';
import { DateText } from '../../components/dates/DateText';
import type { EntryAction } from './entry-actions';

export function EntryPanel(props: {
  entry: KeystoreView['entries'][number];
  busy: boolean;
  onAction(action: EntryAction): void;
}) {
  const { entry } = props;
  const [index, setIndex] = useState(0);
  const shown = Math.min(index, entry.chain.length - 1);
  const cert = entry.chain[shown];
  const key = entry.kind === 'key';
  const button = (action: EntryAction, label: string, color?: 'error') => (
    <Button
      size="small"
      variant="outlined"
      color={color ?? 'primary'}
      disabled={props.busy}
      onClick={() => props.onAction(action)}
    >
      {label}
    </Button>
  );
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={`Entry ${entry.alias}`}
      sx={{ p: 2, minWidth: 0 }}
    >
      <Typography variant="h6" component="h2" sx={{ overflowWrap: 'anywhere' }}>
        {entry.alias}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {key
          ? `Private key entry with a chain of ${entry.chain.length}`
          : 'Trusted certificate entry'}{' '}
        · created <DateText value={entry.created} />
      </Typography>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mb: 2 }}>
        {button('chain', 'Preview chain')}
        {button('export-cert', 'Export certificate')}
        {entry.chain.length > 1 && button('export-chain', 'Export chain')}
        {key && button('csr', 'Create CSR')}
        {key && button('reply', 'Import CA reply')}
        {key && button('export-key', 'Export private key…')}
        {button('rename', 'Rename')}
        {button('delete', 'Delete', 'error')}
      </Stack>
      {entry.chain.length > 1 && (
        <Tabs
          value={shown}
          onChange={(_, next: number) => setIndex(next)}
          variant="scrollable"
          aria-label="Certificates of the chain"
          sx={{ mb: 1 }}
        >
          {entry.chain.map((c, i) => (
            <Tab
              key={c.sha256}
              value={i}
              label={`${i === 0 ? 'Leaf' : i === entry.chain.length - 1 ? 'Root' : 'CA'}: ${commonName(c.subject)}`}
              sx={{ textTransform: 'none', maxWidth: 260 }}
            />
          ))}
        </Tabs>
      )}
      <Box>{cert && <CertificateDetails cert={cert} />}</Box>
    </Paper>
  );
}
