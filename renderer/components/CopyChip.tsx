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

export function CopyChip(props: { text: string; what: string; id?: string }) {
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
        label={state === 'copied' ? 'copied' : props.text}
        aria-label={`Copy ${props.what} ${props.text}`}
        data-copy={props.text}
        sx={{
          height: 24,
          maxWidth: '100%',
          fontFamily: 'monospace',
          fontSize: '0.72rem',
          borderRadius: 1,
          color: 'text.secondary',
          '& .MuiChip-label': { px: 0.75 },
        }}
      />
    </Tooltip>
  );
}
