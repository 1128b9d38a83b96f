// The renderer's origin in the desktop app, and the pure checks built on it (no Electron import,
// so they are unit-tested without the binary).
import { resolveStatic } from '../services/files/static-path';

export const appScheme = 'app';
export const appHost = 'rwsec';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntry = `${appOrigin}/index.html`;

/** Is `url` a page of our own app (top-level check for IPC senders and navigation)? */
export function isAppUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/** The file an app:// request may read: GET only, our host only, never outside `root`. */
export function appRequestFile(
  root: string,
  method: string,
  url: string,
): string | { status: number } {
  if (method !== 'GET') return { status: 405 };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 400 };
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return { status: 403 };
  return resolveStatic(root, parsed.pathname) ?? { status: 404 };
}
