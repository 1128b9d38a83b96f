// The session timeout and, where the file has them, the session cookie flags are on the HTTPS page
// (issue 13 item 9); editing the timeout changes that one line.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldId } from '../../renderer/app/sections';
import { sampleConfig } from '../helpers/paths';
import { browserSuite, screenshots, uiSkipReason } from './app-page';

const skipReason = uiSkipReason();
const timeout = 'jetty.sessionMaxInactiveInterval';

let dir = '';

describe('session settings on the HTTPS page (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite();
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rwsec-e2e-cookies-'));
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the sample: the timeout field shows 1800; an edit changes its line only', async () => {
    const run = await app.serve();
    const original = await readFile(run.config, 'utf8');
    const page = await app.open({ run });
    const field = page.locator(`#${fieldId(timeout)}`);
    await field.waitFor();
    assert.equal(await field.inputValue(), '1800');
    assert.equal(await page.getByLabel('Session timeout (seconds)').count(), 1);
    await field.fill('900');
    await page.waitForFunction(() => !document.querySelector('#root[data-pending]'));
    await page.keyboard.press('Control+s');
    await page.getByRole('dialog').getByRole('button', { name: /^Save/ }).click();
    await page.getByTestId('dirty-marker').waitFor({ state: 'detached' });
    assert.equal(
      await readFile(run.config, 'utf8'),
      original.replace(
        'sessionMaxInactiveInterval: 1800   # 30 minutes',
        'sessionMaxInactiveInterval: 900   # 30 minutes',
      ),
    );
    await page.close();
  });

  test('the sample has jetty.cookies: its flags are shown with their values; a file without it shows none', async () => {
    const run = await app.serve();
    const page = await app.open({ run });
    const section = page.locator('[data-option="jetty.cookies.secure"]');
    await section.waitFor();
    assert.equal(await page.locator(`#${fieldId('jetty.cookies.httpOnly')}`).isChecked(), true);
    assert.equal(await page.locator(`#${fieldId('jetty.cookies.secure')}`).isChecked(), false);
    assert.equal(await page.locator(`#${fieldId('jetty.cookies.sameSite')}`).inputValue(), 'Lax');
    await page.getByRole('region', { name: /user sessions/ }).scrollIntoViewIfNeeded();
    await screenshots(page, 'https-sessions-cookies');
    await page.close();

    const source = join(dir, 'application.yaml');
    const cookies = '  cookies:\n    httpOnly: true\n    secure: false\n    sameSite: Lax\n';
    const sample = await readFile(sampleConfig, 'utf8');
    assert.ok(sample.includes(cookies));
    await writeFile(source, sample.replace(cookies, ''));
    const bare = await app.serve(source);
    const other = await app.open({ run: bare });
    await other.locator(`#${fieldId(timeout)}`).waitFor();
    assert.equal(await other.locator('[data-option^="jetty.cookies."]').count(), 0);
    await other.close();
  });
});
