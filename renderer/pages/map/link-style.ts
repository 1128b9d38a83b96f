// How each link state is drawn: colour AND a glyph AND words, so no state depends on colour alone.
// Each theme has its own colours: text and lines in them keep a 4.5:1 contrast on its paper
// (the dark theme's are lighter; dark text goes on a chip filled with them).
import { useTheme } from '@mui/material/styles';
import type { LinkState } from '../../../shared/connections/types';

export interface LinkLook {
  color: string;
  /** Text colour on a background filled with `color`. */
  onColor: string;
  glyph: string;
  dash: string | undefined;
  /** Fits inside a link's box on the map. */
  short: string;
}

type Shape = Omit<LinkLook, 'color' | 'onColor'>;

const shapes: Record<LinkState, Shape> = {
  validated: { glyph: '✓', dash: undefined, short: 'Encrypted, validated' },
  'not-validated': { glyph: '!', dash: '10 5', short: 'Encrypted, NOT validated' },
  'partly-plain': { glyph: '◐', dash: '12 4 3 4', short: 'HTTPS + plain HTTP' },
  plain: { glyph: '✕', dash: '3 5', short: 'Not encrypted' },
  misconfigured: { glyph: '⚡', dash: undefined, short: 'Misconfigured' },
  unknown: { glyph: '?', dash: '2 6', short: 'Not known from this file' },
};

const colors: Record<'light' | 'dark', Record<LinkState, string>> = {
  light: {
    validated: '#2e7d32',
    'not-validated': '#b85300',
    'partly-plain': '#a84300',
    plain: '#d32f2f',
    misconfigured: '#9c27b0',
    unknown: '#757575',
  },
  dark: {
    validated: '#66bb6a',
    'not-validated': '#ffa726',
    'partly-plain': '#ffb74d',
    plain: '#ff6b6b',
    misconfigured: '#ce93d8',
    unknown: '#9e9e9e',
  },
};

export const linkStates = Object.keys(shapes) as LinkState[];

export function linkLooksFor(mode: 'light' | 'dark'): Record<LinkState, LinkLook> {
  const onColor = mode === 'dark' ? 'rgba(0, 0, 0, 0.87)' : '#fff';
  return Object.fromEntries(
    linkStates.map((state) => [state, { ...shapes[state], color: colors[mode][state], onColor }]),
  ) as Record<LinkState, LinkLook>;
}

export function useLinkLooks(): Record<LinkState, LinkLook> {
  return linkLooksFor(useTheme().palette.mode);
}
