// What every browser test of the app shares: why it would skip, the file's browser and serve runs
// with their hooks, opening the app from a serve run, the navigation, and screenshots at the sizes
// the issues ask to look at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { repoRoot } from '../helpers/paths';
import { builtUi, chromiumPath, launchChromium, startServe, type ServeRun } from './serve-process';

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

export interface OpenOptions {
  /** Playwright's default wait for this page's actions, in ms. */
  timeout?: number;
  /** The theme the page is shown in (prefers-color-scheme). */
  colorScheme?: 'light' | 'dark';
  /** 'reduce' ends transitions at once, for measuring (axe's contrast) and stable screenshots. */
  reducedMotion?: 'reduce';
}

/**
 * A new 1280x800 page on the served app, ready, with no page errors on the way. The page has a
 * context of its own (axe opens frames through it), closed with the page.
 */
export async function openApp(
  browser: Browser,
  run: ServeRun,
  options: OpenOptions | number = {},
): Promise<Page> {
  const { timeout = 15_000, ...look } =
    typeof options === 'number' ? { timeout: options } : options;
  const contextOptions: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, ...look };
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  // The browser may be closing already: then the context goes with it.
  page.once('close', () => void context.close().catch(() => undefined));
  page.setDefaultTimeout(timeout);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Each page is a new tab: it needs its own printed URL (the opening token is single-use).
  await page.goto(await run.freshUrl());
  await page.waitForSelector('#root[data-app-state="ready"]', {
    timeout: Math.max(timeout, 15_000),
  });
  const address = new URL(page.url());
  assert.equal(address.hash + address.search, '', 'the token is taken out of the address bar');
  assert.deepEqual(errors, []);
  return page;
}

/** What a browser test file gets from `browserSuite`: valid from its first test on. */
export interface BrowserSuite {
  /** The file's Chromium. */
  readonly browser: Browser;
  /** The file's own serve run of the sample (only with `{ serve: true }`). */
  readonly run: ServeRun;
  /** Another serve run (`startServe`'s arguments), stopped after the file's last test. */
  serve(configSource?: string | null, options?: { folder?: string }): Promise<ServeRun>;
  /** A new page on the app, ready (see `openApp`); `run` defaults to the file's own. */
  open(options?: OpenOptions & { run?: ServeRun }): Promise<Page>;
}

/**
 * Call inside a browser test file's `describe`: registers the hooks that launch Chromium (and,
 * with `serve`, one serve run of the sample) before the first test and close the browser and
 * every run the file started after the last, whether the tests passed or not. The file's own
 * `before` hooks, registered after this call, run after it and can use the browser.
 */
export function browserSuite(options: { serve?: boolean } = {}): BrowserSuite {
  let browser: Browser | undefined;
  let shared: ServeRun | undefined;
  const runs: ServeRun[] = [];
  const serve = async (configSource?: string | null, serveOptions?: { folder?: string }) => {
    const run = await startServe(configSource, serveOptions);
    runs.push(run);
    return run;
  };
  const suite: BrowserSuite = {
    get browser() {
      assert.ok(browser, 'the browser starts in the before hook: use it inside tests and hooks');
      return browser;
    },
    get run() {
      assert.ok(shared, 'no serve run of its own: call browserSuite({ serve: true })');
      return shared;
    },
    serve,
    open: ({ run, ...open } = {}) => openApp(suite.browser, run ?? suite.run, open),
  };
  before(async () => {
    await mkdir(screenshotDir, { recursive: true });
    browser = await launchChromium();
    if (options.serve) shared = await serve();
  });
  after(async () => {
    await browser?.close();
    await Promise.all(runs.map((run) => run.stop()));
  });
  return suite;
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
