// The README's screenshots must show the app as it is: the suite makes them again, the way
// `npm run screenshots` does, and compares them pixel by pixel with the committed ones. A UI
// change that alters a page fails here until the screenshots are made again and committed.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { browserSuite, uiSkipReason } from './app-page';
import { makeReadmeScreenshots, readmeShotsDir } from './readme-screenshots';

/** A pixel differs when one channel moves by more than this (anti-aliasing moves a few units). */
const channelTolerance = 24;
/** Share of pixels allowed to differ: a changed label or field moves far more than this. */
const maxDifferingShare = 0.002;

/** Runs in the page: decodes two PNGs (base64) and counts the pixels that differ. */
const comparePixels = `async function (a, b, tolerance) {
  async function load(b64) {
    const image = new Image();
    image.src = 'data:image/png;base64,' + b64;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, image.width, image.height);
  }
  const [x, y] = await Promise.all([load(a), load(b)]);
  const sizeMatches = x.width === y.width && x.height === y.height;
  let differing = 0;
  if (sizeMatches) {
    for (let i = 0; i < x.data.length; i += 4) {
      for (let c = 0; c < 3; c++) {
        if (Math.abs(x.data[i + c] - y.data[i + c]) > tolerance) {
          differing++;
          break;
        }
      }
    }
  }
  return { width: x.width, height: x.height, differing, sizeMatches };
}`;

interface Difference {
  width: number;
  height: number;
  differing: number;
  sizeMatches: boolean;
}

describe('README screenshots', { skip: uiSkipReason() }, () => {
  let fresh: string;
  let made: string[] = [];
  const app = browserSuite();

  before(async () => {
    fresh = await mkdtemp(join(tmpdir(), 'rwsec-readme-shots-'));
    made = await makeReadmeScreenshots(fresh);
  });
  after(async () => {
    await rm(fresh, { recursive: true, force: true });
  });

  test('every committed screenshot matches the app as it renders now', async () => {
    assert.ok(
      made.length >= 6,
      `expected the light and dark shots of 3 scenes, got ${made.length}`,
    );
    const page = await app.browser.newPage();
    const stale: string[] = [];
    for (const file of made) {
      const name = basename(file);
      const committed = await readFile(join(readmeShotsDir, name)).catch(() => undefined);
      if (!committed) {
        stale.push(`${name}: not committed`);
        continue;
      }
      const now = await readFile(file);
      // Chromium decodes both PNGs, so no image library is needed to compare them. The script is
      // plain text: the test runner's transform would add helpers the page does not have.
      const diff = (await page.evaluate(
        `(${comparePixels})(${JSON.stringify(committed.toString('base64'))}, ${JSON.stringify(now.toString('base64'))}, ${channelTolerance})`,
      )) as Difference;
      const share = diff.differing / (diff.width * diff.height);
      if (!diff.sizeMatches) stale.push(`${name}: size changed`);
      else if (share > maxDifferingShare) {
        stale.push(`${name}: ${(share * 100).toFixed(2)}% of the pixels differ`);
      }
    }
    await page.close();
    assert.deepEqual(
      stale,
      [],
      'the README screenshots are out of date: run `npm run screenshots` and commit docs/screenshots',
    );
  });
});
