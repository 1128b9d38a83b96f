// Messages about the last action (saved, failed), shown as a strip under the app bar instead of a
// floating snackbar: the strip is part of the header and the page moves down to make room, so a
// message never covers a field or a button.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useEffect, useLayoutEffect, useRef } from 'react';

export interface StatusMessage {
  key: string;
  severity: 'success' | 'error';
  text: string;
  onClose(): void;
  /** Success messages go by themselves after this many ms; errors stay until closed. */
  autoHideMs?: number;
}

function AutoHide({ message }: { message: StatusMessage }) {
  const { autoHideMs, text } = message;
  // The latest onClose, without restarting the timer on every render of the shell.
  const close = useRef(message.onClose);
  close.current = message.onClose;
  useEffect(() => {
    if (autoHideMs === undefined) return;
    const timer = setTimeout(() => close.current(), autoHideMs);
    return () => clearTimeout(timer);
  }, [autoHideMs, text]);
  return null;
}

export function StatusStrip({ messages }: { messages: readonly StatusMessage[] }) {
  return (
    <Box data-testid="status-strip" sx={{ px: 2, '&:empty': { display: 'none' } }}>
      {messages.map((m) => (
        <Alert
          key={m.key}
          severity={m.severity}
          role={m.severity === 'error' ? 'alert' : 'status'}
          onClose={m.onClose}
          sx={{ my: 0.5, py: 0, overflowWrap: 'anywhere' }}
        >
          <AutoHide message={m} />
          {m.text}
        </Alert>
      ))}
    </Box>
  );
}

/**
 * Publishes the header's height as `--app-bar-height`, which the spacers under it use, so content
 * starts below the header however tall its message strip makes it.
 */
export function useHeaderHeight() {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const header = ref.current;
    if (!header) return;
    // Without this, Chrome keeps the scrolled content in place when the spacer grows, so the
    // taller header would cover the top of it: the content must move down instead.
    document.documentElement.style.overflowAnchor = 'none';
    const publish = () =>
      document.documentElement.style.setProperty('--app-bar-height', `${header.offsetHeight}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  return ref;
}

/** Stands in for the header in the page's flow (the header itself is fixed). */
export const headerSpacer = { height: 'var(--app-bar-height, 48px)', flexShrink: 0 } as const;
