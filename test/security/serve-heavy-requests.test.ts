// Heavy crypto does not hold the serve host's event loop (issue: a PKCS#12 with millions of
// iterations stalled every other request and SIGTERM). Against the real `rwsec serve` process:
//  - while a store that takes seconds to open is being opened, light requests keep being answered
//    (counted by order of completion, not timed);
//  - SIGTERM during a kit run stops the process cleanly before that run could have finished (an
//    uninterrupted run of the same request is measured in the same test), and the kit's folder
//    holds no file, partial or temporary.
// The stores are made by openssl in the test; every request goes over HTTP with the session token.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { builtUi, startServe, type ServeRun } from '../e2e/serve-process';
import { haveOpenssl, slowPkcs12 } from '../helpers/heavy-p12';
import { openServeSession } from '../helpers/serve-session';

const PASS = 'slow-pass-1';
/** Seconds of one core to open here (PBKDF2 per bag, and the MAC), under the 5,000,000 cap. */
const ITERATIONS = 1_000_000;
const skip = !builtUi()
  ? 'dist/ is not built: run `npm run build` first'
  : !haveOpenssl
    ? 'openssl is not installed'
    : false;

interface Api {
  serve: ServeRun;
  post(channel: string, body: unknown): Promise<{ status: number; body: unknown }>;
  config(): Promise<number>;
}

async function connect(serve: ServeRun): Promise<Api> {
  const session = await openServeSession(serve.origin, serve.token);
  const headers = { Authorization: `Bearer ${session}`, Origin: serve.origin };
  return {
    serve,
    post: async (channel, body) => {
      const res = await fetch(`${serve.origin}/api/${channel}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    config: async () => (await fetch(`${serve.origin}/api/config`, { headers })).status,
  };
}

/** Light requests one after another until `heavy` settles; how many were answered before it. */
async function lightsDuring(api: Api, heavy: Promise<unknown>): Promise<number> {
  let settled = false;
  void heavy.then(
    () => (settled = true),
    () => (settled = true),
  );
  let answered = 0;
  while (!settled) {
    assert.equal(await api.config(), 200, 'GET /api/config answers');
    if (!settled) answered++;
  }
  return answered;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The process's thread count: a worker thread is started on the first heavy task. */
function threads(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 0);
}

const kitRequest = (outDir: string) => ({
  outDir,
  nodes: ['cass-1.example.internal', 'cass-2.example.internal', 'cass-3.example.internal'],
  key: 'rsa-4096',
  days: 30,
  password: 'kit-store-pass-1',
  caPassword: 'kit-ca-pass-22',
});

describe('rwsec serve keeps answering during heavy crypto', { skip }, () => {
  let api: Api;
  let store = '';

  before(async () => {
    const serve = await startServe();
    store = slowPkcs12(serve.dir, PASS, ITERATIONS);
    api = await connect(serve);
  });
  after(() => api?.serve.stop());

  it('answers GET /api/config while keystore.open decrypts a slow PKCS#12', async (t) => {
    const heavy = api.post('keystore.open', { path: store, password: PASS });
    const answered = await lightsDuring(api, heavy);
    t.diagnostic(`${answered} GET /api/config answered during the open`);
    const opened = await heavy;
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    const view = opened.body as { type: string; entries: { alias: string }[] };
    assert.equal(view.type, 'PKCS12');
    assert.equal(view.entries.length, 1, 'the store opened, decrypted in the worker');
    // On one event loop the heavy request blocks everything sent after it: at most a request
    // already being answered gets through. Here dozens are answered before it completes.
    assert.ok(answered >= 5, `only ${answered} light request(s) were answered during the open`);
  });

  it('reports a wrong password from the worker as before: the message, not a stack', async () => {
    const heavy = api.post('keystore.open', { path: store, password: 'wrong-pass-1' });
    const answered = await lightsDuring(api, heavy);
    const refused = await heavy;
    assert.equal(refused.status, 422);
    const message = (refused.body as { error: { message: string } }).error.message;
    assert.match(message, /slow\.p12/, 'names the file');
    assert.doesNotMatch(message, /\n\s+at |wrong-pass-1/, 'no stack, no password');
    assert.ok(answered >= 1, 'a light request was answered while the wrong password was tried');
  });
});

describe('SIGTERM during a kit run stops rwsec serve cleanly', { skip }, () => {
  it('exits before the run could finish and leaves no file in the kit folder', async (t) => {
    // The same request, uninterrupted, in its own process: how long the work takes here, now.
    const first = await connect(await startServe());
    let uninterrupted: number;
    try {
      const started = Date.now();
      const full = await first.post('kit.cassandra.run', kitRequest(join(first.serve.dir, 'kit')));
      uninterrupted = Date.now() - started;
      assert.equal(full.status, 200, JSON.stringify(full.body));
      assert.ok(filesUnder(join(first.serve.dir, 'kit')).length > 3, 'the full run wrote its kit');
    } finally {
      await first.serve.stop();
    }

    const second = await connect(await startServe());
    const { child, dir } = second.serve;
    const outDir = join(dir, 'kit');
    try {
      assert.equal(await second.config(), 200);
      const idle = threads(child.pid!);
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      const started = Date.now();
      const heavy = second.post('kit.cassandra.run', kitRequest(outDir)).catch((e: Error) => e);
      let settled = false;
      void heavy.then(() => (settled = true));
      // The kit is running once the pool has started its worker thread.
      while (threads(child.pid!) <= idle && !settled) assert.equal(await second.config(), 200);
      assert.ok(!settled, 'the kit finished without a worker thread: it ran on the event loop');
      child.kill('SIGTERM');
      const exit = await exited;
      const stoppedAfter = Date.now() - started;
      t.diagnostic(
        `exited ${stoppedAfter} ms after the request; uninterrupted run ${uninterrupted} ms`,
      );
      assert.deepEqual(exit, { code: 0, signal: null }, 'a clean exit, not a kill');
      assert.ok(
        stoppedAfter < uninterrupted,
        `stopped ${stoppedAfter} ms after the request; the whole run takes ${uninterrupted} ms`,
      );
      const answer = await heavy;
      if (!(answer instanceof Error)) {
        assert.notEqual(answer.status, 200, 'the interrupted run did not report success');
      }
      assert.deepEqual(filesUnder(outDir), [], 'no kit file, partial or whole');
      const temps = filesUnder(dir).filter((f) => /\.tmp$/.test(f));
      assert.deepEqual(temps, [], 'no temp file left anywhere in the folder');
    } finally {
      await second.serve.stop();
    }
  });
});
