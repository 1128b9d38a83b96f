// The page `rwsec serve` hands to the desktop opener instead of the tokened URL: private (0600 in
// a 0700 folder of its own), redirecting to exactly that URL, and gone after remove().
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeRedirectPage } from '../../electron/cli/browser-redirect';

let parent: string;

before(async () => {
  parent = await mkdtemp(join(tmpdir(), 'rwsec-redirect-'));
});
after(() => rm(parent, { recursive: true, force: true }));

test('the redirect page is private, points at the URL, and is removed on stop', async (t) => {
  const url = 'http://127.0.0.1:8700/?token=0123abcd&x=<"y">';
  const page = await writeRedirectPage(url, parent);
  const folder = dirname(page.file);
  assert.equal(dirname(folder), parent);
  if (process.platform !== 'win32') {
    assert.equal((await stat(folder)).mode & 0o777, 0o700, 'folder mode');
    assert.equal((await stat(page.file)).mode & 0o777, 0o600, 'file mode');
  } else {
    t.diagnostic('POSIX modes are not checked on Windows');
  }
  const html = await readFile(page.file, 'utf8');
  const escaped = 'http://127.0.0.1:8700/?token=0123abcd&amp;x=&lt;&quot;y&quot;&gt;';
  assert.ok(html.includes(`<meta http-equiv="refresh" content="0;url=${escaped}">`), html);
  assert.ok(html.includes(`<a href="${escaped}">`), html);
  assert.ok(!html.includes('<"y">'), 'the URL is escaped, never raw markup');

  await page.remove();
  assert.equal(existsSync(folder), false);
  await page.remove(); // a second stop is harmless
  assert.deepEqual(await readdir(parent), []);
});

test('two pages never share a folder', async () => {
  const a = await writeRedirectPage('http://127.0.0.1:1/?token=a', parent);
  const b = await writeRedirectPage('http://127.0.0.1:1/?token=b', parent);
  assert.notEqual(dirname(a.file), dirname(b.file));
  await Promise.all([a.remove(), b.remove()]);
});
