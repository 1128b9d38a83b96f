// The heavy-work pool as the serve host and the app use it (the built dist/heavy-worker.cjs):
// - a task's failure arrives as the very error it raises on the calling thread (class for
//   KeystoreError, kind, name and message for every user-facing error), never with a stack;
// - the iteration caps hold through the pool (an over-the-cap PKCS#12 is refused at once);
// - values come back usable (Buffers are Buffers, certificates and keys are node:crypto objects);
// - a worker that dies fails only its own task, with a clear message, and is replaced;
// - close() cancels what runs and refuses new work.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { X509Certificate } from 'node:crypto';
import { UserFacingError } from '../../shared/user-error';
import type { HeavyWork } from '../../electron/services/heavy/heavy-work';
import { inlineWork } from '../../electron/services/heavy/inline-work';
import { WorkerPool } from '../../electron/services/heavy/worker-pool';
import { KeystoreError } from '../../electron/services/keystore/model';
import { writeKeystore } from '../../electron/services/keystore/write';
import { haveOpenssl } from '../helpers/heavy-p12';
import { sampleStore } from '../helpers/keystore-fixtures';
import { repoRoot } from '../helpers/paths';

const script = join(repoRoot, 'dist', 'heavy-worker.cjs');
const skip = existsSync(script) ? false : 'dist/heavy-worker.cjs missing: run `npm run build`';

let dir = '';
let pool: WorkerPool;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-pool-'));
  if (!skip) pool = new WorkerPool({ script, size: 2 });
});
after(async () => {
  await pool?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a caller can see of a failure: its class, kind, code and message (and no stack text). */
async function failure(work: HeavyWork, run: (w: HeavyWork) => Promise<unknown>) {
  try {
    await run(work);
  } catch (error) {
    assert.ok(error instanceof UserFacingError, `a user-facing error, got ${String(error)}`);
    return {
      keystoreError: error instanceof KeystoreError,
      code: error instanceof KeystoreError ? error.code : undefined,
      name: error.name,
      kind: error.kind,
      message: error.message,
    };
  }
  assert.fail('the task succeeded');
}

async function sameFailure(run: (w: HeavyWork) => Promise<unknown>) {
  const inline = await failure(inlineWork, run);
  const pooled = await failure(pool, run);
  assert.deepEqual(pooled, inline);
  assert.doesNotMatch(pooled.message, /\n\s+at /, 'no stack in the message');
  return pooled;
}

/** An openssl PKCS#12 whose bag iteration counts are patched from 65,536 to 8,388,607. */
function overTheCap(): Buffer {
  execFileSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(dir, 'k.pem'),
    '-out',
    join(dir, 'c.pem'),
    '-subj',
    '/CN=cap.test',
    '-days',
    '2',
  ]);
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-in',
    join(dir, 'c.pem'),
    '-inkey',
    join(dir, 'k.pem'),
    '-out',
    join(dir, 'cap.p12'),
    '-passout',
    'pass:secret-1',
    '-iter',
    '65536',
  ]);
  const bytes = readFileSync(join(dir, 'cap.p12'));
  const count = Buffer.from([2, 3, 1, 0, 0]);
  const huge = Buffer.from([2, 3, 0x7f, 0xff, 0xff]);
  for (let i = bytes.indexOf(count); i !== -1; i = bytes.indexOf(count, i + 1)) huge.copy(bytes, i);
  return bytes;
}

describe('heavy work through the worker pool', { skip }, () => {
  it('a wrong password is the same KeystoreError, kind and message as on this thread', async () => {
    const { store } = await sampleStore();
    const bytes = writeKeystore(store, { type: 'PKCS12', password: 'changeit' });
    const seen = await sameFailure((w) =>
      w.run('readKeystore', bytes, { password: 'not-it', file: 'server.p12' }),
    );
    assert.equal(seen.keystoreError, true);
    assert.equal(seen.code, 'wrong-password');
  });

  it('a missing file, a damaged file and a refused kit come back unchanged', async () => {
    await sameFailure((w) => w.run('readKeystoreFile', join(dir, 'absent.p12'), {}));
    writeFileSync(join(dir, 'junk.jks'), Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 1]));
    await sameFailure((w) => w.run('readKeystoreFile', join(dir, 'junk.jks'), { password: 'x' }));
    const kit = await sameFailure((w) =>
      w.run('planCassandraKit', {
        outDir: join(dir, 'kit'),
        nodes: ['cass-1'],
        storepass: 'short',
        key: { algorithm: 'ec', curve: 'P-256' },
        days: 10,
        legacy: false,
        door: 'app',
      }),
    );
    assert.notEqual(kit.name, 'Error', 'the error keeps the name of its class');
  });

  it(
    'the iteration cap holds through the pool: refused as "too many iterations"',
    {
      skip: haveOpenssl ? false : 'openssl is not installed',
    },
    async () => {
      const bytes = overTheCap();
      const seen = await sameFailure((w) =>
        w.run('readKeystore', bytes, { password: 'secret-1', file: 'cap.p12' }),
      );
      assert.match(seen.message, /too many iterations: its .* asks for 8,388,607/);
    },
  );

  it('results come back as the caller uses them: Buffers, certificates, keys', async () => {
    const { store } = await sampleStore();
    const encoded = await pool.run('encodeStore', join(dir, 'out.p12'), store, {
      type: 'PKCS12',
      password: 'changeit',
    });
    assert.ok(Buffer.isBuffer(encoded.bytes), 'a Buffer, not a bare Uint8Array');
    const read = await pool.run('readKeystore', encoded.bytes, { password: 'changeit' });
    assert.equal(read.entries.length, store.entries.length);
    const key = read.entries.find((e) => e.kind === 'key');
    assert.ok(key && key.kind === 'key');
    assert.ok(key.chain[0] instanceof X509Certificate);
    assert.equal(key.privateKey.type, 'private');
    assert.ok(key.created instanceof Date);
  });
});

describe('a worker that dies', () => {
  // A stand-in worker with the pool's message protocol: it answers every task with its
  // arguments, and exits (as a crashed worker does) when the first argument is 'die'.
  const standIn = () => {
    const file = join(dir, 'stand-in-worker.cjs');
    writeFileSync(
      file,
      [
        "const { parentPort } = require('node:worker_threads');",
        "parentPort.on('message', ({ id, args }) => {",
        "  if (args[0] === 'die') process.exit(7);",
        '  parentPort.postMessage({ id, ok: true, value: args });',
        '});',
      ].join('\n'),
    );
    return file;
  };
  type Loose = (task: string, ...args: unknown[]) => Promise<unknown>;

  it('fails only its own task, says so, and is replaced for the next', async () => {
    const crashing = new WorkerPool({ script: standIn(), size: 2 });
    const run = crashing.run.bind(crashing) as unknown as Loose;
    try {
      const [died, other] = await Promise.allSettled([
        run('readKeystoreFile', 'die'),
        run('readKeystoreFile', 'fine'),
      ]);
      assert.equal(died.status, 'rejected');
      const error = (died as PromiseRejectedResult).reason as Error;
      assert.ok(error instanceof UserFacingError);
      assert.match(
        error.message,
        /The background worker stopped while reading a keystore \(exit code 7\); nothing was written/,
      );
      assert.deepEqual(other, { status: 'fulfilled', value: ['fine'] }, 'the other task is fine');
      assert.deepEqual(await run('readKeystoreFile', 'again'), ['again'], 'a new worker answers');
      assert.ok(crashing.workers <= 2);
    } finally {
      await crashing.close();
    }
  });

  it('close() cancels the running task and refuses new ones', async () => {
    const closing = new WorkerPool({ script: standIn(), size: 1 });
    const run = closing.run.bind(closing) as unknown as Loose;
    const pending = Promise.allSettled([
      run('readKeystoreFile', 'x'),
      run('readKeystoreFile', 'y'),
    ]);
    await closing.close();
    const after = await Promise.allSettled([run('readKeystoreFile', 'z')]);
    for (const outcome of [...(await pending), ...after]) {
      assert.equal(outcome.status, 'rejected');
      assert.match(
        String((outcome as PromiseRejectedResult).reason),
        /the host is shutting down; nothing was written/,
      );
    }
    assert.equal(closing.workers, 0);
  });
});
