// Closing a dialog puts keyboard focus back on the control that opened it, so a keyboard or
// screen-reader user continues where they were instead of at the top of the page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { fieldId } from '../../renderer/app/sections';
import { browserSuite, nav, uiSkipReason } from './app-page';

const skipReason = uiSkipReason();

/** Opens a dialog from `opener` by keyboard, closes it with `close`, and reports what has focus. */
async function roundTrip(page: Page, opener: Locator, close: 'Escape' | string): Promise<void> {
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (close === 'Escape') await page.keyboard.press('Escape');
  else await dialog.getByRole('button', { name: close, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(
    await opener.evaluate((el) => el === document.activeElement),
    true,
    `focus is back on the opener (now on: ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))})`,
  );
}

describe(
  'focus returns to the control that opened a dialog (rwsec serve)',
  { skip: skipReason },
  () => {
    const app = browserSuite({ serve: true });

    test('the save review, closed with Escape and with Cancel', async () => {
      const page = await app.open();
      await nav(page, 'HTTPS').click();
      await page.locator(`#${fieldId('ssl.port')}`).fill('9443');
      await page.waitForFunction(() => !document.querySelector('[data-pending]'));
      const save = page.getByRole('button', { name: /^Save…/ });
      await roundTrip(page, save, 'Escape');
      await roundTrip(page, save, 'Cancel');
    });

    test('the keystore manager: generate, import and delete dialogs', async () => {
      const page = await app.open();
      await nav(page, 'Keystores').click();
      await page.locator('#keystore-path').fill('focus.p12');
      await page.locator('#keystore-password').fill('store-pass-1');
      await page.getByRole('button', { name: 'Create new store' }).click();
      await page.getByTestId('keystore-file').waitFor();
      const generate = page.getByRole('button', { name: 'Generate key pair' });
      await roundTrip(page, generate, 'Escape');
      await generate.click();
      await page.locator('#generate-alias').fill('jetty');
      await page.locator('#generate-dname').fill('CN=rws.example.com');
      await page.getByRole('button', { name: 'Generate', exact: true }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await roundTrip(page, page.getByRole('button', { name: 'Import…' }), 'Escape');
      await page.locator('tr[data-alias="jetty"]').click();
      await roundTrip(page, page.getByRole('button', { name: 'Delete', exact: true }), 'Cancel');
    });
  },
);
