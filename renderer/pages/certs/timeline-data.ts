// The Certificates page's chart data: one row per certificate (soonest expiry first), as offsets
// from the left edge of the time axis, so that the stacked bar of each row starts at notBefore.
import type { InventoryCertificate } from '../../../shared/certs/inventory';

export const DAY = 86_400_000;

export interface Timeline {
  /** Axis origin (ms since 1970): every value below is relative to it. */
  base: number;
  end: number;
  today: number;
  warnEnd: number;
  labels: string[];
  /** Invisible part of each bar: from the axis origin to notBefore. */
  offset: number[];
  /** Visible part per state: notAfter - notBefore for rows in that state, else null. */
  byState: Record<'expired' | 'expiring' | 'valid', (number | null)[]>;
}

/** `CN (alias)`; with a fleet, the node first: `rws-2: CN (alias)`. */
export function rowLabel(c: InventoryCertificate, withNode = false): string {
  const name = c.subjectCN || c.subject;
  const label = c.alias ? `${name} (${c.alias})` : name;
  return withNode ? `${c.node}: ${label}` : label;
}

export function timeline(
  certs: readonly InventoryCertificate[],
  now: number,
  warnDays: number,
  withNode = false,
): Timeline {
  const starts = certs.map((c) => Date.parse(c.notBefore));
  const ends = certs.map((c) => Date.parse(c.notAfter));
  // The axis shows a year around today at least, and every bar in full.
  const base = Math.min(now - 180 * DAY, ...starts);
  const end = Math.max(now + Math.max(warnDays, 365) * DAY, ...ends);
  const byState: Timeline['byState'] = { expired: [], expiring: [], valid: [] };
  certs.forEach((c, i) => {
    const length = (ends[i] ?? 0) - (starts[i] ?? 0);
    const state = c.state === 'not-yet-valid' ? 'valid' : c.state;
    for (const key of ['expired', 'expiring', 'valid'] as const) {
      byState[key].push(key === state ? length : null);
    }
  });
  return {
    base,
    end,
    today: now,
    warnEnd: now + warnDays * DAY,
    labels: certs.map((c) => rowLabel(c, withNode)),
    offset: starts.map((s) => s - base),
    byState,
  };
}
