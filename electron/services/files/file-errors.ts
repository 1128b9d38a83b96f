// Typed errors of the file service; messages name the file and say what to do.

export type FileReadErrorCode = 'missing' | 'not-a-file' | 'unreadable' | 'too-large' | 'not-utf8';

export class FileReadError extends Error {
  constructor(
    message: string,
    readonly code: FileReadErrorCode,
    readonly file: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

export type SaveErrorCode =
  'changed-on-disk' | 'verify-failed' | 'write-failed' | 'read-only' | 'owner-not-kept';

export class SaveError extends Error {
  constructor(
    message: string,
    readonly code: SaveErrorCode,
    readonly file: string,
  ) {
    super(message);
    this.name = 'SaveError';
  }
}

/** The errno code of a Node file-system error, if it is one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
