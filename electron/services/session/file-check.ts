// `file.check`: does a path typed in a form exist here, and what kind of store or certificate is it
// (judged by its bytes, never by its name).
import { stat } from 'node:fs/promises';
import type { Response } from '../../../shared/api/contract';
import { describeFormat, detectFileFormat } from '../files/detect-format';

export async function checkFile(resolved: string): Promise<Response<'file.check'>> {
  const missing = { exists: false, resolved, format: null, description: null };
  try {
    if (!(await stat(resolved)).isFile()) return missing;
    const { format } = await detectFileFormat(resolved);
    return { exists: true, resolved, format, description: describeFormat(format) };
  } catch {
    return missing;
  }
}
