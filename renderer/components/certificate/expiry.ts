// Time left on a certificate, in words and as a tone (never colour alone: the words say it too).
import { humanDate } from '../dates/human-date';

const DAY = 24 * 60 * 60 * 1000;

export type ExpiryTone = 'expired' | 'soon' | 'ok' | 'not-yet';

export interface Expiry {
  tone: ExpiryTone;
  text: string;
  /** Share of the validity period still left, 0..1. */
  remaining: number;
}

export function expiryOf(notBefore: string, notAfter: string, now = Date.now()): Expiry {
  const start = Date.parse(notBefore);
  const end = Date.parse(notAfter);
  const total = Math.max(end - start, 1);
  const remaining = Math.min(Math.max((end - now) / total, 0), 1);
  const days = Math.floor((end - now) / DAY);
  if (now < start) {
    return { tone: 'not-yet', text: `not valid before ${humanDate(notBefore)}`, remaining: 1 };
  }
  if (end <= now) {
    const ago = Math.max(Math.floor((now - end) / DAY), 0);
    return {
      tone: 'expired',
      text: ago === 0 ? 'expired today' : `expired ${ago} day${ago === 1 ? '' : 's'} ago`,
      remaining: 0,
    };
  }
  const left = days === 0 ? 'expires today' : `${days} day${days === 1 ? '' : 's'} left`;
  return { tone: days < 30 ? 'soon' : 'ok', text: left, remaining };
}

/** The first CN of a keytool-style name ("CN=a, O=b"), else the whole name. */
export function commonName(name: string): string {
  const match = /(?:^|,\s*)CN=((?:\\,|[^,])*)/.exec(name);
  return match?.[1]?.replace(/\\,/g, ',').trim() || name;
}
