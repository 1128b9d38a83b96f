// Issue 16 item 4: a warning whose fix is a wizard or the keystore manager opens it, filled in
// from the finding, and the fix done there makes the finding go away; invalid chips are red with
// their reason. Chromium against `rwsec serve` on a copy of the sample; files checked with
// keytool and the saved config read back by SnakeYAML.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fieldId } from '../../renderer/app/sections';
import { deobfuscate } from '../../shared/secrets/obf';
import { keytoolListing } from '../helpers/java';
import { snakeValue, snakeYamlMissing } from '../helpers/snake-yaml';
import type { ServeRun } from './serve-process';
import { browserSuite, nav, screenshots, uiSkipReason } from './app-page';

const skipReason = uiSkipReason({ keytool: true, openssl: true }) ?? snakeYamlMissing();

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const frame = (page: Page, path: string) => page.locator(`[data-option="${path}"]`);

async function saveThroughReview(page: Page): Promise<void> {
  await button(page, 'Review and save').click();
  await page.getByRole('button', { name: 'Save to disk' }).click();
  await page.getByTestId('dirty-marker').waitFor({ state: 'hidden' });
}

describe(
  'fixes that open a wizard or the keystore manager (rwsec serve)',
  { skip: skipReason },
  () => {
    const app = browserSuite();

    /** A serve run of the sample of its own, opened in a page, stopped when `body` is done. */
    async function withServe(body: (run: ServeRun, page: Page) => Promise<void>): Promise<void> {
      const run = await app.serve();
      try {
        const page = await app.open({ run, timeout: 20_000 });
        await body(run, page);
        await page.close();
      } finally {
        await run.stop();
      }
    }

    test('plain ssl.keyStorePassword: "Obfuscate…" opens the secret wizard on it; saved as the OBF of the same password', async () => {
      await withServe(async (run, page) => {
        await nav(page, 'HTTPS').click();
        const fix = frame(page, 'ssl.keyStorePassword').getByRole('button', { name: 'Obfuscate…' });
        await fix.click();
        await page.getByRole('tab', { name: 'Secret encryption', selected: true }).waitFor();
        // The sample's plain password is carried over, typed twice, with OBF chosen.
        assert.equal(await page.getByLabel('Password to protect').inputValue(), 'storepwd');
        assert.equal(await page.getByLabel('Repeat the password').inputValue(), 'storepwd');
        await button(page, 'Next').click();
        assert.equal(await page.getByLabel(/^OBF:/).isChecked(), true);
        const obf = await page.getByTestId('secret-value').innerText();
        await button(page, 'Next').click();
        assert.match(
          await page.getByRole('combobox', { name: /Apply to/ }).innerText(),
          /ssl\.keyStorePassword/,
        );
        await screenshots(page, 'fix-obfuscate-apply', [[1280, 800]]);
        await button(page, 'Apply to the field').click();
        await page.getByLabel('Config diff').waitFor();
        await saveThroughReview(page);
        const saved = snakeValue(run.config) as { ssl: { keyStorePassword: string } };
        assert.equal(saved.ssl.keyStorePassword, obf);
        assert.equal(deobfuscate(saved.ssl.keyStorePassword), 'storepwd');
        await nav(page, 'HTTPS').click();
        await frame(page, 'ssl.keyStorePassword').waitFor();
        assert.equal(
          await frame(page, 'ssl.keyStorePassword')
            .locator('[data-diagnostic="secret-plain-text"]')
            .count(),
          0,
        );
      });
    });

    test('plain cassandraCluster.password in Problems: "Encrypt with gir.jar…" opens CRYPT on that option', async () => {
      await withServe(async (_run, page) => {
        await nav(page, 'Problems').click();
        const item = page
          .getByRole('list', { name: 'Problems' })
          .getByRole('listitem')
          .filter({ hasText: 'cassandraCluster.password is stored in plain text' });
        await item.getByRole('button', { name: 'Encrypt with gir.jar…' }).click();
        await page.getByRole('tab', { name: 'Secret encryption', selected: true }).waitFor();
        assert.equal(await page.getByLabel('Password to protect').inputValue(), 'Cass-Secret-1');
        await button(page, 'Next').click();
        assert.equal(await page.getByLabel(/^CRYPT:/).isChecked(), true);
        await page.getByLabel('gir.jar of your RWS installation').waitFor();
        assert.equal(await button(page, 'Encrypt with gir.jar').isDisabled(), true);
      });
    });

    test('a missing WebDAV trust file: "Make a truststore…" opens the trust wizard for WebDAV at that path; the written JKS ends the finding', async () => {
      await withServe(async (run, page) => {
        const ca = join(run.dir, 'ca.pem');
        const key = join(run.dir, 'ca.key');
        const r = spawnSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'rsa:2048',
            '-nodes',
            '-keyout',
            key,
            '-out',
            ca,
            '-days',
            '30',
            '-subj',
            '/CN=Fix Test CA',
          ],
          { encoding: 'utf8' },
        );
        assert.equal(r.status, 0, r.stderr);
        await nav(page, 'Outbound TLS').click();
        const webdav = fieldId('serverSettings.webDAVTrustedCA');
        await page.locator(`#${webdav}`).click();
        await page.getByRole('option', { name: /^a CA file/ }).click();
        await page.locator(`#${webdav}-path`).fill('trust/webdav.jks');
        const fix = frame(page, 'serverSettings.webDAVTrustedCA').getByRole('button', {
          name: 'Make a truststore…',
        });
        await fix.click();
        await page.getByRole('tab', { name: 'Outbound trust', selected: true }).waitFor();
        assert.match(
          await page.getByRole('combobox', { name: /RWS checks the certificate of/ }).innerText(),
          /^WebDAV/,
        );
        await page.getByLabel(/CA certificate file/).fill(ca);
        await button(page, 'Next').click();
        assert.equal(await page.getByLabel('Trust file to write').inputValue(), 'trust/webdav.jks');
        await page.getByLabel('Store password').fill('webdav-pass-1');
        await page.getByLabel('Repeat the password').fill('webdav-pass-1');
        await button(page, 'Review').click();
        await button(page, 'Write the trust file').click();
        await page.getByLabel('Config diff').waitFor();
        const listing = keytoolListing(join(run.dir, 'trust', 'webdav.jks'), 'webdav-pass-1');
        assert.match(listing, /Owner: CN=Fix Test CA/);
        assert.match(listing, /Entry type: trustedCertEntry/);
        await nav(page, 'Outbound TLS').click();
        await frame(page, 'serverSettings.webDAVTrustedCA').waitFor();
        await page.waitForFunction(() => !document.querySelector('[data-pending]'));
        assert.equal(await page.locator('[data-diagnostic="trust-ca-not-found"]').count(), 0);
      });
    });

    test('a keystore that does not open with the configured password: "Open keystore" shows it in the manager', async () => {
      await withServe(async (run, page) => {
        mkdirSync(join(run.dir, 'etc'));
        const store = join(run.dir, 'etc', 'keystore');
        const r = spawnSync(
          'keytool',
          [
            '-genkeypair',
            '-keystore',
            store,
            '-storetype',
            'JKS',
            '-storepass',
            'other-pass',
            '-keypass',
            'other-pass',
            '-alias',
            'jetty',
            '-keyalg',
            'EC',
            '-groupname',
            'secp256r1',
            '-dname',
            'CN=rws.example.com',
          ],
          { encoding: 'utf8' },
        );
        assert.equal(r.status, 0, r.stderr);
        await nav(page, 'HTTPS').click();
        await page.locator(`#${fieldId('enableSsl')}`).check();
        await page.locator(`#${fieldId('ssl.keyStorePath')}`).fill('etc/keystore');
        const fix = page.locator('[data-fix-action]').filter({ hasText: 'Open keystore' }).first();
        await fix.click();
        await page.getByRole('heading', { name: 'Keystores', level: 1 }).waitFor();
        assert.equal(await page.locator('#keystore-path').inputValue(), 'etc/keystore');
        await page
          .getByText(/password/i)
          .first()
          .waitFor();
        await page.locator('#keystore-password').fill('other-pass');
        await page
          .locator('button[type="submit"]')
          .filter({ hasText: /^Open$/ })
          .click();
        await page.getByRole('row').filter({ hasText: 'jetty' }).first().waitFor();
      });
    });

    test('CORS origins and methods: invalid chips are red, with the reason', async () => {
      await withServe(async (_run, page) => {
        await nav(page, 'CORS').click();
        const origins = page.locator(
          `#${fieldId('serverSettings.crossOriginSettings.allowedOrigins')}`,
        );
        for (const item of ['*', 'portal.example.com']) {
          await origins.fill(item);
          await origins.press('Enter');
        }
        const field = frame(page, 'serverSettings.crossOriginSettings.allowedOrigins');
        const invalid = field.locator('.MuiAutocomplete-root .MuiChip-root[data-invalid="true"]');
        await invalid.nth(1).waitFor();
        const texts = await invalid.allTextContents();
        assert.deepEqual(
          texts.map((t) => t.split(':')[0]),
          ['*', 'portal.example.com'],
        );
        assert.match(texts[0] ?? '', /a bare wildcard would let any site call the API/);
        assert.match(texts[1] ?? '', /not scheme:\/\/host\[:port\]: it has no scheme:\/\/ prefix/);
        // The sample's own origins are well formed: not red.
        assert.equal(
          await field.locator('.MuiAutocomplete-root .MuiChip-root:not([data-invalid])').count(),
          2,
        );
        const color = await invalid.first().evaluate((el) => getComputedStyle(el).backgroundColor);
        const [red, green] = (color.match(/\d+/g) ?? []).map(Number);
        assert.ok((red ?? 0) > (green ?? 0) + 80, `an invalid chip is red, not ${color}`);
        await invalid.first().hover();
        await page
          .getByRole('tooltip', { name: 'a bare wildcard would let any site call the API' })
          .waitFor();
        const methods = page.locator(
          `#${fieldId('serverSettings.crossOriginSettings.allowedMethods')}`,
        );
        await methods.fill('FETCH');
        await methods.press('Enter');
        const badMethod = frame(page, 'serverSettings.crossOriginSettings.allowedMethods').locator(
          '.MuiAutocomplete-root .MuiChip-root[data-invalid="true"]',
        );
        assert.deepEqual(await badMethod.allTextContents(), ['FETCH: invalid, not an HTTP method']);
        await screenshots(page, 'fix-red-chips', [[1280, 800]]);
      });
    });

    test('CSRF on without X-CSRF-TOKEN allowed: "Add X-CSRF-TOKEN" adds just that chip and the warning goes', async () => {
      await withServe(async (run, page) => {
        await nav(page, 'CORS').click();
        await page.locator(`#${fieldId('serverSettings.enableCsrfProtection')}`).check();
        const headers = frame(page, 'serverSettings.crossOriginSettings.allowedHeaders');
        const add = headers.getByRole('button', { name: 'Add X-CSRF-TOKEN' });
        await add.click();
        await add.waitFor({ state: 'detached' });
        await headers
          .locator('.MuiChip-root')
          .filter({ hasText: /^X-CSRF-TOKEN$/ })
          .waitFor();
        await page.waitForFunction(() => !document.querySelector('[data-pending]'));
        assert.equal(await headers.locator('[data-diagnostic="csrf-allowed-headers"]').count(), 0);
        await button(page, 'Save…').click();
        await page.getByRole('button', { name: 'Save to disk' }).click();
        await page.getByTestId('dirty-marker').waitFor({ state: 'hidden' });
        const saved = snakeValue(run.config) as {
          serverSettings: { crossOriginSettings: { allowedHeaders: string } };
        };
        assert.equal(
          saved.serverSettings.crossOriginSettings.allowedHeaders,
          'X-Requested-With,Content-Type,Accept,Origin,Cookie,authorization,ssid,surl,ContactCenterId,X-CSRF-TOKEN',
        );
      });
    });
  },
);
