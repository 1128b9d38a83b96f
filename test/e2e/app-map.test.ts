// The connection map end to end: Chromium against `rwsec serve` on a copy of the sample. A link
// opens its form field; changing a setting in the form changes the link's state and words.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fieldId } from '../../renderer/app/sections';
import { repoRoot } from '../helpers/paths';
import { builtUi, chromiumArgs, chromiumPath, startServe, type ServeRun } from './serve-process';

const shots = join(repoRoot, 'test-artifacts', 'screenshots');
const skipReason = !existsSync(chromiumPath)
  ? `Chromium not installed at ${chromiumPath} (bash build/install-deps.sh)`
  : !builtUi()
    ? 'UI not built: run `npm run build` first (npm test does)'
    : undefined;

let browser: Browser;
const runs: ServeRun[] = [];

async function openApp(run: ServeRun): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(run.url);
  await page.waitForSelector('#root[data-app-state="ready"]', { timeout: 15_000 });
  assert.deepEqual(errors, []);
  return page;
}

const nav = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: new RegExp(`^${name}`) });

/** Screenshots at both sizes the layout must hold. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}-1280x800.png`), fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: join(shots, `${name}-1920x1080.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('connection map in the browser (rwsec serve)', { skip: skipReason }, () => {
  before(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    await mkdir(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await Promise.all(runs.map((r) => r.stop()));
  });

  test('the map follows a form edit (Cassandra useSSL) and a link opens its field', async () => {
    const run = await startServe();
    runs.push(run);
    const page = await openApp(run);
    await nav(page, 'Connection map').click();
    const cassandra = page.locator('[data-link="cassandra"]');
    await cassandra.waitFor();
    assert.equal(await cassandra.getAttribute('data-state'), 'plain');
    assert.match((await cassandra.textContent()) ?? '', /Not encrypted/);
    assert.equal(await page.locator('[data-link]').count(), 8, 'inbound HTTPS + seven outbound');
    assert.equal(
      await page.locator('[data-link="sip-server"]').getAttribute('data-state'),
      'unknown',
    );
    assert.match(
      await page.locator('[data-link-details="sip-server"]').innerText(),
      /Set in Configuration Server/,
    );
    assert.equal(await page.locator('[data-auth-step]').count(), 3);
    await shot(page, 'map');

    // Clicking the link opens the Cassandra form with its field focused.
    await cassandra.locator('rect').click();
    const useSsl = page.locator(`#${fieldId('cassandraCluster.useSSL')}`);
    await useSsl.waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      fieldId('cassandraCluster.useSSL'),
    );
    await useSsl.check();
    await page.waitForFunction(() => !document.querySelector('[data-pending]'));

    await nav(page, 'Connection map').click();
    await page.locator('[data-link="cassandra"][data-state="misconfigured"]').waitFor();
    const details = page.locator('[data-link-details="cassandra"]');
    assert.match(await details.innerText(), /Misconfigured/);
    assert.match(await details.innerText(), /trustStore is not set/);
    await shot(page, 'map-cassandra-misconfigured');

    // A misconfigured link opens the field its error is about.
    await page.locator('[data-link="cassandra"] rect').click();
    await page.waitForFunction(
      (id) => document.activeElement?.id === id,
      fieldId('cassandraCluster.trustStore'),
    );
    await page.close();
  });
});
