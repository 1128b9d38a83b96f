// Text for screen readers only: announced with its neighbours, invisible on screen.
import type { ReactNode } from 'react';

const hidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

export function VisuallyHidden(props: { children: ReactNode }) {
  return <span style={hidden}>{props.children}</span>;
}
