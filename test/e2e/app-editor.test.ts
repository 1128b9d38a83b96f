// The editor end to end: Debian's Chromium driving the UI served by a real `rwsec serve` process.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fieldId, pageOptions } from '../../renderer/app/sections';
import { sampleConfig } from '../helpers/paths';
import { browserSuite, nav, screenshotDir, uiSkipReason } from './app-page';

const skipReason = uiSkipReason();

const field = (page: Page, path: string) => page.locator(`#${fieldId(path)}`);
const diagnosticsOf = (page: Page, path: string) => page.locator(`#${fieldId(path)}-diagnostics`);
/** Dialog transitions finished, so a screenshot shows the dialog, not a fade. */
const settled = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('.MuiDialog-container')].every(
      (el) => getComputedStyle(el).opacity === '1',
    ),
  );
const dirtyMarker = (page: Page) => page.getByTestId('dirty-marker');

describe('editor in the browser (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite();

  test('one field changed on each page, a diagnostic comes and goes, and the save writes only those lines', async () => {
    const run = await app.serve();
    const original = await readFile(run.config, 'utf8');
    const page = await app.open({ run });

    await nav(page, 'HTTPS').click();
    await field(page, 'ssl.port').fill('9443');
    await dirtyMarker(page).waitFor();

    await nav(page, 'Outbound TLS').click();
    await field(page, 'serverSettings.webDAVTrustedCA').click();
    await page.getByRole('option', { name: /^false/ }).click();

    await nav(page, 'Cassandra').click();
    await field(page, 'cassandraCluster.useSSL').check();

    await nav(page, 'CORS & CSRF').click();
    await field(page, 'serverSettings.enableCsrfProtection').check();
    const exposed = 'serverSettings.crossOriginSettings.exposedHeaders';
    const problem = diagnosticsOf(page, exposed).locator(
      '[data-diagnostic="csrf-exposed-headers"]',
    );
    assert.equal(await problem.count(), 0);
    await page
      .locator(`[data-option="${exposed}"] .MuiChip-root`, { hasText: 'X-CSRF-TOKEN' })
      .locator('.MuiChip-deleteIcon')
      .click();
    await problem.waitFor({ state: 'visible' });
    assert.match(await problem.innerText(), /X-CSRF-TOKEN/);
    await field(page, exposed).fill('X-CSRF-TOKEN');
    await field(page, exposed).press('Enter');
    await problem.waitFor({ state: 'detached' });

    await nav(page, 'On-premise').click();
    await field(page, 'onPremiseSettings.tlsEnabled').check();

    // Wait for the debounced edit to land, then review and save.
    await page.waitForFunction(() => !document.querySelector('[data-pending]'));
    await page.getByRole('button', { name: /^Save…/ }).click();
    const diff = page.getByLabel('Unified diff of the changes');
    await diff.waitFor();
    const diffText = await diff.innerText();
    assert.match(diffText, /^- {2}port: 443$/m);
    assert.match(diffText, /^\+ {2}port: 9443$/m);
    assert.match(diffText, /^\+ {2}tlsEnabled: true$/m);
    await settled(page);
    await page.screenshot({ path: join(screenshotDir, 'save-review-dialog.png') });
    // These edits add errors (useSSL without a truststore, ...): the review lists them (marked
    // new), and saving is a differently labelled action naming the errors left.
    const findings = page.getByRole('list', { name: 'Errors and warnings the save would leave' });
    await findings.waitFor();
    const errors = await findings.locator('li[data-severity="error"]').count();
    assert.ok((await findings.locator('li[data-severity="error"][data-new="true"]').count()) > 0);
    assert.equal(await page.getByRole('button', { name: 'Save to disk' }).count(), 0);
    const label = errors === 1 ? 'Save with 1 error' : `Save with ${errors} errors`;
    await page.getByRole('button', { name: label }).click();
    await dirtyMarker(page).waitFor({ state: 'detached' });

    const saved = await readFile(run.config, 'utf8');
    const before = original.split('\n');
    const afterLines = saved.split('\n');
    assert.equal(afterLines.length, before.length, 'no line added or removed');
    const changed = before.flatMap((line, i) =>
      line === afterLines[i] ? [] : [[line, afterLines[i]]],
    );
    assert.deepEqual(
      changed,
      [
        ['  tlsEnabled: false', '  tlsEnabled: true'],
        ['  useSSL: false', '  useSSL: true'],
        ['  webDAVTrustedCA: true', '  webDAVTrustedCA: false'],
        ['  enableCsrfProtection: false', '  enableCsrfProtection: true'],
        ['  port: 443', '  port: 9443'],
      ].sort((a, b) => before.indexOf(a[0] ?? '') - before.indexOf(b[0] ?? '')),
    );
    await page.close();
  });

  test('keyboard only: Tab reaches every field of a page, each with a visible label', async () => {
    const run = await app.serve();
    const page = await app.open({ run });
    const describe = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const input = el as HTMLInputElement;
        const byLabels = input.labels?.[0]?.innerText;
        const labelledBy = el.getAttribute('aria-labelledby');
        const byLabelledBy = labelledBy
          ?.split(' ')
          .map((id) => document.getElementById(id)?.innerText ?? '')
          .join(' ');
        const labelElement = input.labels?.[0];
        return {
          id: el.id,
          text: el.innerText?.trim() ?? '',
          label: (byLabels || byLabelledBy || el.getAttribute('aria-label') || '').trim(),
          labelVisible: labelElement ? labelElement.getBoundingClientRect().height > 0 : true,
        };
      });
    // Tab from the top of the page to the navigation entry, open the page with Enter.
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await describe())?.text.startsWith('Cassandra') ?? false;
    }
    assert.ok(reached, 'Tab reaches the Cassandra navigation entry');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Cassandra', level: 1 }).waitFor();
    const wanted = new Set(pageOptions('cassandra').map((o) => fieldId(o.path)));
    const seen = new Map<string, string>();
    for (let i = 0; i < 60 && seen.size < wanted.size; i++) {
      await page.keyboard.press('Tab');
      const focus = await describe();
      if (focus && wanted.has(focus.id)) {
        assert.ok(focus.label.length > 0, `${focus.id} has a label`);
        assert.ok(focus.labelVisible, `${focus.id}'s label is visible`);
        seen.set(focus.id, focus.label);
      }
    }
    assert.deepEqual([...seen.keys()].sort(), [...wanted].sort());
    // And a change by keyboard alone: Space toggles the focused switch.
    await field(page, 'cassandraCluster.useSSL').focus();
    await page.keyboard.press('Space');
    await dirtyMarker(page).waitFor();
    await page.close();
  });

  test('undo and redo with the keyboard; a file changed on disk offers Reload or Overwrite', async () => {
    const run = await app.serve();
    const page = await app.open({ run });
    await field(page, 'ssl.port').fill('8443');
    await dirtyMarker(page).waitFor();
    await page.locator('main h1').click();
    await page.keyboard.press('Control+z');
    await dirtyMarker(page).waitFor({ state: 'detached' });
    assert.equal(await field(page, 'ssl.port').inputValue(), '443');
    await page.keyboard.press('Control+Shift+z');
    await dirtyMarker(page).waitFor();
    assert.equal(await field(page, 'ssl.port').inputValue(), '8443');

    const onDisk = (await readFile(run.config, 'utf8')).replace('cmePort: 2020', 'cmePort: 2021');
    await writeFile(run.config, onDisk);
    await page.keyboard.press('Control+s');
    await page.getByRole('button', { name: 'Save to disk' }).click();
    await page.getByRole('heading', { name: 'The file changed on disk' }).waitFor();
    await settled(page);
    await page.screenshot({ path: join(screenshotDir, 'conflict-dialog.png') });
    assert.equal(await readFile(run.config, 'utf8'), onDisk, 'nothing written before the choice');
    await page.getByRole('button', { name: 'Reload' }).click();
    await dirtyMarker(page).waitFor({ state: 'detached' });
    assert.equal(await field(page, 'ssl.port').inputValue(), '443');
    assert.equal(await readFile(run.config, 'utf8'), onDisk);
    await page.close();
  });

  test('screenshots of every page at 1280x800, light and dark', async () => {
    const run = await app.serve();
    const page = await app.open({ run });
    for (const name of [
      'HTTPS',
      'Outbound TLS',
      'Cassandra',
      'CORS & CSRF',
      'On-premise',
      'Other keys',
      'Problems',
    ]) {
      await nav(page, name).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.screenshot({
        path: join(screenshotDir, `${name.toLowerCase().replace(/\W+/g, '-')}.png`),
      });
    }
    await page.getByRole('button', { name: /Colour theme/ }).click(); // system -> light
    await page.getByRole('button', { name: /Colour theme/ }).click(); // light -> dark
    await nav(page, 'CORS & CSRF').click();
    await page.mouse.move(600, 400);
    await page.waitForTimeout(300); // the theme tooltip fades out
    await page.screenshot({ path: join(screenshotDir, 'cors-csrf-dark.png') });
    await page.close();
  });

  test('empty state, open by path, and broken YAML shown as file:line:col with the app still usable', async () => {
    const run = await app.serve(null);
    const broken = join(run.dir, 'broken.yaml');
    await writeFile(broken, 'ssl:\n  port: 443\n  keyStorePath: [unclosed\n');
    const good = join(run.dir, 'good.yaml');
    await writeFile(good, await readFile(sampleConfig, 'utf8'));
    const page = await app.open({ run });
    await page.getByRole('heading', { name: 'Open an RWS application.yaml' }).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'empty-state.png') });
    await page.getByLabel('Path of application.yaml on this machine').fill(broken);
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), new RegExp(`broken\\.yaml:\\d+:\\d+`));
    await page.screenshot({ path: join(screenshotDir, 'broken-yaml.png') });
    await page.getByRole('button', { name: 'Open another' }).click();
    await page.getByLabel('Path of application.yaml on this machine').fill(good);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'HTTPS', level: 1 }).waitFor();
    assert.equal(await field(page, 'ssl.port').inputValue(), '443');
    await page.close();
  });
});
