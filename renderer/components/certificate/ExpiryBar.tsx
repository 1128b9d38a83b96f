// Time left as a bar: red when expired, orange under 30 days, green otherwise, with the words.
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { DateText } from '../dates/DateText';
import { humanDate } from '../dates/human-date';
import { expiryOf } from './expiry';

const colors = { expired: 'error', soon: 'warning', ok: 'success', 'not-yet': 'warning' } as const;

export function ExpiryBar(props: { notBefore: string; notAfter: string }) {
  const expiry = expiryOf(props.notBefore, props.notAfter);
  return (
    <Box sx={{ minWidth: 120 }} data-expiry={expiry.tone}>
      <LinearProgress
        variant="determinate"
        value={expiry.tone === 'expired' ? 100 : Math.max(expiry.remaining * 100, 3)}
        color={colors[expiry.tone]}
        aria-label={`Validity: ${expiry.text}, until ${humanDate(props.notAfter)}`}
        sx={{ height: 8, borderRadius: 4 }}
      />
      <Typography
        variant="caption"
        color={expiry.tone === 'ok' ? 'text.secondary' : `${colors[expiry.tone]}.main`}
        sx={{ fontWeight: expiry.tone === 'ok' ? 400 : 600 }}
      >
        {expiry.text} · <DateText value={props.notAfter} />
      </Typography>
    </Box>
  );
}
