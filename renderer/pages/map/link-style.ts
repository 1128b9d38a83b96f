// How each link state is drawn: colour AND a glyph AND words, so no state depends on colour alone.
import type { LinkState } from '../../../shared/connections/types';

export interface LinkLook {
  color: string;
  glyph: string;
  dash: string | undefined;
  /** Fits inside a link's box on the map. */
  short: string;
}

export const linkLooks: Record<LinkState, LinkLook> = {
  validated: { color: '#2e7d32', glyph: '✓', dash: undefined, short: 'Encrypted, validated' },
  'not-validated': {
    color: '#ed6c02',
    glyph: '!',
    dash: '10 5',
    short: 'Encrypted, NOT validated',
  },
  'partly-plain': {
    color: '#ed6c02',
    glyph: '◐',
    dash: '12 4 3 4',
    short: 'HTTPS + plain HTTP',
  },
  plain: { color: '#d32f2f', glyph: '✕', dash: '3 5', short: 'Not encrypted' },
  misconfigured: { color: '#9c27b0', glyph: '⚡', dash: undefined, short: 'Misconfigured' },
  unknown: { color: '#757575', glyph: '?', dash: '2 6', short: 'Unknown from this file' },
};
