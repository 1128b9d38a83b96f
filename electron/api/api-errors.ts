// The app's door for errors: a user-facing error (shared/user-error.ts) becomes an ApiError whose
// message the UI shows as is; anything else is a bug, and its details stay on the main side.
// This is the one place the kinds are translated for the app (the CLI's is cli/cli-errors.ts).
import { ApiError, type ApiErrorCode } from '../../shared/api/dispatch';
import { userError, type UserErrorKind } from '../../shared/user-error';

const apiCodes: Record<UserErrorKind, ApiErrorCode> = {
  unreadable: 'failed',
  refused: 'failed',
  conflict: 'failed',
  'bad-request': 'bad-request',
  unavailable: 'unavailable',
};

export function toApiError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  const known = userError(error);
  return known ? new ApiError(apiCodes[known.kind], known.message) : error;
}

/** Wraps a handler so the engines' errors reach the UI as ApiErrors. */
export function guarded<A extends unknown[], R>(
  handler: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      throw toApiError(error);
    }
  };
}

/** Every handler of a table guarded (the door applies the translation once, to all channels). */
export function guardedAll<T extends Record<string, (request: never) => Promise<unknown>>>(
  handlers: T,
): T {
  const out: Record<string, unknown> = {};
  for (const [channel, handler] of Object.entries(handlers)) out[channel] = guarded(handler);
  return out as T;
}
