// Serves the renderer from app://rwsec/ (a standard, secure origin of its own instead of file://,
// which would share an origin with every local file).
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { securityHeaders } from '../../shared/api/csp';
import { contentTypeOf } from '../services/files/content-types';
import { appRequestFile, appScheme } from './app-origin';

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
          'Content-Type': contentTypeOf(target),
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
