// `rwsec serve`: the UI over HTTP on 127.0.0.1 only, for headless RWS hosts (reached over an SSH
// tunnel) and for browser tests. Static files are public (they are the app's code); every /api/
// route needs a session token in the Authorization header (session-tokens.ts), and every request
// must name us in its Host header.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHandlers } from '../../shared/api/contract';
import { securityHeaders } from '../../shared/api/csp';
import { handleApi, HttpError, sendJson } from './api-route';
import { hostAllowed, originAllowed } from './guards';
import { bearerToken, SessionTokens } from './session-tokens';
import { loadStatic } from './static-files';

export interface ServeOptions {
  port: number;
  /** Folder with the built renderer (index.html, app.js). */
  staticRoot: string;
  handlers: ApiHandlers;
  /** Error lines for the operator; never given a token or a config value. */
  log: (line: string) => void;
  /** A tab opened a session; `nextUrl` opens the next one (the host prints it for the operator). */
  onSessionOpened?: (nextUrl: string) => void;
}

export interface ServeHost {
  port: number;
  /** The first opening token and its URL (`http://127.0.0.1:PORT/#token=...`), printed at start. */
  token: string;
  url: string;
  /** The URL with the opening token not used yet (after each opened session, a new one). */
  openingUrl(): string;
  close(): Promise<void>;
}

function openingUrlOf(port: number, token: string): string {
  return `http://127.0.0.1:${port}/#token=${token}`;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text + '\n');
}

async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: ServeOptions,
  sessions: SessionTokens,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, 'Only GET is allowed for the app files.');
  }
  // Source maps give the whole source to whoever asks: only to a holder of the token.
  if (url.pathname.endsWith('.map') && !sessions.accepts(bearerToken(req.headers.authorization))) {
    throw new HttpError(404, 'Not found.');
  }
  const file = await loadStatic(options.staticRoot, url.pathname);
  if (!file) throw new HttpError(404, 'Not found.');
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': file.body.length,
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

export const sessionOpenPath = '/api/session/open';

const usedLinkMessage =
  'This link was already used to open a session. Open the new URL that `rwsec serve` printed ' +
  'after it (each URL opens one tab), or go back to the tab that has the session.';
const wrongLinkMessage = 'This link has a wrong token: open the URL that `rwsec serve` printed.';
const noSessionMessage =
  'No session with this rwsec serve host: open the URL that `rwsec serve` printed.';

export function startServeHost(options: ServeOptions): Promise<ServeHost> {
  const sessions = new SessionTokens();
  const token = sessions.currentOpening();
  let port = options.port;
  // Requests being answered: close() waits for them, so a stop never cuts a save mid-write (a save
  // runs to its rename, or does not start; heavy work is cancelled by the host's pool first).
  const inFlight = new Set<Promise<void>>();

  // Node enforces headersTimeout/requestTimeout on a timer (default every 30 s): check each second,
  // or a client trickling its headers is held 30 s instead of 10.
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const answered = route(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (error.status === 413) res.setHeader('Connection', 'close');
        if (req.url?.startsWith('/api/'))
          sendJson(res, error.status, { error: { message: error.message } });
        else sendText(res, error.status, error.message);
        // Drain (bounded by requestTimeout) so the client reads the 413 instead of a reset.
        if (error.status === 413) req.resume();
        return;
      }
      // Log the route, never the query string (it is the caller's, e.g. a path to reveal).
      const where = `${req.method ?? '?'} ${(req.url ?? '').split('?')[0]}`;
      options.log(
        `serve: ${where} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent)
        sendJson(res, 500, { error: { message: 'Internal error; see the serve log.' } });
      else res.destroy();
    });
    inFlight.add(answered);
    const settled = () => void inFlight.delete(answered);
    answered.then(settled, settled);
  });

  /** POST /api/session/open with the opening token as bearer: one session per printed URL. */
  function openSession(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'POST') throw new HttpError(405, 'Open a session with POST.');
    const result = sessions.open(bearerToken(req.headers.authorization));
    if (result.kind === 'used') throw new HttpError(410, usedLinkMessage);
    if (result.kind === 'wrong') throw new HttpError(401, wrongLinkMessage);
    sendJson(res, 200, { session: result.session });
    options.onSessionOpened?.(openingUrlOf(port, result.nextOpening));
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers, port)) {
      throw new HttpError(403, 'Foreign Host header refused (use 127.0.0.1 or localhost).');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const writes = req.method !== 'GET' && req.method !== 'HEAD';
    if (writes && !originAllowed(req.headers, port)) {
      throw new HttpError(403, 'Cross-origin request refused.');
    }
    if (url.pathname === sessionOpenPath) {
      openSession(req, res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (!sessions.accepts(bearerToken(req.headers.authorization))) {
        throw new HttpError(401, noSessionMessage);
      }
      await handleApi(req, res, url, options.handlers);
      return;
    }
    await serveStatic(req, res, url, options, sessions);
  }

  // Slow or stalled clients cannot hold the host: headers within 10 s, whole request within 30 s.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;

  return new Promise((resolveHost, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolveHost({
        port,
        token,
        url: openingUrlOf(port, token),
        openingUrl: () => openingUrlOf(port, sessions.currentOpening()),
        close: async () => {
          const closed = new Promise<void>((done) => server.close(() => done()));
          server.closeAllConnections();
          await Promise.allSettled([...inFlight]);
          await closed;
        },
      });
    });
  });
}
