// The chain preview and the keystore manager as an admin uses them with a hard certificate: an
// expired leaf with a long subject and forty SANs. Every field unfolds in place and matches what
// openssl reads from the same file; nothing is cut off at 1280 or 1920 px, light or dark; dates
// read "12 Mar 2027" with the exact instant on hover; the config's stores are one click away.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { KeyObject } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { writeKeystore } from '../../electron/services/keystore/write';
import { humanDate } from '../../renderer/components/dates/human-date';
import { obfuscate } from '../../shared/secrets/obf';
import { issue, makeTestPki, type Issued } from '../helpers/chain-pki';
import { browserSuite, nav, screenshots, uiSkipReason } from './app-page';
import type { ServeRun } from './serve-process';

const skipReason = uiSkipReason({ openssl: true });
const DAY = 86_400_000;
const PASS = 'fields-Store-1';
const longSubject =
  'CN=rws-recording-web-services-primary-node-01.datacenter-frankfurt.example.internal,' +
  'OU=Interaction Recording Web Services Production Cluster,' +
  'O=Example Contact Center Operations International GmbH,L=Frankfurt am Main,ST=Hessen,C=DE';
const sans = Array.from({ length: 40 }, (_, i) => `rws-node-${i + 1}.frankfurt.example.internal`);

let dir: string;
let run: ServeRun;
let leaf: Issued;

function openssl(args: string[], pem: string): string {
  return execFileSync('openssl', args, { input: pem, encoding: 'utf8' });
}

/** openssl's hex ("AB:CD" or "ABCD") as the app writes it: colon-separated upper case. */
const colonHex = (hex: string) =>
  (
    hex
      .replace(/[^0-9A-Fa-f]/g, '')
      .toUpperCase()
      .match(/../g) ?? []
  ).join(':');

/** Values that overflow their box (cut off or hidden), as "text (scroll > client)". */
function overflowing(region: Locator): Promise<string[]> {
  return region.evaluate((root) =>
    [...root.querySelectorAll('dd, .MuiChip-label, time')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.textContent?.slice(0, 60)} (${el.scrollWidth} > ${el.clientWidth})`),
  );
}

/** A field's value in a details list by its label. */
const field = (region: Locator, label: string) => region.locator(`dt:text-is("${label}") + dd`);

describe('chain fields, dates and config stores (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite();
  before(async () => {
    const pki = await makeTestPki();
    const now = Date.now();
    leaf = await issue({
      subject: longSubject,
      dns: sans,
      ips: ['10.20.30.40'],
      issuer: pki.intermediate,
      notBefore: new Date(now - 400 * DAY),
      notAfter: new Date(now - 3 * DAY),
    });
    dir = await mkdtemp(join(tmpdir(), 'rwsec-chain-fields-'));
    const config = join(dir, 'source.yaml');
    await writeFile(
      config,
      [
        'enableSsl: true',
        'ssl:',
        '  port: 9443',
        '  keyStorePath: https.jks',
        `  keyStorePassword: ${obfuscate(PASS)}`,
        'serverSettings:',
        '  caCertificate: root.pem',
        '  webDAVTrustedCA: missing-webdav.pem',
        '',
      ].join('\n'),
    );
    run = await app.serve(config);
    await writeFile(join(run.dir, 'root.pem'), pki.root.certPem);
    await writeFile(join(run.dir, 'chain.pem'), leaf.certPem + pki.intermediate.certPem);
    await writeFile(
      join(run.dir, 'https.jks'),
      writeKeystore(
        {
          type: 'JKS',
          entries: [
            {
              kind: 'key',
              alias: 'jetty',
              created: new Date(Date.UTC(2026, 2, 12, 9, 30)),
              chain: [leaf.cert, pki.intermediate.cert],
              privateKey: KeyObject.from(leaf.keys.privateKey),
            },
          ],
        },
        { type: 'JKS', password: PASS },
      ),
    );
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The app in `scheme`, settled at once, allowed to use the clipboard. */
  async function themed(scheme: 'light' | 'dark'): Promise<Page> {
    const page = await app.open({
      run,
      colorScheme: scheme,
      reducedMotion: 'reduce',
      timeout: 20_000,
    });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: run.origin,
    });
    return page;
  }

  test('the chain preview: config stores one click away, every field in place, as openssl reads it', async () => {
    const page = await themed('light');
    await nav(page, 'Chain preview').click();
    const stores = page.getByRole('region', { name: 'Stores named in application.yaml' });
    await stores.waitFor();
    assert.deepEqual(
      await stores
        .locator('[data-config-store]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-config-store'))),
      ['ssl.keyStorePath', 'serverSettings.caCertificate', 'serverSettings.webDAVTrustedCA'],
    );
    const webdav = stores.locator('[data-config-store="serverSettings.webDAVTrustedCA"]');
    assert.match(await webdav.innerText(), /file not found/);
    assert.equal(await webdav.getByRole('button', { name: /^Open/ }).isDisabled(), true);
    // The config's first trust file is the default trust; after choosing another, one click
    // brings it back.
    const caTrust = stores.getByRole('button', { name: /^Used? as trust: CA for Configuration/ });
    assert.equal(await caTrust.textContent(), 'Used as trust');
    await page.locator('#chain-trust').click();
    await page.getByRole('option', { name: /JDK/ }).click();
    assert.equal(await caTrust.textContent(), 'Use as trust');
    await caTrust.click();
    assert.match(await page.locator('#chain-trust').innerText(), /root\.pem/);
    await screenshots(page, 'chain-config-stores', [[1280, 800]]);

    await page.locator('#chain-file').fill('chain.pem');
    await page.getByRole('button', { name: 'Check chain' }).click();
    const verdict = page.getByTestId('chain-verdict');
    await verdict.waitFor();
    const cards = page.getByRole('list', { name: 'Certificate chain, leaf first' });
    const leafCard = cards.locator('[data-role="leaf"]');
    assert.equal(await leafCard.getAttribute('data-verdict'), 'fail');
    // The engine's instant reads in the app's one format.
    const leafText = await leafCard.innerText();
    assert.match(leafText, /expired on \d{1,2} [A-Z][a-z]{2} \d{4}/);
    assert.doesNotMatch(leafText, /\d{4}-\d{2}-\d{2}T/);

    // The leaf is unfolded; every field equals what openssl reads from the same certificate.
    const fields = page.getByRole('region', { name: /^Fields of rws-recording-web-services/ });
    await fields.waitFor();
    // keytool's order (the last RDN first), which is openssl's RFC 2253 order.
    const subject = openssl(['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], leaf.certPem);
    assert.equal(
      (await field(fields, 'Subject').innerText()).replace(/, /g, ','),
      subject.replace(/^subject=/, '').trim(),
    );
    const serial = openssl(['x509', '-noout', '-serial'], leaf.certPem).split('=')[1]!.trim();
    assert.equal(
      await field(fields, 'Serial').innerText(),
      serial.toLowerCase().replace(/^0+/, ''),
    );
    for (const [label, digest] of [
      ['SHA-1', '-sha1'],
      ['SHA-256', '-sha256'],
    ] as const) {
      const printed = openssl(['x509', '-noout', '-fingerprint', digest], leaf.certPem);
      assert.equal(await field(fields, label).innerText(), printed.split('=')[1]!.trim());
    }
    const ext = openssl(
      ['x509', '-noout', '-ext', 'subjectKeyIdentifier,authorityKeyIdentifier'],
      leaf.certPem,
    );
    const ski = /Subject Key Identifier:\s*\n\s*([0-9A-F:]+)/.exec(ext)?.[1] ?? '';
    const aki = /Authority Key Identifier:\s*\n\s*(?:keyid:)?([0-9A-F:]+)/.exec(ext)?.[1] ?? '';
    assert.ok(ski && aki, `openssl printed both key identifiers:\n${ext}`);
    assert.equal(await field(fields, 'Subject key ID').innerText(), colonHex(ski));
    assert.equal(await field(fields, 'Authority key ID').innerText(), colonHex(aki));
    assert.equal(await field(fields, 'Signature').innerText(), 'SHA256withECDSA');
    assert.match(await field(fields, 'Public key').innerText(), /^EC 256 bits \(secp256r1\)/);
    const sanChips = fields
      .getByRole('list', { name: 'Subject alternative names' })
      .getByRole('listitem');
    assert.equal(await sanChips.count(), 41);
    assert.match(await field(fields, 'Extended key usage').innerText(), /serverAuth/);
    // Validity: the human day, the exact instant on hover, both as openssl reads the end date.
    const end = new Date(
      openssl(['x509', '-noout', '-enddate'], leaf.certPem).split('=')[1]!.trim(),
    ).toISOString();
    const times = field(fields, 'Valid').locator('time');
    assert.equal(await times.nth(1).getAttribute('title'), end.replace('.000Z', 'Z'));
    assert.equal(await times.nth(1).innerText(), humanDate(end));

    // PEM copy: the clipboard holds the leaf exactly.
    await fields.getByRole('button', { name: /^Copy PEM/ }).click();
    await fields.getByText('Copied to the clipboard.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied.trim(), leaf.cert.toString().trim());

    // The intermediate unfolds in place too; folding the leaf hides its fields.
    await cards
      .locator('[data-role="intermediate"]')
      .getByRole('button', { name: 'All fields' })
      .click();
    await page.getByRole('region', { name: 'Fields of Test Intermediate CA' }).waitFor();
    await leafCard.getByRole('button', { name: 'Hide fields' }).click();
    await fields.waitFor({ state: 'detached' });
    await leafCard.getByRole('button', { name: 'All fields' }).click();
    assert.equal(
      await leafCard.getByRole('button', { name: 'Hide fields' }).getAttribute('aria-expanded'),
      'true',
    );

    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      assert.deepEqual(await overflowing(fields), [], `nothing cut off at ${width}x${height}`);
    }
    await screenshots(page, 'chain-fields-long-expired');
    await page.context().close();

    const dark = await themed('dark');
    await nav(dark, 'Chain preview').click();
    await dark.locator('#chain-file').fill('chain.pem');
    await dark.getByRole('button', { name: 'Check chain' }).click();
    const darkFields = dark.getByRole('region', { name: /^Fields of rws-recording/ });
    await darkFields.waitFor();
    assert.deepEqual(await overflowing(darkFields), []);
    await screenshots(dark, 'chain-fields-long-expired-dark');
    await dark.context().close();
  });

  test('the keystore manager: config stores, the toolbar and its "More" menu, dates', async () => {
    const page = await themed('light');
    await nav(page, 'Keystores').click();
    const stores = page.getByRole('region', { name: 'Stores named in application.yaml' });
    await stores.waitFor();
    const https = stores.locator('[data-config-store="ssl.keyStorePath"]');
    assert.match(await https.innerText(), /JKS/);
    assert.match(await https.innerText(), /password from the config/);
    await screenshots(page, 'keystores-config-stores');
    // One click: opened with the config's OBF password.
    await https.getByRole('button', { name: 'Open HTTPS keystore' }).click();
    await page.getByTestId('keystore-file').waitFor();
    assert.equal(await page.getByTestId('keystore-file').innerText(), join(run!.dir, 'https.jks'));

    const toolbar = page.getByRole('toolbar', { name: 'Keystore actions' });
    const visible = await toolbar
      .getByRole('button')
      .evaluateAll((els) => els.map((el) => el.textContent?.trim()));
    assert.deepEqual(visible, [
      'Generate key pair',
      'Import…',
      'Preview chain',
      'Export certificate',
      'Delete',
      'More ▾',
    ]);
    const more = toolbar.getByRole('button', { name: /^More/ });
    await more.click();
    const items = await page
      .getByRole('menuitem')
      .evaluateAll((els) => els.map((el) => el.textContent));
    assert.deepEqual(items, [
      'Export chain',
      'Create CSR',
      'Import CA reply…',
      'Export private key…',
      'Rename…',
      'Change store password…',
      'Close store',
    ]);
    await screenshots(page, 'keystores-toolbar-menu', [[1280, 800]]);
    // A dialog opened from the menu gives focus back to "More" when it closes.
    await page.getByRole('menuitem', { name: 'Rename…' }).click();
    await page.getByRole('dialog', { name: 'Rename "jetty"' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('More'));

    // Dates: the entry's creation and the certificate's validity, in the one format.
    const panel = page.getByRole('region', { name: 'Entry jetty' });
    const created = panel.locator('time').first();
    assert.equal(await created.innerText(), '12 Mar 2026');
    assert.equal(await created.getAttribute('title'), '2026-03-12T09:30:00Z');
    const expiry = page.locator('tr[data-alias="jetty"] time');
    assert.equal(await expiry.innerText(), humanDate(leaf.cert.validTo));
    assert.deepEqual(await overflowing(panel), []);
    await screenshots(page, 'keystores-long-expired');
    await page.context().close();

    const dark = await themed('dark');
    await nav(dark, 'Keystores').click();
    await dark.getByTestId('keystore-file').waitFor();
    assert.deepEqual(await overflowing(dark.getByRole('region', { name: 'Entry jetty' })), []);
    await screenshots(dark, 'keystores-long-expired-dark');
    // Close store from the menu: the config's stores are offered again.
    await dark.getByRole('button', { name: /^More/ }).click();
    await dark.getByRole('menuitem', { name: 'Close store' }).click();
    await dark.getByRole('region', { name: 'Stores named in application.yaml' }).waitFor();
    await screenshots(dark, 'keystores-config-stores-dark', [[1280, 800]]);
    await dark.context().close();
  });
});
