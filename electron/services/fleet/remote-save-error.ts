// The remote safe save's refusals, whichever way the node is reached (SFTP or its shell).
import { UserFacingError } from '../../../shared/user-error';

export type RemoteSaveErrorCode = 'changed-on-disk' | 'write-failed';

/** A node's file changed since it was read (conflict), or could not be written (refused). */
export class RemoteSaveError extends UserFacingError {
  constructor(
    message: string,
    readonly code: RemoteSaveErrorCode,
  ) {
    super(code === 'changed-on-disk' ? 'conflict' : 'refused', message);
  }
}
