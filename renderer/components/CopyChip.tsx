// A small monospace chip that copies its text (a YAML key, a file path) on click, and says so.
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useEffect, useState } from 'react';
import { CopyIcon } from '../fields/icons';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `text`; the returned state shows "Copied" for a moment, or that the copy failed. */
export function useCopy(text: string) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    // The clipboard API needs a secure context: the app's window and 127.0.0.1 both are.
    const write = navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'));
    write.then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return { state, copy };
}

export const copyWords: Record<CopyState, string> = {
  idle: 'Copy',
  copied: 'Copied',
  failed: 'Copy failed: select the text instead',
};

/**
 * `cutStart`: a text too long for its place loses its start to the ellipsis ("…Settings.port"),
 * keeping the end that tells one key or path from its siblings; the tooltip shows it whole.
 */
export function CopyChip(props: { text: string; what: string; id?: string; cutStart?: boolean }) {
  const { state, copy } = useCopy(props.text);
  return (
    <Tooltip title={state === 'idle' ? `Copy ${props.what} ${props.text}` : copyWords[state]}>
      <Chip
        id={props.id}
        size="small"
        variant="outlined"
        clickable
        onClick={copy}
        icon={<CopyIcon sx={{ fontSize: 12 }} />}
        // An isolated left-to-right run inside a right-to-left label: the dots stay in place
        // while the overflow (and its ellipsis) moves to the start.
        label={state === 'copied' ? 'copied' : <bdi>{props.text}</bdi>}
        aria-label={`Copy ${props.what} ${props.text}`}
        data-copy={props.text}
        sx={{
          height: 24,
          maxWidth: '100%',
          minWidth: 0,
          fontFamily: 'monospace',
          fontSize: '0.72rem',
          borderRadius: 1,
          color: 'text.secondary',
          '& .MuiChip-label': { px: 0.75, ...(props.cutStart ? { direction: 'rtl' } : {}) },
        }}
      />
    </Tooltip>
  );
}
