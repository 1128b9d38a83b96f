// Density and layout as an administrator meets them: a settings section of up to ten fields fits
// 1280x800 without scrolling, each field says what it is in one line with the full help one
// click away and its YAML key copyable; at 1920x1080 the form uses the width (two columns and a
// side panel) instead of a narrow column.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { options } from '../../shared/catalog/options';
import { fieldId } from '../../renderer/app/sections';
import { browserSuite, desktopSizes, nav, screenshots, uiSkipReason } from './app-page';

const skipReason = uiSkipReason();

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  assert.ok(b, 'element is rendered');
  return b;
}

/** How many of the page's option fields lie wholly inside the viewport, below the app bar. */
async function fieldsInView(page: Page): Promise<{ visible: number; total: number }> {
  return page.evaluate(() => {
    const barBottom = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
    const fields = [...document.querySelectorAll('main [data-option]')];
    const visible = fields.filter((f) => {
      const r = f.getBoundingClientRect();
      return r.top >= barBottom && r.bottom <= window.innerHeight && r.height > 0;
    });
    return { visible: visible.length, total: fields.length };
  });
}

describe('form density and layout (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite({ serve: true });

  test('at 1280x800 the whole HTTPS section (ten fields) is in view without scrolling', async () => {
    const page = await app.open();
    await nav(page, 'HTTPS').click();
    await page.locator(`#${fieldId('jetty.cookies.sameSite')}`).waitFor();
    const { visible, total } = await fieldsInView(page);
    assert.equal(total, 10, 'the sample has ten HTTPS fields (cookies included)');
    assert.equal(visible, total, `${visible} of ${total} fields wholly in view at 1280x800`);
    await screenshots(page, 'layout-https');
    await page.close();
  });

  test('each field: a one-line summary, the full catalog help behind its info button', async () => {
    const page = await app.open();
    await nav(page, 'HTTPS').click();
    for (const path of ['ssl.port', 'ssl.keyStorePassword', 'enableSsl']) {
      const spec = options.find((o) => o.path === path)!;
      const id = fieldId(path);
      const summary = page.locator(`#${id}-help`);
      assert.equal(await summary.innerText(), spec.summary);
      const lineHeight = await summary.evaluate((el) =>
        parseFloat(getComputedStyle(el).lineHeight),
      );
      assert.ok((await box(summary)).height < lineHeight * 1.5, `${path}: summary is one line`);
      const more = page.locator(`#${id}-more`);
      assert.equal(await more.isVisible(), false, 'the full help starts folded');
      const info = page.getByRole('button', { name: `Full help for ${path}` });
      await info.click();
      assert.equal(await info.getAttribute('aria-expanded'), 'true');
      await page.waitForFunction(
        (el) => el!.getBoundingClientRect().height > 0,
        await more.elementHandle(),
      );
      assert.equal((await more.innerText()).trim(), spec.help);
    }
    await page.close();
  });

  test("a field's YAML key is a chip that copies the key", async () => {
    const page = await app.open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: app.run.origin,
    });
    await nav(page, 'HTTPS').click();
    const chip = page
      .locator('[data-option="ssl.keyStorePath"]')
      .getByRole('button', { name: 'Copy YAML key ssl.keyStorePath' });
    await chip.click();
    await chip.getByText('copied').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'ssl.keyStorePath');
    await page.close();
  });

  test("in two columns a field's YAML key stays on its summary's line, cut at its start, whole in its tooltip", async () => {
    const page = await app.open();
    // Fields whose key chip does not sit on the first line of their summary (it wrapped below).
    const offLine = () =>
      page.evaluate(`[...document.querySelectorAll('main [data-option]')].filter((field) => {
        const help = field.querySelector('[id$="-help"]').getBoundingClientRect();
        const line = parseFloat(getComputedStyle(field.querySelector('[id$="-help"]')).lineHeight);
        const chip = field.querySelector('[data-copy]').getBoundingClientRect();
        const middle = chip.top + chip.height / 2;
        return middle < help.top || middle > help.top + line;
      }).map((field) => field.getAttribute('data-option'))`) as Promise<string[]>;
    for (const [width, height] of desktopSizes) {
      await page.setViewportSize({ width, height });
      for (const name of ['HTTPS', 'CORS & CSRF']) {
        await nav(page, name).click();
        await page.locator('main [data-option]').first().waitFor();
        assert.deepEqual(await offLine(), [], `${name} at ${width}x${height}`);
      }
    }
    // A half-width field at 1920: its long key is cut, and the end that names it stays in view.
    const key = 'serverSettings.crossOriginSettings.corsFilterCacheTimeToLive';
    const chip = page.locator(`[data-option="${key}"] [data-copy]`);
    const shown = (await chip.evaluate(`(() => {
      const label = document.querySelector('[data-option="${key}"] [data-copy] .MuiChip-label');
      const text = label.querySelector('bdi').firstChild;
      const box = label.getBoundingClientRect();
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 1);
      const first = range.getBoundingClientRect();
      range.setStart(text, text.length - 1);
      range.setEnd(text, text.length);
      const last = range.getBoundingClientRect();
      return { cut: label.scrollWidth > label.clientWidth, startHidden: first.left < box.left, endShown: last.right <= box.right + 1 && last.left >= box.left };
    })()`)) as { cut: boolean; startHidden: boolean; endShown: boolean };
    assert.deepEqual(shown, { cut: true, startHidden: true, endShown: true });
    await chip.hover();
    assert.equal(await page.getByRole('tooltip').innerText(), `Copy YAML key ${key}`);
    await page.close();
  });

  test('at 1920x1080 the form runs in two columns with the problems panel beside it', async () => {
    const page = await app.open();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await nav(page, 'HTTPS').click();
    const left = await box(page.locator('[data-option="enableSsl"]'));
    const right = await box(page.locator('[data-option="ssl.port"]'));
    assert.ok(right.x >= left.x + left.width, 'ssl.port sits to the right of enableSsl');
    assert.ok(Math.abs(right.y - left.y) < 8, 'on the same row');
    const panel = page.getByRole('complementary', { name: 'Details' });
    const side = await box(panel);
    assert.ok(side.x >= right.x + right.width, 'the details panel is beside the form');
    assert.ok(
      side.x + side.width > 1920 * 0.85,
      `content reaches ${side.x + side.width} of 1920 px`,
    );
    // The panel lists this page's problem with a link to its field, and the focused field's help.
    await panel.getByText(/keyStorePassword is stored in plain text/).waitFor();
    await panel.getByRole('button', { name: 'Go to field' }).first().click();
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert.equal(focused, fieldId('ssl.keyStorePassword'));
    const help = options.find((o) => o.path === 'ssl.keyStorePassword')!.help;
    await panel.getByText(help).waitFor();
    await page.close();
  });
});

describe('header and messages (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite();

  test('at 1280 a deep path keeps the file name and last folder whole, elided in the middle', async () => {
    const serve = await app.serve();
    const folder = join(
      serve.dir,
      'opt',
      'genesys',
      'gir',
      'installations',
      'rws-node-01-production',
    );
    await mkdir(folder, { recursive: true });
    const file = join(folder, 'application.yaml');
    await copyFile(serve.config, file);
    const page = await app.open({ run: serve });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: serve.origin,
    });
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Path of application.yaml on this machine').fill(file);
    await page.keyboard.press('Enter');
    const name = page.getByTestId('file-name');
    await page.getByTestId('file-path').getByText(folder.slice(-12)).waitFor();
    // The text's own width against its box (scrollWidth rounds away a cut of a few pixels).
    const whole = (l: Locator) =>
      l.evaluate((el) => {
        const text = document.createRange();
        text.selectNodeContents(el);
        return text.getBoundingClientRect().width <= el.getBoundingClientRect().width + 0.5;
      });
    assert.equal(await whole(name), true, 'the file name is not cut');
    assert.equal(await page.getByTestId('file-folder-last').innerText(), 'rws-node-01-production/');
    assert.equal(await whole(page.getByTestId('file-folder-last')), true, 'last folder whole');
    const head = page.getByTestId('file-folder').locator('span').first();
    assert.equal(await whole(head), false, 'the start of the folder gives way (elided)');
    const nameBox = await box(name);
    const findBox = await box(page.getByRole('combobox', { name: 'Go to option' }));
    assert.ok(nameBox.x + nameBox.width <= findBox.x, 'the name ends before the search box');
    await page.getByTestId('file-path').hover();
    assert.equal(await page.getByRole('tooltip').innerText(), file);
    await page.getByRole('button', { name: "Copy the file's full path" }).click();
    await page.waitForFunction(
      (expected) => navigator.clipboard.readText().then((t) => t === expected),
      file,
    );
    await screenshots(page, 'layout-header-long-path', [[1280, 800]]);
    await page.close();
  });

  test('the "Saved" message sits in the header: it covers no field or button, even scrolled', async () => {
    const serve = await app.serve();
    const page = await app.open({ run: serve });
    await nav(page, 'Outbound TLS').click();
    const field = page.locator(`#${fieldId('serverSettings.caCertificate')}`);
    await field.fill('/opt/genesys/gir/etc/other-ca.jks');
    await page.waitForFunction(() => !document.querySelector('#root[data-pending]'));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    // Mark the page's controls wholly in view before the message appears.
    const marked = await page.evaluate(() => {
      const bar = document.querySelector('header')!.getBoundingClientRect().bottom;
      const controls = [...document.querySelectorAll<HTMLElement>('main button, main input')];
      const seen = controls.filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= bar && r.bottom <= window.innerHeight;
      });
      for (const el of seen) el.dataset.seen = '';
      return seen.length;
    });
    assert.ok(marked > 5, `${marked} controls in view before saving`);
    await page.keyboard.press('Control+s');
    await page.getByRole('dialog').getByRole('button', { name: /^Save/ }).click();
    const message = page.getByRole('status').filter({ hasText: /^Saved/ });
    await message.waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const strip = await box(message);
    const header = await box(page.locator('header'));
    assert.ok(strip.y + strip.height <= header.y + header.height, 'the message is in the header');
    // Each control seen before is still below the header (pushed down, never covered).
    const covered = await page.evaluate((bar) => {
      const seen = [...document.querySelectorAll<HTMLElement>('main [data-seen]')];
      return seen
        .filter((el) => el.getBoundingClientRect().top < bar)
        .map((el) => el.id || el.getAttribute('aria-label') || el.textContent);
    }, header.y + header.height);
    assert.deepEqual(covered, [], 'no control in view lies under the message');
    await screenshots(page, 'layout-saved-message', [[1280, 800]]);
    await page.close();
  });
});
