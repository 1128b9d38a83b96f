// The connection map end to end: Chromium against `rwsec serve` on a copy of the sample. A link
// opens its form field; changing a setting in the form changes the link's state and words.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { fieldId } from '../../renderer/app/sections';
import { chromiumArgs, chromiumPath, startServe, type ServeRun } from './serve-process';
import { nav, openApp, screenshotDir, screenshots, uiSkipReason } from './app-page';

const skipReason = uiSkipReason();

let browser: Browser;
const runs: ServeRun[] = [];

describe('connection map in the browser (rwsec serve)', { skip: skipReason }, () => {
  before(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    await mkdir(screenshotDir, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await Promise.all(runs.map((r) => r.stop()));
  });

  test('the map follows a form edit (Cassandra useSSL) and a link opens its field', async () => {
    const run = await startServe();
    runs.push(run);
    const page = await openApp(browser, run);
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
    await screenshots(page, 'map');

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
    await screenshots(page, 'map-cassandra-misconfigured');

    // A misconfigured link opens the field its error is about.
    await page.locator('[data-link="cassandra"] rect').click();
    await page.waitForFunction(
      (id) => document.activeElement?.id === id,
      fieldId('cassandraCluster.trustStore'),
    );
    await page.close();
  });
});
