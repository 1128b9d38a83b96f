// A file the UI hands over: a path typed in a form, bytes dropped on the page, or pasted PEM.
import { MAX_STORE_BYTES, readRegularFile } from '../services/files/bounded-read';
import { FileReadError } from '../services/files/file-errors';
import { ApiError } from '../../shared/api/dispatch';
import { maxUploadBytes } from '../../shared/api/keystore-channels';
import type { KeystoreInput } from '../../shared/api/keystore-contract';
import type { InputBytes } from '../services/keystore/import-material';

export async function readInputBytes(
  input: KeystoreInput,
  resolvePath: (path: string) => string,
): Promise<InputBytes> {
  if ('pem' in input) return { bytes: Buffer.from(input.pem, 'utf8'), name: 'the pasted text' };
  if ('upload' in input) {
    const bytes = Buffer.from(input.upload.base64, 'base64');
    if (bytes.length > maxUploadBytes) {
      throw new ApiError(
        'bad-request',
        `${input.upload.name} is larger than ${maxUploadBytes / 1024} KiB: certificates and stores are much smaller; give its path instead.`,
      );
    }
    if (bytes.length === 0) throw new ApiError('bad-request', `${input.upload.name} is empty.`);
    return { bytes, name: input.upload.name };
  }
  const file = resolvePath(input.path);
  try {
    const bytes = await readRegularFile(file, MAX_STORE_BYTES);
    if (bytes.length === 0) throw new ApiError('failed', `${file} is empty.`);
    return { bytes, name: file };
  } catch (error) {
    if (error instanceof FileReadError) throw new ApiError('failed', error.message);
    throw error;
  }
}
