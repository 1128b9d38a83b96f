// The verdict of one check: the banner (chain and host name together), the chain drawn with each
// certificate's verdict, the chosen certificate's details, and both host-name rules.
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { checkHostnames } from '../../../shared/tls/hostname';
import { ChainPicture } from './ChainPicture';
import { bannerOf, hostCheck } from './host-verdict';
import { HostnamePanel } from './HostnamePanel';
import type { ChainResult } from './use-chain-check';

export function ChainVerdict(props: {
  result: ChainResult;
  host: string;
  onHostChange(host: string): void;
}) {
  const { result, host } = props;
  // The leaf starts unfolded: its fields are what an admin checks first.
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set([0]));
  const toggle = (i: number) =>
    setExpanded((now) => {
      const next = new Set(now);
      if (!next.delete(i)) next.add(i);
      return next;
    });
  const leaf = result.report.certificates[0];
  const verdict = result.report.verdict;
  if (!leaf) return null;
  const leafHost = host.trim() !== '' ? hostCheck(checkHostnames(host.trim(), leaf)) : null;
  const banner = bannerOf(verdict.trusted, leafHost);

  return (
    <Stack spacing={2} component="section" aria-label="Chain verdict">
      <Alert
        severity={banner.severity}
        data-testid="chain-verdict"
        data-reason={verdict.reason}
        data-host-verdict={leafHost?.mark}
        sx={{ overflowWrap: 'anywhere' }}
      >
        <strong>{banner.title}</strong>: {verdict.message.replace(/^trusted: /, '')}
        {leafHost && leafHost.mark !== 'ok' && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            Host name: {leafHost.message}.
          </Typography>
        )}
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          Checked: {result.source}
        </Typography>
      </Alert>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <ChainPicture
          certificates={result.report.certificates}
          details={result.details}
          leafCheck={leafHost}
          expanded={expanded}
          onToggle={toggle}
        />
        {result.report.unused.length > 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            {result.report.unused.length} supplied certificate(s) are not part of this chain.
          </Typography>
        )}
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <TextField
          id="chain-host"
          label="Host name RWS connects to"
          value={host}
          placeholder="cfg.example.com"
          onChange={(e) => props.onHostChange(e.target.value)}
          sx={{ mb: 2, maxWidth: 420 }}
          fullWidth
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
        <HostnamePanel host={host} leaf={leaf} />
      </Paper>
    </Stack>
  );
}
