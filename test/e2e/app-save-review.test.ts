// Save never writes a config with errors silently (issue 13 item 1): the review lists the errors
// and warnings the save would leave, new ones marked, and saving with errors is its own action.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fieldId } from '../../renderer/app/sections';
import { browserSuite, nav, screenshotDir, uiSkipReason } from './app-page';

const skipReason = uiSkipReason();
const origins = 'serverSettings.crossOriginSettings.allowedOrigins';

const settled = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('.MuiDialog-container')].every(
      (el) => getComputedStyle(el).opacity === '1',
    ),
  );

async function addOrigin(page: Page, origin: string) {
  await page.locator(`#${fieldId(origins)}`).fill(origin);
  await page.locator(`#${fieldId(origins)}`).press('Enter');
  await page.waitForFunction(() => !document.querySelector('#root[data-pending]'));
}

describe('the save review in the browser (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite();

  test('two bad origins: the review lists both errors as new and saving says "Save with 2 errors"', async () => {
    const run = await app.serve();
    const original = await readFile(run.config, 'utf8');
    const page = await app.open({ run });
    await nav(page, 'CORS & CSRF').click();
    await addOrigin(page, 'http://');
    await addOrigin(page, '*');
    await page
      .locator(`#${fieldId(origins)}-diagnostics`)
      .getByText(/Error:/)
      .first()
      .waitFor();

    await page.keyboard.press('Control+s');
    const findings = page.getByRole('list', { name: 'Errors and warnings the save would leave' });
    await findings.waitFor();
    await settled(page);
    const errorItems = findings.locator('li[data-severity="error"]');
    assert.equal(await errorItems.count(), 2, 'the sample has no error of its own');
    assert.equal(await findings.locator('li[data-severity="error"][data-new="true"]').count(), 2);
    for (const text of await errorItems.allInnerTexts()) {
      assert.match(text, /^Error\s*new\s/);
      assert.match(text, /allowedOrigins/);
    }
    // The sample's own warnings are listed too, not marked new.
    const warnings = findings.locator('li[data-severity="warning"]');
    assert.ok((await warnings.count()) > 0);
    assert.ok(
      (await findings.locator('li[data-severity="warning"][data-new="false"]').count()) > 0,
    );
    assert.match(
      await page.getByTestId('save-findings-summary').innerText(),
      /^The saved file would have 2 errors \(2 new\) and \d+ warnings?/,
    );
    assert.equal(await page.getByRole('button', { name: 'Save to disk' }).count(), 0);
    await page.screenshot({ path: join(screenshotDir, 'save-review-with-errors-1280x800.png') });

    // Cancel writes nothing; the deliberate action writes.
    await page.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await readFile(run.config, 'utf8'), original);
    await page.keyboard.press('Control+s');
    await page.getByRole('button', { name: 'Save with 2 errors' }).click();
    await page.getByTestId('dirty-marker').waitFor({ state: 'detached' });
    assert.match(await readFile(run.config, 'utf8'), /allowedOrigins: .*, http:\/\/, \*\n/);
    await page.close();
  });

  test('a change without errors keeps the plain "Save to disk", dark theme at 1920x1080', async () => {
    const run = await app.serve();
    const page = await app.open({ run });
    await page.getByRole('button', { name: /Colour theme/ }).click(); // system -> light
    await page.getByRole('button', { name: /Colour theme/ }).click(); // light -> dark
    await page.setViewportSize({ width: 1920, height: 1080 });
    await nav(page, 'CORS & CSRF').click();
    await addOrigin(page, 'https://portal.example.com');
    await page.keyboard.press('Control+s');
    await page.getByRole('button', { name: 'Save to disk' }).waitFor();
    await settled(page);
    assert.equal(
      await page.locator('li[data-severity="error"]').count(),
      0,
      'no error left, none listed',
    );
    await page.screenshot({ path: join(screenshotDir, 'save-review-clean-dark-1920x1080.png') });
    await page.getByRole('button', { name: 'Save to disk' }).click();
    await page.getByTestId('dirty-marker').waitFor({ state: 'detached' });
    await page.close();
  });
});
