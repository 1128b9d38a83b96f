// What a save would leave in the file: every error and warning of the text to be written, the ones
// this save adds marked "new" (the save policy's review, shared with `rwsec set`).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ApiDiagnostic, SaveReview } from '../../shared/api/contract';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const key = (d: ApiDiagnostic) => `${d.rule}\u0000${d.path}`;

function summary(review: SaveReview): string {
  const part = (all: number, added: number, word: string) =>
    all === 0 ? [] : [`${plural(all, word)}${added > 0 ? ` (${added} new)` : ''}`];
  const { errors, warnings, newErrors, newWarnings } = review;
  const parts = [
    ...part(errors.length, newErrors.length, 'error'),
    ...part(warnings.length, newWarnings.length, 'warning'),
  ];
  return `The saved file would have ${parts.join(' and ')}.`;
}

export function SaveFindings(props: { review: SaveReview }) {
  const { review } = props;
  const fresh = new Set([...review.newErrors, ...review.newWarnings].map(key));
  const items = [...review.errors, ...review.warnings];
  if (items.length === 0) return null;
  const severity = review.errors.length > 0 ? 'error' : 'warning';
  return (
    <Alert severity={severity} sx={{ mb: 2, '& .MuiAlert-message': { width: '100%' } }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="save-findings-summary">
        {summary(review)}
      </Typography>
      <Box
        component="ul"
        aria-label="Errors and warnings the save would leave"
        sx={{ m: 0, mt: 1, p: 0, listStyle: 'none', display: 'grid', gap: 0.75 }}
      >
        {items.map((d, i) => {
          const isNew = fresh.has(key(d));
          return (
            <Box
              component="li"
              key={`${key(d)}-${i}`}
              data-severity={d.severity}
              data-new={isNew}
              sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}
            >
              <Chip
                size="small"
                label={d.severity === 'error' ? 'Error' : 'Warning'}
                color={d.severity === 'error' ? 'error' : 'warning'}
                sx={{ minWidth: 72 }}
              />
              {isNew && <Chip size="small" variant="outlined" label="new" color="default" />}
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere', color: 'text.primary' }}>
                {d.message}{' '}
                <Box component="span" sx={{ color: 'text.secondary' }}>
                  ({d.path}, line {d.line})
                </Box>
              </Typography>
            </Box>
          );
        })}
      </Box>
    </Alert>
  );
}
