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
