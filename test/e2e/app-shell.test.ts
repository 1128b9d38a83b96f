// The shell in the browser: the navigation shows the page registry in order, every entry opens its
// page, and Ctrl+K puts the cursor in the option search.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, nav, uiSkipReason } from './app-page';

const skipReason = uiSkipReason();

describe('app shell in the browser (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite({ serve: true });

  test('the navigation lists the settings pages first and each entry opens its own page', async () => {
    const page = await app.open();
    const links = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
    // The page title is the link's text before its problem count ("Cassandra, 1 problem").
    const names = await links.evaluateAll((els) =>
      els.map((el) => el.querySelector('.MuiListItemText-primary')?.textContent?.trim()),
    );
    // The settings pages come first, in the guide's order; every entry opens a page of its own.
    assert.deepEqual(names.slice(0, 5), [
      'HTTPS',
      'Outbound TLS',
      'Cassandra',
      'CORS & CSRF',
      'On-premise',
    ]);
    assert.ok(names.includes('Problems') && names.includes('Chain preview'));
    const headings = new Set<string>();
    for (const name of names) {
      await nav(page, name!).click();
      assert.equal(await nav(page, name!).getAttribute('aria-current'), 'page');
      const heading = page.getByRole('heading', { level: 1 }).first();
      await heading.waitFor();
      headings.add(await heading.innerText());
    }
    assert.equal(headings.size, names.length, 'each entry shows its own page');
    await page.close();
  });

  test('Ctrl+K focuses the option search, and picking an option opens its field', async () => {
    const page = await app.open();
    await nav(page, 'Problems').click();
    await page.keyboard.press('Control+k');
    const search = page.getByRole('combobox', { name: 'Go to option' });
    assert.equal(await search.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.type('ssl.port');
    await page.getByRole('option', { name: /\(ssl\.port\)/ }).click();
    const port = page.locator('#opt-ssl-port');
    await port.waitFor();
    assert.equal(await port.evaluate((el) => el === document.activeElement), true);
    assert.equal(await nav(page, 'HTTPS').getAttribute('aria-current'), 'page');
    await page.close();
  });
});
