// A session with a serve host for tests that talk to its API without a browser: the printed
// opening token traded once, as the page does, for the session token sent as a bearer header.
import assert from 'node:assert/strict';

export async function openServeSession(origin: string, openingToken: string): Promise<string> {
  const res = await fetch(`${origin}/api/session/open`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${openingToken}` },
  });
  const body = (await res.json()) as { session?: string };
  assert.equal(res.status, 200, `opening a session: ${JSON.stringify(body)}`);
  assert.ok(body.session, 'the host answers with a session token');
  return body.session;
}
