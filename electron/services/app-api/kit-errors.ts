// Expected kit failures (bad input, wrong password, missing file, no Java) reach the UI as their
// own message, which already names the file and what to do; anything else stays a bug.
import { ApiError } from '../../../shared/api/dispatch';

const knownNames = new Set([
  'KitError',
  'ConfigFileError',
  'EncryptError',
  'TransactionError',
  'KeystoreError',
  'NameSyntaxError',
  'KeySpecError',
  'ValidityError',
  'CsrError',
  'SignError',
  'CaReplyError',
  'CertificateFileError',
  'KeyFileError',
  'YamlSyntaxError',
  'DocumentEditError',
]);

export function isExpected(error: unknown): error is Error {
  return error instanceof Error && knownNames.has(error.name);
}

/** Runs `body`, turning an expected failure into an ApiError the UI shows as is. */
export async function asApiCall<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (isExpected(error)) throw new ApiError('failed', error.message);
    throw error;
  }
}
