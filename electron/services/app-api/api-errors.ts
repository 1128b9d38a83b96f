// The engines' errors already name the file and say what to do: pass their messages to the UI as
// they are. Anything else is a bug, and its details stay on the main side.
import { ApiError } from '../../../shared/api/dispatch';

const userFacing = new Set([
  'KeystoreError',
  'CertificateFileError',
  'KeyFileError',
  'NameSyntaxError',
  'KeySpecError',
  'CaReplyError',
  'CsrError',
  'ValidityError',
  'ImportError',
  'SaveError',
  'ObfFormatError',
]);

export function toApiError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof Error && userFacing.has(error.name)) {
    return new ApiError('failed', error.message);
  }
  return error;
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
