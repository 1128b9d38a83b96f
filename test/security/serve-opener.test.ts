// `rwsec serve` opening the desktop browser: the opener's command line (visible to every local
// user in `ps`) must not carry the per-run API token. A stand-in xdg-open first on PATH records
// the argv it gets and what the file it was handed contains; the page is gone after the stop.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { test } from 'node:test';
import { serveCommand } from '../../electron/cli/commands/serve';
import { runCommand } from '../../electron/cli/cli-run';
import { repoRoot } from '../helpers/paths';

async function waitFor(file: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (existsSync(file)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

test('the desktop opener gets a private redirect page, never the tokened URL', async (t) => {
  if (process.platform !== 'linux') return t.skip('the stand-in opener is xdg-open (Linux only)');
  if (!existsSync(join(repoRoot, 'dist', 'renderer', 'index.html')))
    return t.skip('the UI is not built (npm run build)');
  const dir = await mkdtemp(join(tmpdir(), 'rwsec-opener-'));
  const savedPath = process.env.PATH;
  try {
    const bin = join(dir, 'bin');
    const log = join(dir, 'opener');
    await mkdir(bin);
    // Copies the page first, then marks the argv log as complete (the test waits for it).
    await writeFile(
      join(bin, 'xdg-open'),
      `#!/bin/sh\ncat "$1" > '${log}.html'\nprintf '%s\\n' "$#" "$@" > '${log}.tmp'\nmv '${log}.tmp' '${log}.args'\n`,
    );
    await chmod(join(bin, 'xdg-open'), 0o755);
    process.env.PATH = `${bin}${delimiter}${savedPath ?? ''}`;

    let out = '';
    const running = runCommand(serveCommand, ['--port', '0'], {
      out: (text) => (out += text),
      err: (text) => (out += text),
      env: { DISPLAY: ':0' },
    });
    assert.ok(await waitFor(`${log}.args`, 15_000), `the opener never ran:\n${out}`);
    const url = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=(\S+))/.exec(out);
    assert.ok(url, out);
    const token = url[2]!;
    assert.ok(token.length >= 16, 'a real token');

    const [count, ...argv] = (await readFile(`${log}.args`, 'utf8')).trimEnd().split('\n');
    assert.equal(count, '1', 'the opener gets exactly one argument');
    const page = argv[0]!;
    assert.ok(!argv.join(' ').includes(token), 'the token is not on the command line');
    assert.match(page, /rwsec-open-[^/]+\/open\.html$/);
    const html = await readFile(`${log}.html`, 'utf8');
    assert.ok(html.includes(`content="0;url=${url[1]}"`), html);

    process.emit('SIGTERM');
    assert.equal(await running, 0);
    assert.equal(existsSync(page), false, 'the redirect page is removed when the server stops');
  } finally {
    process.env.PATH = savedPath;
    await rm(dir, { recursive: true, force: true });
  }
});
