// The one error model. A failure the user can act on is a UserFacingError: its message names the
// file or option and says what to do, and its kind says what sort of failure it is. The doors
// translate the kind once: the CLI to an exit code (electron/cli/cli-errors.ts), the app API to
// an ApiError (electron/api/api-errors.ts). Any other error is a bug and stays internal.
//   unreadable   the input cannot be used: broken YAML, wrong password, corrupt or missing file
//   refused      the input is fine but the operation would overwrite or break something
//   conflict     the file changed on disk since it was read: nothing was written
//   bad-request  the request itself is wrong: a bad option, a missing argument, nothing open
//   unavailable  the feature does not exist in this host (e.g. a native dialog in the browser)
export type UserErrorKind = 'unreadable' | 'refused' | 'conflict' | 'bad-request' | 'unavailable';

export class UserFacingError extends Error {
  constructor(
    readonly kind: UserErrorKind,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface UserError {
  kind: UserErrorKind;
  message: string;
}

/** The user-facing form of `error`, or undefined when it is a bug (keep its details internal). */
export function userError(error: unknown): UserError | undefined {
  return error instanceof UserFacingError
    ? { kind: error.kind, message: error.message }
    : undefined;
}
