// Which file under a folder a URL path names, for both ways the built renderer is served (the
// desktop app's app:// protocol and `rwsec serve`): decoded, normalised and kept inside the folder,
// so no request can name a file outside it.
import { resolve, sep } from 'node:path';

/** The file under `root` that `urlPath` names, or null when it escapes `root` or is malformed. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(base, relative);
  return full.startsWith(base + sep) ? full : null;
}
