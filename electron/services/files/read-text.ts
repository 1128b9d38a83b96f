// The one reader of configuration text, for every command and the app: a regular file of bounded
// size, decoded strictly in an encoding SnakeYAML accepts (BOM and line endings kept).
import { MAX_CONFIG_BYTES, readRegularFile } from './bounded-read';
import { contentHash } from './content-hash';
import { FileReadError } from './file-errors';
import { decodeText, type TextEncoding } from './text-encoding';

export interface TextFile {
  file: string;
  /** The decoded text, byte for byte (a byte-order mark stays as U+FEFF). */
  text: string;
  /** How the file is encoded; a save writes the text back the same way. */
  encoding: TextEncoding;
  /** Give this back to saveText as `expectedOriginal` to detect changes made meanwhile. */
  hash: string;
}

export async function readTextFile(file: string, limit = MAX_CONFIG_BYTES): Promise<TextFile> {
  const bytes = await readRegularFile(file, limit);
  const decoded = decodeText(bytes);
  // NUL bytes in "UTF-8" are UTF-16 or UTF-32 without a byte-order mark: SnakeYAML refuses them.
  if (!decoded || (decoded.encoding === 'utf-8' && bytes.includes(0))) {
    throw new FileReadError(
      `${file}: not UTF-8 text (nor UTF-16 with a byte-order mark); save it as UTF-8 ` +
        '(the server reads application.yaml as UTF-8 and refuses this file)',
      'not-utf8',
      file,
    );
  }
  return { file, ...decoded, hash: contentHash(bytes) };
}
