// The FileStore the app uses: the safe-save service (atomic write, backups in .rwsec-backups/,
// refusal when the file changed on disk since it was read).
import { ApiError } from '../../../shared/api/dispatch';
import { SaveError } from '../files/file-errors';
import { readTextFile } from '../files/read-text';
import { saveText } from '../files/safe-save';
import type { FileStore, WriteResult } from './file-store';

async function write(
  file: string,
  text: string,
  expectedStamp: string,
  force: boolean,
): Promise<WriteResult> {
  try {
    const result = await saveText(file, text, { expectedOriginal: expectedStamp, force });
    return { saved: true, backup: result.backup ?? null, stamp: result.hash };
  } catch (error) {
    if (error instanceof SaveError) {
      if (error.code === 'changed-on-disk') return { saved: false, conflict: 'changed-on-disk' };
      throw new ApiError('failed', error.message);
    }
    throw error;
  }
}

export const defaultFileStore: FileStore = {
  read: async (file) => {
    const read = await readTextFile(file);
    return { text: read.text, stamp: read.hash };
  },
  write,
};
