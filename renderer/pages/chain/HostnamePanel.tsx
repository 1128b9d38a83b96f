// Both host-name verdicts side by side, computed here from the leaf's names as the user types,
// with which RWS connection uses which rule.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { checkHostnames } from '../../../shared/tls/hostname';
import type { CertificateReport, HostnameVerdict } from '../../../shared/tls/verdicts';

const statusLook = {
  match: { color: 'success', text: '✓ match' },
  mismatch: { color: 'error', text: '✗ name mismatch' },
  unknown: { color: 'warning', text: '? unknown' },
} as const;

const rules = [
  {
    rule: 'rfc6125' as const,
    title: 'Standard (RFC 6125)',
    uses: 'Browsers and HTTPS clients of RWS; RWS to WebDAV, Recording Crypto Server and SpeechMiner (JVM HTTPS checks). Cassandra: not stated.',
  },
  {
    rule: 'rws' as const,
    title: "RWS's rule",
    uses: 'RWS to Configuration Server, SIP Server and Interaction Server: the host must equal the Issuer CN, the Subject CN or a SAN DNS name (vendor guide).',
  },
];

function Verdict(props: { title: string; uses: string; verdict: HostnameVerdict }) {
  const look = statusLook[props.verdict.status];
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, minWidth: 0, borderColor: `${look.color}.main` }}
      data-rule={props.verdict.rule}
      data-status={props.verdict.status}
      aria-label={`${props.title}: ${look.text}`}
      component="section"
    >
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, mb: 1 }}>
        <Typography sx={{ fontWeight: 600 }}>{props.title}</Typography>
        <Chip size="small" color={look.color} label={look.text} />
      </Box>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere', mb: 1 }}>
        {props.verdict.message}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        Used by: {props.uses}
      </Typography>
    </Paper>
  );
}

export function HostnamePanel(props: { host: string; leaf: CertificateReport }) {
  const host = props.host.trim();
  if (host === '') {
    return (
      <Typography color="text.secondary">
        Type the host name RWS connects to, to see whether the certificate matches it.
      </Typography>
    );
  }
  const verdicts = checkHostnames(host, props.leaf);
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}
      aria-label="Host-name verdicts"
    >
      {rules.map((r) => (
        <Verdict key={r.rule} title={r.title} uses={r.uses} verdict={verdicts[r.rule]} />
      ))}
    </Box>
  );
}
