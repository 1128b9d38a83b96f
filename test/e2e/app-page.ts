// What every browser test of the app shares: why it would skip, opening the app from a serve run,
// the navigation, and screenshots at the sizes the issues ask to look at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../helpers/paths';
import { builtUi, chromiumPath, type ServeRun } from './serve-process';

export const screenshotDir = join(repoRoot, 'test-artifacts', 'screenshots');

const runs = (cmd: string, args: string[]) =>
  spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

/** Why these browser tests cannot run here, or undefined. `needs` adds peers the test checks with. */
export function uiSkipReason(needs: { keytool?: boolean; openssl?: boolean } = {}) {
  if (!existsSync(chromiumPath)) {
    return `Chromium not installed at ${chromiumPath} (bash build/install-deps.sh)`;
  }
  if (!builtUi()) return 'UI not built: run `npm run build` first (npm test does)';
  if (needs.keytool && !runs('keytool', ['-help'])) {
    return 'keytool (JDK) not installed: the produced stores cannot be checked';
  }
  if (needs.openssl && !runs('openssl', ['version'])) {
    return 'openssl not installed: the test CA cannot be made';
  }
  return undefined;
}

/** A new 1280x800 page on the served app, ready, with no page errors on the way. */
export async function openApp(browser: Browser, run: ServeRun, timeout = 15_000): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(timeout);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Each page is a new tab: it needs its own printed URL (the opening token is single-use).
  await page.goto(await run.freshUrl());
  await page.waitForSelector('#root[data-app-state="ready"]', { timeout: 15_000 });
  const address = new URL(page.url());
  assert.equal(address.hash + address.search, '', 'the token is taken out of the address bar');
  assert.deepEqual(errors, []);
  return page;
}

/** A navigation entry by the start of its name (a problem-count badge may follow it). */
export function nav(page: Page, name: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: new RegExp(`^${escaped}`) });
}

export const desktopSizes = [
  [1280, 800],
  [1920, 1080],
] as const;

/** Full-page screenshots `NAME-WxH.png`, with transitions finished (no half-faded dialogs). */
export async function screenshots(
  page: Page,
  name: string,
  sizes: readonly (readonly [number, number])[] = desktopSizes,
): Promise<void> {
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await page.screenshot({
      path: join(screenshotDir, `${name}-${width}x${height}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
