// Who may use the serve host's API. No cookie: a cookie is not port-scoped, so every other
// service on 127.0.0.1 would receive it. Instead the printed URL carries a one-time opening token
// in its fragment (never sent in a request line, never logged); the page trades it once for a
// session token, keeps that in the tab's sessionStorage and sends it as a header. Each trade
// mints the next opening token, which the host prints, so another tab needs a new printed URL.
import { createHash, randomBytes } from 'node:crypto';
import { sameToken } from './guards';

function newToken(): string {
  return randomBytes(32).toString('hex');
}

/** Used opening tokens are kept only as hashes: enough to say "already used", nothing to steal. */
function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type OpenResult =
  { kind: 'opened'; session: string; nextOpening: string } | { kind: 'used' } | { kind: 'wrong' };

export class SessionTokens {
  private opening = newToken();
  private readonly used = new Set<string>();
  private readonly sessions = new Set<string>();

  /** The opening token not yet traded: the one in the URL the host printed last. */
  currentOpening(): string {
    return this.opening;
  }

  /** Trades the opening token for a new session; a token works once. */
  open(given: string | undefined): OpenResult {
    if (given !== undefined && sameToken(given, this.opening)) {
      this.used.add(digest(this.opening));
      const session = newToken();
      this.sessions.add(session);
      this.opening = newToken();
      return { kind: 'opened', session, nextOpening: this.opening };
    }
    if (given !== undefined && this.used.has(digest(given))) return { kind: 'used' };
    return { kind: 'wrong' };
  }

  /** A session token this host issued. Set lookup of a random 256-bit value leaks no prefix. */
  accepts(given: string | undefined): boolean {
    return given !== undefined && this.sessions.has(given);
  }
}

/** The token of `Authorization: Bearer <token>`, if the header has that form. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
}
