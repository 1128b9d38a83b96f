// Typed errors of the file service; messages name the file and say what to do.
import { UserFacingError } from '../../../shared/user-error';

export type FileReadErrorCode = 'missing' | 'not-a-file' | 'unreadable' | 'too-large' | 'not-utf8';

export class FileReadError extends UserFacingError {
  constructor(
    message: string,
    readonly code: FileReadErrorCode,
    readonly file: string,
  ) {
    super('unreadable', message);
  }
}

export type SaveErrorCode =
  'changed-on-disk' | 'verify-failed' | 'write-failed' | 'read-only' | 'owner-not-kept';

/** Nothing was written: the file changed on disk meanwhile (a conflict), or the write failed. */
export class SaveError extends UserFacingError {
  constructor(
    message: string,
    readonly code: SaveErrorCode,
    readonly file: string,
  ) {
    super(code === 'changed-on-disk' ? 'conflict' : 'refused', message);
  }
}

/** The errno code of a Node file-system error, if it is one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
