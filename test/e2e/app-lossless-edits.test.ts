// Edits from the forms change only what the user touched (issue 13 item 6) and the review shows
// exactly that, wrapped, with the changed characters marked (item 2).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fieldId } from '../../renderer/app/sections';
import { sampleConfig } from '../helpers/paths';
import { browserSuite, nav, screenshotDir, uiSkipReason } from './app-page';

const skipReason = uiSkipReason();
const cors = 'serverSettings.crossOriginSettings';

let spacedDir = '';
/** The sample with spaced methods (as many real files have them), served from its own copy. */
let spacedSample = '';

const field = (page: Page, path: string) => page.locator(`#${fieldId(path)}`);
const chip = (page: Page, path: string, name: string) =>
  page.locator(`[data-option="${path}"] .MuiChip-root`, { hasText: new RegExp(`^${name}$`) });
const answered = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('#root[data-pending]'));
const settled = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('.MuiDialog-container')].every(
      (el) => getComputedStyle(el).opacity === '1',
    ),
  );

/** Lines that differ between two versions of a file with the same line count. */
function changedLines(before: string, afterText: string): [string, string][] {
  const a = before.split('\n');
  const b = afterText.split('\n');
  assert.equal(b.length, a.length, 'no line added or removed');
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!] as [string, string]]));
}

describe('lossless edits and the review in the browser (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite();
  before(async () => {
    const text = (await readFile(sampleConfig, 'utf8')).replace(
      'allowedMethods: GET,POST,PUT,DELETE,OPTIONS',
      'allowedMethods: GET, POST, PUT',
    );
    assert.match(text, /allowedMethods: GET, POST, PUT\n/);
    spacedDir = await mkdtemp(join(tmpdir(), 'rwsec-e2e-spaced-'));
    spacedSample = join(spacedDir, 'application.yaml');
    await writeFile(spacedSample, text);
  });
  after(async () => {
    if (spacedDir) await rm(spacedDir, { recursive: true, force: true });
  });

  test('removing one chip keeps the separators; a quoted list keeps its quotes', async () => {
    const run = await app.serve(spacedSample);
    const original = await readFile(run.config, 'utf8');
    const page = await app.open({ run });
    await nav(page, 'CORS & CSRF').click();
    await chip(page, `${cors}.allowedMethods`, 'POST').locator('.MuiChip-deleteIcon').click();
    await field(page, `${cors}.allowedHeaders`).fill('X-Trace');
    await field(page, `${cors}.allowedHeaders`).press('Enter');
    await answered(page);
    await page.keyboard.press('Control+s');
    await page.getByRole('button', { name: 'Save to disk' }).click();
    await page.getByTestId('dirty-marker').waitFor({ state: 'detached' });
    const headers = original.match(/ {4}allowedHeaders: .*/)![0];
    assert.deepEqual(changedLines(original, await readFile(run.config, 'utf8')), [
      ['    allowedMethods: GET, POST, PUT', '    allowedMethods: GET, PUT'],
      [headers, headers.replace(/"$/, ',X-Trace"')],
    ]);
    await page.close();
  });

  test('an emptied number is an error on the field, not a deleted key; a value that comes back is no change', async () => {
    const run = await app.serve(spacedSample);
    const page = await app.open({ run });
    await nav(page, 'CORS & CSRF').click();
    const ttl = field(page, `${cors}.corsFilterCacheTimeToLive`);
    await ttl.fill('');
    await answered(page);
    assert.equal(await ttl.getAttribute('aria-invalid'), 'true');
    const help = page.locator(`#${fieldId(`${cors}.corsFilterCacheTimeToLive`)}-helper-text`);
    assert.match(await help.innerText(), /Empty: type a value.*Remove key/);
    assert.equal(await page.getByTestId('dirty-marker').count(), 0, 'no edit was made');
    await page.screenshot({ path: join(screenshotDir, 'emptied-number-field.png') });
    await ttl.fill('120');
    await answered(page);
    assert.equal(await page.getByTestId('dirty-marker').count(), 0, 'the same value is no change');
    assert.equal(await page.getByRole('button', { name: /^Save…/ }).isDisabled(), true);

    // Deleting the key is its own action, and shows as a removed line in the review.
    await page
      .getByRole('button', { name: `Remove ${cors}.corsFilterCacheTimeToLive from the file` })
      .click();
    await answered(page);
    await page.keyboard.press('Control+s');
    const diff = page.getByLabel('Unified diff of the changes');
    assert.match(await diff.innerText(), /^- {4}corsFilterCacheTimeToLive: 120$/m);
    await page.keyboard.press('Escape');
    await diff.waitFor({ state: 'detached' });

    // Typed again, the value goes back to its place (first in its block): no change at all.
    await ttl.fill('120');
    await answered(page);
    await page.getByTestId('dirty-marker').waitFor({ state: 'detached' });
    await page.close();
  });

  test('the review wraps a long line and marks only its changed end, light and dark', async () => {
    const run = await app.serve(spacedSample);
    const page = await app.open({ run });
    await nav(page, 'CORS & CSRF').click();
    await field(page, `${cors}.allowedHeaders`).fill('X-Correlation-Identifier');
    await field(page, `${cors}.allowedHeaders`).press('Enter');
    await answered(page);
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') {
        await page.getByRole('button', { name: /Colour theme/ }).click(); // system -> light
        await page.getByRole('button', { name: /Colour theme/ }).click(); // light -> dark
      }
      for (const [width, height] of [
        [1280, 800],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.keyboard.press('Control+s');
        const diff = page.getByLabel('Unified diff of the changes');
        await diff.waitFor();
        await settled(page);
        assert.deepEqual(await diff.locator('ins').allInnerTexts(), [',X-Correlation-Identifier']);
        assert.deepEqual(await diff.locator('del').allInnerTexts(), []);
        const overflow = await diff.evaluate((el) => el.scrollWidth - el.clientWidth);
        assert.ok(overflow <= 0, `the diff does not scroll sideways (${overflow}px)`);
        const added = diff.locator('[data-diff-line="add"]');
        assert.match(await added.innerText(), /X-Correlation-Identifier"$/);
        await page.screenshot({
          path: join(screenshotDir, `save-review-wrap-${theme}-${width}x${height}.png`),
        });
        await page.keyboard.press('Escape');
        await diff.waitFor({ state: 'detached' });
      }
    }
    await page.close();
  });
});
