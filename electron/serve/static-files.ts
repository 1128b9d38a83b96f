// Serves the built renderer (dist/renderer) read-only. Paths are decoded, normalised and must stay
// inside the folder; anything else is 404, so no file outside it can be named.
import { readFile, stat } from 'node:fs/promises';
import { contentTypeOf } from '../services/files/content-types';
import { resolveStatic } from '../services/files/static-path';

export async function loadStatic(
  root: string,
  urlPath: string,
): Promise<{ body: Buffer; type: string } | null> {
  const file = resolveStatic(root, urlPath);
  if (!file) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
    return {
      body: await readFile(file),
      type: contentTypeOf(file),
    };
  } catch {
    return null;
  }
}
