// The API over HTTP for `rwsec serve`. No cookie (other ports of 127.0.0.1 would receive it): the
// printed URL carries a one-time opening token in its fragment, which this page takes out of the
// address bar at once and trades for a session token kept in this tab's sessionStorage and sent
// as a header. A reload of the tab finds the session there; another tab needs a new printed URL.
import { channelNames } from '../../shared/api/channels';
import type { Channel, Request, Response, RwsApi } from '../../shared/api/contract';

const sessionKey = 'rwsec-serve-session';

const notReachable = 'The rwsec serve host is not reachable. Is it still running?';
const noSession =
  'This tab has no session with rwsec serve. Open the newest URL that `rwsec serve` printed ' +
  '(each URL opens one tab), or go back to the tab that has the session.';

/** The opening token of `#token=...`, removed from the address bar and history entry. */
function takeOpeningToken(): string | null {
  const token = /^#token=([0-9a-f]+)$/.exec(window.location.hash)?.[1] ?? null;
  if (window.location.hash !== '') {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return token;
}

async function errorMessage(res: globalThis.Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The host answered ${res.status}.`;
}

async function openSession(opening: string | null): Promise<string> {
  const stored = window.sessionStorage.getItem(sessionKey);
  if (opening === null) {
    if (stored) return stored;
    throw new Error(noSession);
  }
  let res: globalThis.Response;
  try {
    res = await fetch('/api/session/open', {
      method: 'POST',
      headers: { Authorization: `Bearer ${opening}` },
    });
  } catch {
    throw new Error(notReachable);
  }
  // A used link in a tab that already has its session (e.g. the link pasted again): keep it.
  if (!res.ok && stored) return stored;
  if (!res.ok) throw new Error(await errorMessage(res));
  const { session } = (await res.json()) as { session: string };
  window.sessionStorage.setItem(sessionKey, session);
  return session;
}

export function createHttpApi(): RwsApi {
  const opening = takeOpeningToken();
  let session: Promise<string> | undefined;

  async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
    session ??= openSession(opening);
    const token = await session;
    let res: globalThis.Response;
    try {
      res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(request),
      });
    } catch {
      throw new Error(notReachable);
    }
    // The host restarted (sessions live as long as it runs): this tab's session is gone.
    if (res.status === 401) {
      window.sessionStorage.removeItem(sessionKey);
      throw new Error(noSession);
    }
    if (!res.ok) throw new Error(await errorMessage(res));
    return (await res.json()) as Response<C>;
  }

  return Object.fromEntries(
    channelNames.map((channel) => [channel, (request: never) => call(channel, request)]),
  ) as unknown as RwsApi;
}
