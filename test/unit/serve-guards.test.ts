// The serve host's guards, exercised over real HTTP against an in-process host.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServeHost, type ServeHost } from '../../electron/serve/serve-host';
import { EditingSession } from '../../electron/services/session/editing-session';
import { defaultFileStore } from '../../electron/services/session/default-file-store';
import { createApiHandlers } from '../../electron/api/api-handlers';
import { sampleConfig } from '../helpers/paths';
import { openServeSession } from '../helpers/serve-session';

let dir: string;
let host: ServeHost;
let apiSession: string;
const logged: string[] = [];
const opened: string[] = [];

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const bearer = () => ({ Authorization: `Bearer ${apiSession}` });
const json = { 'Content-Type': 'application/json' };

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rwsec-serve-'));
  const staticRoot = join(dir, 'static');
  await import('node:fs/promises').then((fs) =>
    fs.mkdir(join(staticRoot, 'assets'), { recursive: true }),
  );
  await writeFile(join(staticRoot, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(dir, 'secret.txt'), 'outside the static root');
  const file = join(dir, 'application.yaml');
  await writeFile(file, await readFile(sampleConfig, 'utf8'));
  const session = new EditingSession(defaultFileStore);
  await session.open(file);
  host = await startServeHost({
    port: 0,
    staticRoot,
    handlers: createApiHandlers(session, { version: 't', mode: 'browser' }),
    log: (line) => logged.push(line),
    onSessionOpened: (next) => opened.push(next),
  });
  apiSession = await openServeSession(`http://127.0.0.1:${host.port}`, host.token);
});

after(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

test('the printed URL is on 127.0.0.1 with a 32-byte token in the fragment (never sent)', () => {
  assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
});

test('API without a session is 401, with a wrong one 401, with the opening token 401, with the session 200', async () => {
  assert.equal((await send('/api/config')).status, 401);
  const wrong = await send('/api/config', {
    headers: { Authorization: `Bearer ${'0'.repeat(64)}` },
  });
  assert.equal(wrong.status, 401);
  const opening = await send('/api/config', { headers: { Authorization: `Bearer ${host.token}` } });
  assert.equal(opening.status, 401, 'the printed token opens a session, it is not one');
  const ok = await send('/api/config', { headers: bearer() });
  assert.equal(ok.status, 200);
  const state = JSON.parse(ok.body) as { file: string; dirty: boolean };
  assert.match(state.file, /application\.yaml$/);
  assert.equal(state.dirty, false);
});

test('no cookie is ever set, and a cookie holding the session grants nothing', async () => {
  const page = await send('/');
  assert.equal(page.status, 200);
  assert.equal(page.headers['set-cookie'], undefined);
  const open = await send('/api/config', { headers: bearer() });
  assert.equal(open.headers['set-cookie'], undefined);
  for (const cookie of [`rwsec_token_${host.port}=${apiSession}`, `session=${apiSession}`]) {
    assert.equal((await send('/api/config', { headers: { Cookie: cookie } })).status, 401);
  }
});

test('a printed token opens one session; reusing it says to open the newly printed URL', async () => {
  const first = host.openingUrl();
  const token = first.replace(/^.*#token=/, '');
  const trade = (t: string) =>
    send('/api/session/open', { method: 'POST', headers: { Authorization: `Bearer ${t}` } });
  const once = await trade(token);
  assert.equal(once.status, 200);
  const fresh = (JSON.parse(once.body) as { session: string }).session;
  assert.equal(
    (await send('/api/config', { headers: { Authorization: `Bearer ${fresh}` } })).status,
    200,
  );
  assert.equal(opened.at(-1), host.openingUrl(), 'the next URL is handed to the operator');
  assert.notEqual(host.openingUrl(), first);

  const again = await trade(token);
  assert.equal(again.status, 410);
  assert.match(again.body, /already used to open a session.*new URL that `rwsec serve` printed/);
  assert.equal((await trade('1'.repeat(64))).status, 401);
  const viaGet = await send('/api/session/open', { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(viaGet.status, 405);
  // The session opened with the old token keeps working (a reload of that tab).
  assert.equal(
    (await send('/api/config', { headers: { Authorization: `Bearer ${fresh}` } })).status,
    200,
  );
});

test('GET /api/config masks every secret; ?reveal=PATH answers that one value', async () => {
  const file = await readFile(join(dir, 'application.yaml'), 'utf8');
  const password = /keyStorePassword:\s*(\S+)/.exec(file)?.[1];
  assert.ok(password, 'the sample holds a keystore password');
  const masked = await send('/api/config', { headers: bearer() });
  assert.equal(masked.status, 200);
  assert.ok(!masked.body.includes(password), 'no secret in the masked document');
  const view = JSON.parse(masked.body) as {
    text?: string;
    values: { ssl: { keyStorePassword: string; port: unknown } };
    secretsMasked: boolean;
  };
  assert.equal(view.text, undefined, 'the raw text (which holds every secret) is not sent');
  assert.equal(view.values.ssl.keyStorePassword, '********');
  assert.equal(view.secretsMasked, true);
  assert.notEqual(view.values.ssl.port, undefined, 'plain values stay readable');
  const revealed = await send('/api/config?reveal=ssl.keyStorePassword', { headers: bearer() });
  assert.equal(revealed.status, 200);
  assert.deepEqual(JSON.parse(revealed.body), {
    path: 'ssl.keyStorePassword',
    value: password.replace(/^(['"])(.*)\1$/, '$2'),
  });
  assert.equal((await send('/api/config?reveal=ssl.nothing', { headers: bearer() })).status, 404);
});

test('a foreign Host header is refused (DNS rebinding), even with the token', async () => {
  const reply = await send('/api/config', {
    headers: { ...bearer(), Host: `attacker.example:${host.port}` },
  });
  assert.equal(reply.status, 403);
  assert.equal((await send('/', { headers: { Host: 'attacker.example' } })).status, 403);
  assert.equal((await send('/', { headers: { Host: `localhost:${host.port}` } })).status, 200);
});

test('a cross-origin write is refused, a same-origin one accepted', async () => {
  const body = JSON.stringify({ edits: [{ path: 'ssl.port', value: 9443 }] });
  const foreign = await send('/api/config.edit', {
    method: 'POST',
    headers: { ...bearer(), ...json, Origin: 'https://attacker.example' },
    body,
  });
  assert.equal(foreign.status, 403);
  const crossSite = await send('/api/config.edit', {
    method: 'POST',
    headers: { ...bearer(), ...json, 'Sec-Fetch-Site': 'cross-site' },
    body,
  });
  assert.equal(crossSite.status, 403);
  const state = JSON.parse((await send('/api/config', { headers: bearer() })).body) as {
    dirty: boolean;
  };
  assert.equal(state.dirty, false, 'refused writes must not change the document');
  const own = await send('/api/config.edit', {
    method: 'POST',
    headers: { ...bearer(), ...json, Origin: `http://127.0.0.1:${host.port}` },
    body,
  });
  assert.equal(own.status, 200);
  assert.equal((JSON.parse(own.body) as { dirty: boolean }).dirty, true);
  await send('/api/config.undo', { method: 'POST', headers: { ...bearer(), ...json }, body: '{}' });
});

test('path traversal out of the static root is refused', async () => {
  for (const path of [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00',
  ]) {
    const reply = await send(path);
    assert.ok([403, 404].includes(reply.status), `${path} gave ${reply.status}`);
    assert.doesNotMatch(reply.body, /outside the static root/);
  }
});

test('an oversized body is 413 and a malformed request 400 naming the field', async () => {
  const big = Buffer.alloc(1024 * 1024 + 10, 'a');
  const reply = await send('/api/config.edit', {
    method: 'POST',
    headers: { ...bearer(), ...json },
    body: big,
  });
  assert.equal(reply.status, 413);
  const bad = await send('/api/config.edit', {
    method: 'POST',
    headers: { ...bearer(), ...json },
    body: JSON.stringify({ edits: 'nope' }),
  });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /edits/);
  const unknown = await send('/api/shell.exec', {
    method: 'POST',
    headers: { ...bearer(), ...json },
    body: '{}',
  });
  assert.equal(unknown.status, 404);
});

test('every response carries the strict CSP, and nothing logged contains the token', async () => {
  const reply = await send('/');
  assert.match(
    String(reply.headers['content-security-policy']),
    /default-src 'none'.*script-src 'self'/,
  );
  assert.equal(reply.headers['x-frame-options'], 'DENY');
  assert.ok(logged.every((line) => !line.includes(host.token) && !line.includes(apiSession)));
});

test('an edit the document refuses is 400 with the reason, not 500', async () => {
  const reply = await send('/api/config.edit', {
    method: 'POST',
    headers: { ...bearer(), ...json },
    body: JSON.stringify({ edits: [{ path: 'ssl.port.x', value: 1 }] }),
  });
  assert.equal(reply.status, 400);
  assert.match(reply.body, /ssl\.port/);
  assert.doesNotMatch(reply.body, /Internal error/);
});

test('a deeply nested JSON body is 400, not 500', async () => {
  const deep = `{"path":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  const r = await send('/api/config.open', {
    method: 'POST',
    headers: { ...bearer(), ...json },
    body: deep,
  });
  assert.equal(r.status, 400);
  assert.match(r.body, /nests deeper than 64 levels/);
});

test('source maps are served only with the token', async () => {
  await writeFile(join(dir, 'static', 'assets', 'app.js.map'), '{"sources":["secret.ts"]}');
  assert.equal((await send('/assets/app.js.map')).status, 404);
  assert.equal((await send('/assets/app.js.map', { headers: bearer() })).status, 200);
});

test('secret.crypt does not let the caller choose the java binary', async () => {
  const r = await send('/api/secret.crypt', {
    method: 'POST',
    headers: { ...bearer(), ...json },
    body: JSON.stringify({ girJar: join(dir, 'gir.jar'), java: '/tmp/evil', password: 'x' }),
  });
  assert.equal(r.status, 400);
  assert.match(r.body, /java/);
});

test('the file dialogs exist only in the desktop app: serve says to type the path', async () => {
  for (const channel of ['config.pick', 'fleet.pick']) {
    const reply = await send(`/api/${channel}`, {
      method: 'POST',
      headers: { ...bearer(), ...json },
      body: '{}',
    });
    assert.equal(reply.status, 501, channel);
    const { error } = JSON.parse(reply.body) as { error: { code: string; message: string } };
    assert.equal(error.code, 'unavailable');
    assert.match(error.message, /only in the desktop app: type the path/);
  }
  const extra = await send('/api/fleet.pick', {
    method: 'POST',
    headers: { ...bearer(), ...json },
    body: '{"path":"/etc/passwd"}',
  });
  assert.equal(extra.status, 400, 'fleet.pick takes no arguments');
});

test('config.open on a FIFO is refused at once and the session keeps answering', async () => {
  const fifo = join(dir, 'pipe.yaml');
  execFileSync('mkfifo', [fifo]);
  const r = await send('/api/config.open', {
    method: 'POST',
    headers: { ...bearer(), ...json },
    body: JSON.stringify({ path: fifo }),
  });
  assert.equal(r.status, 422, r.body);
  assert.match(r.body, /named pipe \(FIFO\), not a regular file/);
  assert.equal((await send('/api/config', { headers: bearer() })).status, 200);
});
