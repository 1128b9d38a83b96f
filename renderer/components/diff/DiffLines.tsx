// A unified diff as a reviewer reads it: long lines wrap (nothing is cut at the right edge), added
// and removed lines are tinted, and the characters that changed inside a line are marked
// (<ins>/<del>, so the change is not told by colour alone).
import Box from '@mui/material/Box';
import { alpha, useTheme, type Theme } from '@mui/material/styles';
import { useMemo } from 'react';
import { diffLines, type DiffLineKind } from './line-diff';

function lineSx(theme: Theme, kind: DiffLineKind) {
  const { success, error, info, text, mode } = theme.palette;
  // On the tinted background, the light theme's main red and green fall under 4.5:1: use dark.
  const ink = (c: typeof error) => (mode === 'dark' ? c.main : c.dark);
  if (kind === 'add') return { color: ink(success), bgcolor: alpha(success.main, 0.12) };
  if (kind === 'remove') return { color: ink(error), bgcolor: alpha(error.main, 0.12) };
  if (kind === 'hunk') return { color: info.main };
  if (kind === 'file') return { color: text.secondary };
  return {};
}

export function DiffLines(props: { diff: string; label: string; maxHeight?: number | string }) {
  const theme = useTheme();
  const lines = useMemo(() => diffLines(props.diff), [props.diff]);
  const strong = theme.palette.mode === 'dark' ? 0.45 : 0.3;
  return (
    <Box
      component="pre"
      aria-label={props.label}
      tabIndex={0}
      sx={{
        m: 0,
        fontFamily: 'monospace',
        fontSize: 13,
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
        overflowY: 'auto',
        maxHeight: props.maxHeight ?? '60vh',
        // The marked characters sit on a stronger tint: plain text colour keeps them readable.
        '& ins, & del': {
          textDecoration: 'none',
          borderRadius: '2px',
          color: theme.palette.text.primary,
        },
        '& ins': { bgcolor: alpha(theme.palette.success.main, strong) },
        '& del': { bgcolor: alpha(theme.palette.error.main, strong) },
      }}
    >
      {lines.map((line, i) => (
        <Box
          component="span"
          key={i}
          data-diff-line={line.kind}
          // A wrapped line continues under its text, not under the +/- marker.
          sx={{
            display: 'block',
            pr: 1,
            pl: 'calc(8px + 1ch)',
            textIndent: '-1ch',
            ...lineSx(theme, line.kind),
          }}
        >
          {line.marker}
          {line.segments.length === 0 && ' '}
          {line.segments.map((s, j) => {
            if (!s.changed || line.kind === 'context') return s.text;
            const Mark = line.kind === 'add' ? 'ins' : 'del';
            return <Mark key={j}>{s.text}</Mark>;
          })}
        </Box>
      ))}
    </Box>
  );
}
