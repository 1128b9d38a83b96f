// The README's screenshots, made the same way every time: `npm run screenshots` serves the
// built-in sample from a fixed folder, opens the main pages in Chromium at 1280x800 in the light
// and the dark theme, and writes docs/screenshots/PAGE-THEME.png. Re-run it after a UI change.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../helpers/paths';
import { nav, uiSkipReason } from './app-page';
import { launchChromium, startServe } from './serve-process';

export const readmeShotsDir = join(repoRoot, 'docs', 'screenshots');

interface Scene {
  name: string;
  /** Brings the page into the state shown. */
  show(page: Page): Promise<void>;
  size?: { width: number; height: number };
}

const open = (title: string) => async (page: Page) => {
  await nav(page, title).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
};

export const scenes: readonly Scene[] = [
  { name: 'https', show: open('HTTPS') },
  { name: 'https-wide', show: open('HTTPS'), size: { width: 1920, height: 1080 } },
  { name: 'map', show: open('Connection map') },
];

/** Nothing that moves or depends on the mouse: no caret, no hover, no running transition. */
async function still(page: Page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForFunction(() =>
    [...document.querySelectorAll('main, .MuiCollapse-root')].every(
      (el) => getComputedStyle(el).opacity === '1',
    ),
  );
  await page.evaluate(() => document.fonts.ready);
  // Path fields check their file after a pause: wait for the verdict, not "checking…".
  await page.waitForFunction(() => !document.body.innerText.includes('checking…'), undefined, {
    timeout: 10_000,
  });
}

async function shoot(
  url: string,
  browser: Browser,
  scene: Scene,
  theme: 'light' | 'dark',
  file?: string,
): Promise<void> {
  const context = await browser.newContext({
    viewport: scene.size ?? { width: 1280, height: 800 },
    colorScheme: theme,
    deviceScaleFactor: 1,
  });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('#root[data-app-state="ready"]');
    await scene.show(page);
    await still(page);
    const shot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
    if (file) await writeFile(file, shot);
  } finally {
    await context.close();
  }
}

export async function makeReadmeScreenshots(outDir = readmeShotsDir): Promise<string[]> {
  // A fixed folder, so the header shows the same path on every run.
  await mkdir(outDir, { recursive: true });
  const folder = join(tmpdir(), 'rws-01');
  await rm(folder, { recursive: true, force: true });
  const run = await startServe(undefined, { folder });
  // Flags that take timing out of rasterizing, so pixels repeat from run to run.
  const stable = [
    '--font-render-hinting=none',
    '--disable-lcd-text',
    '--force-color-profile=srgb',
    '--disable-partial-raster',
    '--run-all-compositor-stages-before-draw',
  ];
  const browser = await launchChromium(stable);
  const written: string[] = [];
  try {
    // The browser's very first rendering can differ by a few anti-aliased pixels: warm it up.
    await shoot(await run.freshUrl(), browser, scenes[0]!, 'light');
    for (const theme of ['light', 'dark'] as const) {
      for (const scene of scenes) {
        const file = join(outDir, `${scene.name}-${theme}.png`);
        await shoot(await run.freshUrl(), browser, scene, theme, file);
        written.push(file);
      }
    }
  } finally {
    await browser.close();
    await run.stop();
  }
  return written;
}

if (require.main === module) {
  const skip = uiSkipReason();
  if (skip) {
    console.error(`screenshots: ${skip}`);
    process.exit(2);
  }
  makeReadmeScreenshots().then(
    (files) => console.log(files.map((f) => `wrote ${f.slice(repoRoot.length + 1)}`).join('\n')),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
