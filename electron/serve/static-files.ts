// Serves the built renderer (dist/renderer) read-only. Paths are decoded, normalised and must stay
// inside the folder; anything else is 404, so no file outside it can be named.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { resolveStatic } from '../services/files/static-path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

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
      type: contentTypes[extname(file)] ?? 'application/octet-stream',
    };
  } catch {
    return null;
  }
}
