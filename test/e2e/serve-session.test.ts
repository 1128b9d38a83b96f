// The serve session in a real browser (issue 12 item 7): the printed URL's token travels in the
// fragment only, the page keeps its session in sessionStorage and sends it as a header, no cookie
// exists, a reload keeps working, and the same URL in another tab is told what to do.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Request } from 'playwright-core';
import { browserSuite, uiSkipReason } from './app-page';

const skipReason = uiSkipReason();

const ready = '#root[data-app-state="ready"]';

describe('serve session in the browser', { skip: skipReason }, () => {
  const app = browserSuite({ serve: true });

  test('the token never leaves the fragment; the session is a header, never a cookie', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    const url = await app.run.freshUrl();
    const token = new URL(url).hash.replace('#token=', '');
    await page.goto(url);
    await page.waitForSelector(ready);

    assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
    assert.deepEqual(await context.cookies(), [], 'no cookie at all');
    const session = await page.evaluate(() => sessionStorage.getItem('rwsec-serve-session'));
    assert.match(session ?? '', /^[0-9a-f]{64}$/);
    assert.notEqual(session, token, 'the printed token is not the session');
    for (const r of requests) {
      assert.ok(!r.url().includes(token), `the token is in a request URL: ${r.url()}`);
      const headers = await r.allHeaders();
      assert.equal(headers.cookie, undefined, `${r.url()} sent a cookie`);
    }
    const apiCalls = requests.filter((r) => new URL(r.url()).pathname.startsWith('/api/config'));
    assert.ok(apiCalls.length > 0);
    for (const r of apiCalls) {
      assert.equal((await r.allHeaders()).authorization, `Bearer ${session}`);
    }

    // A reload of the open tab keeps working from sessionStorage.
    await page.reload();
    await page.waitForSelector(ready);
    assert.equal(await page.getByRole('heading', { level: 1 }).first().isVisible(), true);
    await context.close();
  });

  test('the same URL in another tab is refused with what to do; the next printed URL opens', async () => {
    const url = await app.run.freshUrl();
    const first = await app.browser.newPage();
    await first.goto(url);
    await first.waitForSelector(ready);

    const second = await app.browser.newPage();
    await second.goto(url);
    await second.waitForSelector('#root[data-app-state="error"]');
    const alert = await second.getByRole('alert').first().innerText();
    assert.match(alert, /already used to open a session/);
    assert.match(alert, /new URL that `rwsec serve` printed/);

    const bare = await app.browser.newPage();
    await bare.goto(new URL(url).origin + '/');
    await bare.waitForSelector('#root[data-app-state="error"]');
    assert.match(await bare.getByRole('alert').first().innerText(), /no session with rwsec serve/);

    const next = await app.run.freshUrl();
    assert.notEqual(next, url, 'rwsec serve printed a new URL after the first session opened');
    const third = await app.browser.newPage();
    await third.goto(next);
    await third.waitForSelector(ready);
    for (const p of [first, second, bare, third]) await p.close();
  });
});
