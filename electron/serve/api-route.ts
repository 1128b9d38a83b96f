// `/api/...` requests: `GET /api/config` is the loaded document with its secrets masked
// (`?reveal=PATH` answers one secret, on purpose); `POST /api/<channel>` runs one contract channel
// with a JSON body parsed by the same schemas the Electron IPC uses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { maskSecrets, valueAtPath } from '../../shared/catalog/mask-values';
import { isChannel, type ApiHandlers } from '../../shared/api/contract';
import { ApiError, dispatch } from '../../shared/api/dispatch';

export const maxBodyBytes = 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export const maxJsonDepth = 64;

/** The deepest nesting of [ and { outside JSON strings. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBodyBytes) throw new HttpError(413, 'Request body too large (limit 1 MiB).');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new HttpError(413, 'Request body too large (limit 1 MiB).');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  const text = Buffer.concat(chunks).toString('utf8');
  // No request of the contract nests deeper than a few levels; a body nested thousands deep
  // would exhaust the stack of the schema check (a 500). Counted before parsing, in one pass.
  if (nestingDepth(text) > maxJsonDepth) {
    throw new HttpError(400, `The request body nests deeper than ${maxJsonDepth} levels.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}

const statusOf: Record<ApiError['code'], number> = {
  'bad-request': 400,
  unavailable: 501,
  failed: 422,
};

/**
 * The document for a reader of `GET /api/config`: values with every secret masked and without the
 * raw text (which holds them verbatim); `reveal` names the one secret the caller asked to see.
 */
async function configForReader(handlers: ApiHandlers, reveal: string | null): Promise<unknown> {
  const { text: _text, values, ...state } = await dispatch(handlers, 'config.state', {});
  if (reveal !== null) {
    const value = valueAtPath(values, reveal);
    if (value === undefined) throw new HttpError(404, `No value at '${reveal.slice(0, 200)}'.`);
    return { path: reveal, value };
  }
  return { ...state, values: maskSecrets('', values), secretsMasked: true };
}

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  handlers: ApiHandlers,
): Promise<void> {
  const name = url.pathname.slice('/api/'.length);
  if (req.method === 'GET' && name === 'config') {
    sendJson(res, 200, await configForReader(handlers, url.searchParams.get('reveal')));
    return;
  }
  if (!isChannel(name)) throw new HttpError(404, `No API channel '${name.slice(0, 64)}'.`);
  if (req.method !== 'POST') throw new HttpError(405, 'API channels accept POST only.');
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'Send the request body as application/json.');
  }
  const body = await readJsonBody(req);
  try {
    sendJson(res, 200, await dispatch(handlers, name, body));
  } catch (error) {
    if (error instanceof ApiError) {
      sendJson(res, statusOf[error.code], { error: { code: error.code, message: error.message } });
      return;
    }
    throw error;
  }
}
