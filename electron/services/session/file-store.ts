// How the session reads and writes the config file. The safe-save service (electron/services/files)
// is the real implementation (default-file-store.ts); the session only needs this narrow interface.
import type { RwsDocument } from '../../../shared/yaml/document';

export interface ReadResult {
  text: string;
  /** Content fingerprint of what was read, given back on save to detect changes on disk. */
  stamp: string;
}

export type WriteResult =
  | { saved: true; backup: string | null; stamp: string }
  | { saved: false; conflict: 'changed-on-disk' };

export interface FileStore {
  read(file: string): Promise<ReadResult>;
  /**
   * Writes `text` unless the file no longer matches `expectedStamp` (and `force` is off). `doc`,
   * when the text parsed, is what the written bytes are verified against.
   */
  write(
    file: string,
    text: string,
    expectedStamp: string,
    force: boolean,
    doc?: RwsDocument | null,
  ): Promise<WriteResult>;
}
