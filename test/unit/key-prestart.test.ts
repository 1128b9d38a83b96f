// The kit's key pre-start (electron/cli/key-prestart.cjs): a new 10-node kit's 11 keys each get a
// libuv pool thread of their own (libuv's default 4 made them wait in line, with the CA key's
// PBKDF2 and the kit's file writes behind them), a pool size the user set stands, and children the
// CLI starts (java for --gir-jar) do not inherit the size. Linux: threads are counted in /proc.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const prestart = join(__dirname, '../../electron/cli/key-prestart.cjs');
const NODES = Array.from({ length: 10 }, (_, i) => `n${i}.example`).join(',');

/** Threads of a Node process after the pre-start, and the env a child of it would get. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): { threads: number; childEnv: string } {
  const script = `
    require(${JSON.stringify(prestart)}).prestartKeys(${JSON.stringify(args)});
    const threads = require('node:fs').readdirSync('/proc/self/task').length;
    process.stdout.write(JSON.stringify({ threads, childEnv: String(process.env.UV_THREADPOOL_SIZE) }));
    process.exit(0);`;
  const { UV_THREADPOOL_SIZE: _ignored, ...parentEnv } = process.env;
  const r = spawnSync(process.execPath, ['-e', script], {
    env: { ...parentEnv, ...env },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { threads: number; childEnv: string };
}

/** libuv's pool threads: those above a process that never used the pool (no key pre-started). */
function poolThreads(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { pool: number; childEnv: string } {
  const { threads, childEnv } = run(args, env);
  return { pool: threads - run(['validate', 'application.yaml']).threads, childEnv };
}

const linux = existsSync('/proc/self/task');

describe('kit key pre-start', { skip: linux ? false : 'needs /proc (Linux)' }, () => {
  it('gives each of a new kit’s 11 keys a pool thread, and leaves libuv’s 4 for the rest', () => {
    const r = poolThreads([
      'kit',
      'cassandra',
      '--nodes',
      NODES,
      '--out',
      '/nonexistent',
      '--keyalg',
      'ec',
    ]);
    // 11 keys + the CA key's PBKDF2 + libuv's own 4.
    assert.equal(r.pool, 16);
    assert.equal(r.childEnv, 'undefined');
  });

  it('keeps the pool size the user set', () => {
    const r = poolThreads(
      ['kit', 'cassandra', '--nodes', NODES, '--out', '/nonexistent', '--keyalg', 'ec'],
      {
        UV_THREADPOOL_SIZE: '3',
      },
    );
    assert.equal(r.pool, 3);
    assert.equal(r.childEnv, '3');
  });

  it('leaves the pool alone when the keys are unknown (--renew of a kit that is not there)', () => {
    const r = poolThreads(['kit', 'cassandra', '--out', '/nonexistent', '--renew']);
    assert.equal(r.pool, 0);
    assert.equal(r.childEnv, 'undefined');
  });
});
