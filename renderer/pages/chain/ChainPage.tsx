// The chain preview: pick what to judge (a file, pasted PEM, a keystore alias, a live endpoint)
// and what trusts it; see the chain drawn with each certificate's verdict, and both host-name
// verdicts for the host RWS connects to.
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ConfigStoreList } from '../keystores/ConfigStoreList';
import { errorText, readDropped } from '../keystores/files';
import { ConfigStoreActions } from './ConfigStoreActions';
import { ChainSourceForm } from './ChainSourceForm';
import { ChainVerdict } from './ChainVerdict';
import { useChainCheck } from './use-chain-check';

export default function ChainPage() {
  const c = useChainCheck();
  return (
    <Box
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        e.preventDefault();
        const file = e.dataTransfer.files[0];
        if (!file) return;
        readDropped(file).then(
          (read) => {
            c.setKind('file');
            c.setError(null);
            c.setUpload(read);
          },
          (err: unknown) => c.setError(errorText(err)),
        );
      }}
    >
      <Typography variant="h5" component="h1" gutterBottom>
        Chain preview
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Judges a certificate chain the way Java would when RWS connects: path to a trusted root,
        validity, CA flags, key usage, and the host name under both rules.
      </Typography>
      <ChainSourceForm check={c} />
      {!c.result && !c.error && (
        <>
          <ConfigStoreList actions={(store) => <ConfigStoreActions check={c} store={store} />} />
          <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
            <Typography color="text.secondary">
              Choose a certificate source and a trust source, then check the chain.
            </Typography>
          </Paper>
        </>
      )}
      {c.result && (
        <ChainVerdict key={c.checks} result={c.result} host={c.host} onHostChange={c.setHost} />
      )}
    </Box>
  );
}
