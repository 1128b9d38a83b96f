// The one date format of the app: "12 Mar 2027", in UTC (certificate times are UTC, and a local
// day would put a certificate that ends at 23:00Z on the next day east of Greenwich). English
// month names, not the browser locale, so every page and every screenshot reads the same.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parse(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "12 Mar 2027"; an unreadable value comes back as given rather than as "Invalid Date". */
export function humanDate(value: string | number | Date): string {
  const date = parse(value);
  if (!date) return String(value);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The exact instant for the hover and the `<time dateTime>`: "2027-03-12T10:00:00Z". */
export function isoInstant(value: string | number | Date): string {
  const date = parse(value);
  if (!date) return String(value);
  return date.toISOString().replace('.000Z', 'Z');
}

const INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g;

/** A message from the engine ("expired on 2026-01-05T10:00:00.000Z ...") in the app's format. */
export function humanizeInstants(text: string): string {
  return text.replace(INSTANT, (instant) => humanDate(instant));
}

/**
 * How long ago something happened, for times the user just caused (a node read a moment ago):
 * "just now", "40 s ago", "5 min ago", "3 h ago"; a day or more reads as the day itself. A time
 * slightly ahead of `now` (another machine's clock) is "just now", never "in 2 s".
 */
export function sinceText(value: string | number | Date, now: number): string {
  const date = parse(value);
  if (!date) return String(value);
  const seconds = Math.floor((now - date.getTime()) / 1000);
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return humanDate(date);
}
