// The desktop window's security settings, checked in the real Electron app where it is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { repoRoot, sampleConfig } from '../helpers/paths';

function electronBinary(): { path?: string; reason?: string } {
  try {
    const path = createRequire(join(repoRoot, 'package.json'))('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { reason: 'the electron package has no binary (its download failed or was skipped)' };
  } catch (error) {
    return {
      reason: `the electron package is not installed (${(error as Error).message.split('\n')[0]})`,
    };
  }
}

test('the desktop window is sandboxed, isolated, without Node, webviews, popups or navigation away', async (t) => {
  const electron = electronBinary();
  if (!electron.path) {
    const reason = `Electron binary not installed: ${electron.reason}; npm install takes its types only, and npm start downloads the binary where it can`;
    console.log(`skip: ${reason}`);
    t.skip(reason);
    return;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    t.skip('Electron needs a display on Linux: run under xvfb-run');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'rwsec-electron-'));
  const config = join(dir, 'application.yaml');
  await copyFile(sampleConfig, config);
  const app = await _electron.launch({
    executablePath: electron.path,
    args: [join(repoRoot, 'dist', 'desktop', 'main.cjs'), '--config', config],
  });
  try {
    const page = await app.firstWindow();
    await page.waitForSelector('#root[data-app-state="ready"]');
    assert.match(page.url(), /^app:\/\/rwsec\//);
    // Electron 41 has no getter for a window's web preferences (the real types say so: the old
    // getLastWebPreferences is gone); desktop-main-wiring.test.ts checks the options the app
    // passes, and here the page shows their effect: no Node, no process, one window.
    const count = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    assert.equal(count, 1);
    assert.equal(
      await page.evaluate(() => typeof (globalThis as { process?: unknown }).process),
      'undefined',
    );
    assert.equal(
      await page.evaluate(() => typeof (globalThis as { require?: unknown }).require),
      'undefined',
    );
    assert.equal(await page.evaluate(() => window.open('https://example.com') === null), true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    assert.match(page.url(), /^app:\/\/rwsec\//, 'navigation away is refused');
    const keys = await page.evaluate(() =>
      Object.keys((window as unknown as { rwsApi: object }).rwsApi).sort(),
    );
    assert.ok(keys.includes('config.open') && keys.includes('onMenuCommand'));
    assert.ok(!keys.some((k) => /ipc|invoke|send/i.test(k)), 'no raw IPC on the bridge');
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
});
