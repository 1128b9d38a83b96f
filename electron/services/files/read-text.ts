// Reads a text file exactly as it is (BOM and line endings kept) with its content hash.
import { readFile } from 'node:fs/promises';
import { contentHash } from './content-hash';
import { errnoCode, FileReadError } from './file-errors';

export interface TextFile {
  file: string;
  /** The decoded text, byte for byte (a UTF-8 BOM stays as U+FEFF). */
  text: string;
  /** Give this back to saveText as `expectedOriginal` to detect changes made meanwhile. */
  hash: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function readTextFile(file: string): Promise<TextFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT') {
      throw new FileReadError(`${file}: no such file; check the path`, 'missing', file);
    }
    if (code === 'EISDIR') {
      throw new FileReadError(`${file}: is a folder, not a file`, 'not-a-file', file);
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new FileReadError(
        `${file}: permission denied; run as a user that may read it`,
        'unreadable',
        file,
      );
    }
    throw new FileReadError(
      `${file}: cannot be read (${code ?? 'unknown error'})`,
      'unreadable',
      file,
    );
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new FileReadError(
      `${file}: not UTF-8 text; save it as UTF-8 (the server reads application.yaml as UTF-8)`,
      'not-utf8',
      file,
    );
  }
  return { file, text, hash: contentHash(bytes) };
}
