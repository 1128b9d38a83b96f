// One call path for both hosts (Electron IPC and the HTTP host): parse the untrusted request with
// the channel's schema, run the handler, and check the response against the contract too.
import { contract, type ApiHandlers, type Channel, type Response } from './contract';

export type ApiErrorCode = 'bad-request' | 'unavailable' | 'failed';

/** An error the UI can show as is: its message names the problem and what to do. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function describeIssues(error: { issues: readonly { path: PropertyKey[]; message: string }[] }) {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'request'}: ${i.message}`)
    .join('; ');
}

export async function dispatch<C extends Channel>(
  handlers: ApiHandlers,
  channel: C,
  raw: unknown,
): Promise<Response<C>> {
  const spec = contract[channel];
  const parsed = spec.request.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new ApiError(
      'bad-request',
      `Invalid ${channel} request: ${describeIssues(parsed.error)}`,
    );
  }
  const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
  const result = await handler(parsed.data);
  // A response that breaks the contract is our bug; parse() makes it fail here, not in the UI.
  return spec.response.parse(result) as Response<C>;
}
