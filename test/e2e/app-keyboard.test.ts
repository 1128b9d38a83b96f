// Keyboard and screen-reader basics of the shell: a skip link first, a navigation of links that
// the arrow keys move through, focus on the new page's heading, counts in words, and the bundled
// font actually used (no fallback to whatever the system has).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, nav, uiSkipReason } from './app-page';

const skipReason = uiSkipReason();

const focused = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', text: el?.innerText?.trim() ?? '' };
  });

describe('keyboard and screen-reader basics (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite({ serve: true });

  test('the first Tab stop is a skip link that moves focus to the main content', async () => {
    const page = await app.open();
    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(page), { tag: 'A', text: 'Skip to main content' });
    const box = await page.getByRole('link', { name: 'Skip to main content' }).boundingBox();
    assert.ok(box && box.y >= 0, 'the skip link is on screen while focused');
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).tag, 'MAIN');
  });

  test('arrow keys move through the navigation; choosing a page focuses its heading', async () => {
    const page = await app.open();
    await nav(page, 'HTTPS').focus();
    await page.keyboard.press('ArrowDown');
    assert.match((await focused(page)).text, /^Outbound TLS/);
    await page.keyboard.press('End');
    const last = (await focused(page)).text;
    await page.keyboard.press('ArrowDown');
    assert.match((await focused(page)).text, /^HTTPS/, 'ArrowDown wraps from the last entry');
    await page.keyboard.press('ArrowUp');
    assert.equal((await focused(page)).text, last);
    await nav(page, 'Cassandra').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Cassandra', level: 1 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal(await nav(page, 'Cassandra').getAttribute('aria-current'), 'page');
  });

  test('problem counts read as words with the right number', async () => {
    const page = await app.open();
    const names = await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link')
      .evaluateAll((els) => els.map((el) => el.textContent ?? ''));
    const counted = names.filter((n) => /, \d+ problems?$/.test(n));
    assert.ok(counted.length > 0, `some entry carries a count: ${names.join(' | ')}`);
    for (const name of counted) {
      const n = Number(/, (\d+) problems?$/.exec(name)?.[1]);
      assert.equal(name.endsWith(n === 1 ? ' problem' : ' problems'), true, name);
    }
  });

  test('the bundled Roboto is loaded from the app itself and used for text', async () => {
    const page = await app.open();
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(
      () =>
        [...document.fonts].filter((f) => f.family.includes('Roboto') && f.status === 'loaded')
          .length,
    );
    assert.ok(loaded > 0, 'a Roboto face is loaded');
    const family = await page
      .getByRole('heading', { level: 1 })
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
    assert.match(family, /^Roboto/);
  });
});
