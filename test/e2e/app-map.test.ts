// The connection map end to end: Chromium against `rwsec serve` on a copy of the sample. A link
// opens its form field; changing a setting in the form changes the link's state and words.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fieldId } from '../../renderer/app/sections';
import {
  browserSuite,
  desktopSizes,
  nav,
  screenshotDir,
  screenshots,
  uiSkipReason,
} from './app-page';

const skipReason = uiSkipReason();

/** sRGB channels of #rgb, #rrggbb, rgb() or rgba(); alpha blended over `under`. */
function rgb(css: string, under: number[] = [255, 255, 255]): number[] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  }
  const [r, g, b, a = 1] = css.match(/[\d.]+/g)!.map(Number);
  return [r!, g!, b!].map((c, i) => c * a + under[i]! * (1 - a));
}

function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** WCAG contrast ratio of a text colour on a background colour. */
function contrast(text: string, background: string): number {
  const bg = rgb(background);
  const [a, b] = [luminance(rgb(text, bg)), luminance(bg)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

describe('connection map in the browser (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite();

  test('the map follows a form edit (Cassandra useSSL) and a link opens its field', async () => {
    const run = await app.serve();
    const page = await app.open({ run });
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
  test('every label fits its box at 1280x800 and 1920x1080, light and dark, with readable contrast', async () => {
    const run = await app.serve();
    const page = await app.open({ run });
    await nav(page, 'Connection map').click();
    await page.locator('[data-link]').first().waitFor();
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') {
        await page.getByRole('button', { name: /Colour theme/ }).click(); // system -> light
        await page.getByRole('button', { name: /Colour theme/ }).click(); // light -> dark
        await page.mouse.move(5, 700);
      }
      for (const [width, height] of desktopSizes) {
        await page.setViewportSize({ width, height });
        // In SVG units: each text's box inside its rectangle (a 2-unit margin for antialiasing).
        const overflows = await page.evaluate(() =>
          [...document.querySelectorAll<SVGTextElement>('[data-fits-box]')].flatMap((text) => {
            const id = text.getAttribute('data-fits-box');
            const rect = document.querySelector<SVGRectElement>(`rect[data-box="${id}"]`);
            if (!rect) return [`${id}: no box`];
            const t = text.getBBox();
            const r = rect.getBBox();
            const inside = t.x >= r.x + 2 && t.x + t.width <= r.x + r.width - 2;
            return inside
              ? []
              : [`${id}: "${text.textContent}" ${t.width.toFixed(0)} wide in ${r.width}`];
          }),
        );
        assert.deepEqual(overflows, [], `${theme} ${width}x${height}`);
        // Names and states of the 8 links, the RWS box and the 3 authentication steps.
        assert.ok((await page.locator('[data-fits-box]').count()) >= 8 * 2 + 2 + 3);
        await page.screenshot({
          path: join(screenshotDir, `map-labels-${theme}-${width}x${height}.png`),
        });
      }
      // The RWS box: its text against its fill, 4.5:1 at least (WCAG AA for small text).
      const boxFill = await page.locator('rect[data-box="rws"]').getAttribute('fill');
      const textFill = await page.locator('text[data-fits-box="rws"]').first().getAttribute('fill');
      const ratio = contrast(textFill!, boxFill!);
      assert.ok(ratio >= 4.5, `${theme}: RWS box text contrast ${ratio.toFixed(2)}:1`);
    }
    await page.close();
  });
});
