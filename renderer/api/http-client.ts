// The API over HTTP for `rwsec serve`. The page never sees the token: the host traded it for an
// HttpOnly cookie when the printed URL was opened, and same-origin fetches send that cookie.
import { channelNames } from '../../shared/api/channels';
import type { Channel, Request, Response, RwsApi } from '../../shared/api/contract';

async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
  let res: globalThis.Response;
  try {
    res = await fetch(`/api/${channel}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch {
    throw new Error('The rwsec serve host is not reachable. Is it still running?');
  }
  if (res.status === 401) {
    throw new Error(
      'Not signed in to this rwsec serve host: open the full URL it printed (with ?token=...).',
    );
  }
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new Error(body?.error?.message ?? `The host answered ${res.status}.`);
  return body as Response<C>;
}

export function createHttpApi(): RwsApi {
  return Object.fromEntries(
    channelNames.map((channel) => [channel, (request: never) => call(channel, request)]),
  ) as unknown as RwsApi;
}
