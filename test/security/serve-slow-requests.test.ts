// Slow-loris style clients against the serve host: headers sent a byte at a time, and a body that
// trickles. The host's timeouts (headers 10 s, whole request 30 s) must close them, and it must
// keep answering other clients meanwhile. (Token, Host, Origin, traversal and body-size guards are
// in test/unit/serve-guards.test.ts.)
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openServeSession } from '../helpers/serve-session';
import { startServeHost, type ServeHost } from '../../electron/serve/serve-host';
import { createApiHandlers } from '../../electron/api/api-handlers';
import { defaultFileStore } from '../../electron/services/session/default-file-store';
import { EditingSession } from '../../electron/services/session/editing-session';
import { sampleConfig } from '../helpers/paths';

const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** Node checks its timeouts on a timer; allow for that and a loaded machine. */
const SLACK_MS = 5_000;

let dir: string;
let host: ServeHost;
let bearer: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rwsec-slow-'));
  await mkdir(join(dir, 'static'));
  await writeFile(join(dir, 'static', 'index.html'), '<!doctype html><title>t</title>');
  const file = join(dir, 'application.yaml');
  await writeFile(file, await readFile(sampleConfig, 'utf8'));
  const session = new EditingSession(defaultFileStore);
  await session.open(file);
  host = await startServeHost({
    port: 0,
    staticRoot: join(dir, 'static'),
    handlers: createApiHandlers(session, { version: 't', mode: 'browser' }),
    log: () => undefined,
  });
  bearer = await openServeSession(`http://127.0.0.1:${host.port}`, host.token);
});

after(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

/** Writes `head` then one byte of `drip` per interval; resolves with ms until the host hung up. */
function trickle(
  head: string,
  drip: string,
  intervalMs: number,
): Promise<{ ms: number; reply: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket: Socket = connect(host.port, '127.0.0.1');
    let reply = '';
    let i = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (socket.destroyed || socket.writableEnded) return;
        socket.write(drip[i++ % drip.length]!);
      }, intervalMs);
    });
    const done = (): void => {
      clearInterval(timer);
      socket.destroy();
      resolve({ ms: Date.now() - started, reply });
    };
    socket.on('close', done);
    socket.on('end', done);
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? done() : reject(error),
    );
  });
}

function getIndex(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: '/',
        headers: { Host: `127.0.0.1:${host.port}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test('slow requests are cut off by the host timeouts while other clients are served', async () => {
  const hostHeader = `Host: 127.0.0.1:${host.port}\r\n`;
  // Never finishes its headers: an endless header value, one byte every 200 ms.
  const slowHeaders = trickle(`GET / HTTP/1.1\r\n${hostHeader}X-Slow: `, 'abcdefgh', 200);
  // Finishes its headers, then promises 1 MB of body and sends a byte every 200 ms.
  const slowBody = trickle(
    `POST /api/config.validate HTTP/1.1\r\n${hostHeader}Authorization: Bearer ${bearer}\r\n` +
      `Origin: http://127.0.0.1:${host.port}\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n`,
    '{"a":1}',
    200,
  );
  // Meanwhile the host answers a normal client.
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(await getIndex(), 200);

  const headers = await slowHeaders;
  assert.ok(
    headers.ms < HEADERS_TIMEOUT_MS + SLACK_MS,
    `a client trickling headers was held ${headers.ms} ms (bound ${HEADERS_TIMEOUT_MS} ms)`,
  );
  assert.ok(headers.ms >= HEADERS_TIMEOUT_MS - 1000, `cut off early, at ${headers.ms} ms`);
  const body = await slowBody;
  assert.ok(
    body.ms < REQUEST_TIMEOUT_MS + SLACK_MS,
    `a client trickling its body was held ${body.ms} ms (bound ${REQUEST_TIMEOUT_MS} ms)`,
  );
  assert.doesNotMatch(body.reply, /HTTP\/1\.1 200/);
});
