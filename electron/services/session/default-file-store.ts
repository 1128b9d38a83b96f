// The FileStore the app uses: the save policy's write (atomic, backups in .rwsec-backups/,
// verified against the document, refused when the file changed on disk since it was read).
import { SaveError } from '../files/file-errors';
import { readTextFile } from '../files/read-text';
import type { FileStore, WriteResult } from './file-store';
import { writeConfig } from './save-policy';

const write: FileStore['write'] = async (
  file,
  text,
  expected,
  force,
  doc,
): Promise<WriteResult> => {
  try {
    const result = await writeConfig(file, text, { expected, overwrite: force, doc: doc ?? null });
    return { saved: true, backup: result.backup ?? null, stamp: result.hash };
  } catch (error) {
    if (error instanceof SaveError && error.code === 'changed-on-disk') {
      return { saved: false, conflict: 'changed-on-disk' };
    }
    throw error;
  }
};

export const defaultFileStore: FileStore = {
  read: async (file) => {
    const read = await readTextFile(file);
    return { text: read.text, stamp: read.hash };
  },
  write,
};
