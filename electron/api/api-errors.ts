// The engines' errors already name the file and say what to do: pass their messages to the UI as
// they are (the one list is ../user-errors). Anything else is a bug, and its details stay on the
// main side.
import { ApiError } from '../../shared/api/dispatch';
import { userError } from '../services/user-errors';

export function toApiError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  const known = userError(error);
  return known ? new ApiError('failed', known.message) : error;
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

/** Runs `body` now, turning an expected failure into an ApiError the UI shows as is. */
export function asApiCall<T>(body: () => Promise<T>): Promise<T> {
  return guarded(body)();
}
