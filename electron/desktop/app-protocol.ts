// Serves the renderer from app://rwsec/ (a standard, secure origin of its own instead of file://,
// which would share an origin with every local file).
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { securityHeaders } from '../../shared/api/csp';
import { appRequestFile, appScheme } from './app-origin';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true } },
  ]);
}

export function serveAppProtocol(root: string): void {
  protocol.handle(appScheme, async (request) => {
    const target = appRequestFile(root, request.method, request.url);
    if (typeof target !== 'string') return new Response(null, { status: target.status });
    try {
      const body = await readFile(target);
      return new Response(body, {
        status: 200,
        headers: {
          ...securityHeaders,
          'Content-Type': types[extname(target)] ?? 'application/octet-stream',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
