// The selected entry: what it is, and every field of each certificate in its chain (its actions
// are in the store's toolbar).
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { KeystoreView } from '../../../shared/api/keystore-contract';
import { CertificateDetails } from '../../components/certificate/CertificateDetails';
import { commonName } from '../../components/certificate/expiry';
import { DateText } from '../../components/dates/DateText';

export function EntryPanel(props: { entry: KeystoreView['entries'][number] }) {
  const { entry } = props;
  const [index, setIndex] = useState(0);
  const shown = Math.min(index, entry.chain.length - 1);
  const cert = entry.chain[shown];
  const key = entry.kind === 'key';
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
              label={`${i === 0 ? 'Leaf' : c.subject === c.issuer ? 'Root' : 'CA'}: ${commonName(c.subject)}`}
              sx={{ textTransform: 'none', maxWidth: 260 }}
            />
          ))}
        </Tabs>
      )}
      <Box>{cert && <CertificateDetails cert={cert} />}</Box>
    </Paper>
  );
}
