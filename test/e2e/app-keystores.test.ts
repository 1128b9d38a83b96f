// The keystore manager end to end: Debian's Chromium drives the UI of a real `rwsec serve`, and
// keytool checks the files it saved.
import { keytoolListing } from '../helpers/java';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fieldId } from '../../renderer/app/sections';
import { makeTestPki, type TestPki } from '../helpers/chain-pki';
import { browserSuite, nav, screenshots, uiSkipReason } from './app-page';

const skipReason = uiSkipReason({ keytool: true });

let pki: TestPki;

async function createStore(page: Page, file: string, password: string, type: 'PKCS12' | 'JKS') {
  await page.locator('#keystore-path').fill(file);
  await page.locator('#keystore-password').fill(password);
  await page.locator('#keystore-create-type').click();
  await page.getByRole('option', { name: type, exact: true }).click();
  await page.getByRole('button', { name: 'Create new store' }).click();
  await page.getByTestId('keystore-file').waitFor();
}

const longDname =
  'CN=rws-recording-web-services.datacenter-east.example.com, OU=Interaction Recording Web Services Operations, O=Example Corporation International, L=Somewhere, ST=State, C=US';
const manySans = Array.from({ length: 14 }, (_, i) => `dns:rws-node-${i + 1}.example.com`)
  .concat(['ip:10.0.0.5', 'dns:rws-recording-web-services.datacenter-east.example.com'])
  .join(',');

async function generate(page: Page, alias: string, keyLabel: string) {
  await page.getByRole('button', { name: 'Generate key pair' }).click();
  await page.locator('#generate-alias').fill(alias);
  await page.locator('#generate-dname').fill(longDname);
  await page.locator('#generate-san').fill(manySans);
  await page.locator('#generate-key').click();
  await page.getByRole('option', { name: keyLabel }).click();
  await page.locator('#generate-days').fill('20');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

/** "Close store" is one of the rarer actions, in the toolbar's "More" menu. */
async function closeStore(page: Page) {
  await page
    .getByRole('toolbar', { name: 'Keystore actions' })
    .getByRole('button', { name: /^More/ })
    .click();
  await page.getByRole('menuitem', { name: 'Close store' }).click();
}

const row = (page: Page, alias: string) => page.locator(`tr[data-alias="${alias}"]`);
const pending = (page: Page) => page.getByTestId('keystore-pending');

describe('keystore manager in the browser (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite();
  before(async () => {
    pki = await makeTestPki();
  });

  test('generate a key pair in a new PKCS12 store, import a trusted PEM, save; keytool reads both', async () => {
    const run = await app.serve();
    const page = await app.open({ run });
    await nav(page, 'Keystores').click();
    await page.locator('#keystore-path').waitFor();
    await screenshots(page, 'keystores-no-store');

    const file = join(run.dir, 'rws.p12');
    await createStore(page, file, 'changeit', 'PKCS12');
    await page.getByText('This store is empty.').waitFor();
    await screenshots(page, 'keystores-empty-store');

    await generate(page, 'RWS', 'EC P-256');
    await row(page, 'rws').waitFor();
    assert.match(await pending(page).innerText(), /generated the key pair "rws"/);
    // A 20-day certificate: under 30 days, shown orange and in words.
    assert.equal(
      await row(page, 'rws').locator('[data-expiry]').getAttribute('data-expiry'),
      'soon',
    );
    assert.match(await row(page, 'rws').innerText(), /\d+ days left/);
    const details = page.getByTestId('certificate-details');
    assert.match(await details.innerText(), /DNS:rws-node-14\.example\.com/);
    assert.match(await details.innerText(), /SHA-256/);

    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByRole('button', { name: 'Paste PEM' }).click();
    await page.locator('#import-pem').fill(pki.root.certPem);
    await page.locator('#import-alias').fill('test-root');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await row(page, 'test-root').waitFor();
    assert.match(await row(page, 'test-root').innerText(), /trusted/);
    await screenshots(page, 'keystores-store-with-entries');

    assert.equal(existsSync(file), false, 'nothing written before Save');
    await page.getByRole('button', { name: 'Save store' }).click();
    await pending(page).waitFor({ state: 'detached' });
    const listing = keytoolListing(file, 'changeit');
    assert.match(listing, /Keystore type: PKCS12/);
    assert.match(
      listing,
      /Alias name: rws\n[\s\S]*?Entry type: PrivateKeyEntry\nCertificate chain length: 1/,
    );
    assert.match(listing, /Alias name: test-root\n[\s\S]*?Entry type: trustedCertEntry/);
    assert.match(listing, /CN=Test Root CA/);
  });

  test('a new JKS store through the UI, then delete with confirmation and undo it', async () => {
    const run = await app.serve();
    const page = await app.open({ run });
    await nav(page, 'Keystores').click();
    const file = join(run.dir, 'client.jks');
    await createStore(page, file, 'storepass', 'JKS');
    await generate(page, 'client', 'RSA 2048');
    await page.getByRole('button', { name: 'Save store' }).click();
    await pending(page).waitFor({ state: 'detached' });
    const listing = keytoolListing(file, 'storepass');
    assert.match(listing, /Keystore type: JKS/);
    assert.match(listing, /Alias name: client\n[\s\S]*?Certificate chain length: 1/);

    await row(page, 'client').click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete "client"?' });
    await dialog.waitFor();
    await screenshots(page, 'keystores-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await row(page, 'client').waitFor({ state: 'detached' });
    assert.match(await pending(page).innerText(), /deleted "client"/);
    await pending(page).getByRole('button', { name: 'Undo' }).click();
    await row(page, 'client').waitFor();
    await pending(page).waitFor({ state: 'detached' });
    assert.match(
      keytoolListing(file, 'storepass'),
      /Alias name: client/,
      'the file was never changed',
    );
  });

  test('a wrong password shows an error naming the file; a dropped PEM file is imported', async () => {
    const run = await app.serve();
    const page = await app.open({ run });
    await nav(page, 'Keystores').click();
    const file = join(run.dir, 'trust.p12');
    await createStore(page, file, 'rightpass', 'PKCS12');
    // A file dropped on the page arrives as bytes (base64) and opens the import dialog.
    await page.evaluate(
      ([name, text]) => {
        const data = new DataTransfer();
        data.items.add(new File([text ?? ''], name ?? 'x.pem', { type: 'application/x-pem-file' }));
        const target = document.querySelector('main h1') as HTMLElement;
        target.dispatchEvent(new DragEvent('dragover', { bubbles: true, dataTransfer: data }));
        target.dispatchEvent(new DragEvent('drop', { bubbles: true, dataTransfer: data }));
      },
      ['intermediate.pem', pki.intermediate.certPem],
    );
    await page.getByText('intermediate.pem (1 KiB)').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await row(page, 'test-intermediate-ca').waitFor();
    await page.getByRole('button', { name: 'Save store' }).click();
    await pending(page).waitFor({ state: 'detached' });

    await closeStore(page);
    await page.locator('#keystore-password').fill('wrongpass');
    await page
      .getByRole('region', { name: 'Open a keystore' })
      .getByRole('button', { name: 'Open', exact: true })
      .click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const message = await alert.innerText();
    assert.ok(message.includes(file), `names the file: ${message}`);
    assert.match(message, /wrong/);
    await screenshots(page, 'keystores-wrong-password');
  });

  test('"Choose file…" (by keyboard) imports a PEM certificate as a trusted entry; keytool lists it', async (t) => {
    const run = await app.serve();
    const page = await app.open({ run });
    await nav(page, 'Keystores').click();
    const file = join(run.dir, 'picked-trust.p12');
    await createStore(page, file, 'changeit', 'PKCS12');
    // The picked file lives outside the config's folder: it reaches the host as bytes, not a path.
    const pickedDir = await mkdtemp(join(tmpdir(), 'rwsec-picked-'));
    t.after(() => rm(pickedDir, { recursive: true, force: true }));
    const pemFile = join(pickedDir, 'picked-root.pem');
    await writeFile(pemFile, pki.root.certPem);

    // Listening early: Playwright turns on file-chooser interception lazily, and a key press sent
    // right after the listener can open the (headless, invisible) native chooser instead.
    const chooserShown = page.waitForEvent('filechooser', { timeout: 60_000 });
    chooserShown.catch(() => undefined); // awaited below; no unhandled rejection if a step fails first
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByRole('button', { name: 'File from this computer' }).click();
    const choose = page.getByRole('button', { name: 'Choose file…' });
    assert.match(
      (await page.locator('#import-file-input').getAttribute('accept')) ?? '',
      /\.pem,.*\.p12,.*\.jks/,
    );
    await choose.focus();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Choose file…');
    await page.keyboard.press('Enter');
    const chooser = await chooserShown;
    assert.equal(chooser.isMultiple(), false);
    await chooser.setFiles(pemFile);
    const chosen = page.getByTestId('import-chosen-file');
    await chosen.waitFor();
    assert.equal(await chosen.innerText(), 'picked-root.pem (1 KiB)');
    await page.getByRole('button', { name: 'Choose another file…' }).waitFor();
    await page.locator('#import-alias').fill('picked-root');
    await screenshots(page, 'keystores-import-picker', [[1280, 800]]);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await row(page, 'picked-root').waitFor();
    assert.match(await row(page, 'picked-root').innerText(), /trusted/);
    assert.equal(existsSync(file), false, 'nothing written before Save');
    await page.getByRole('button', { name: 'Save store' }).click();
    await pending(page).waitFor({ state: 'detached' });
    const listing = keytoolListing(file, 'changeit');
    assert.match(
      listing,
      /Alias name: picked-root\n[\s\S]*?Entry type: trustedCertEntry[\s\S]*?CN=Test Root CA/,
    );
  });

  test('"Open" next to the HTTPS keystore field opens it with the configured password', async () => {
    const run = await app.serve();
    const page = await app.open({ run });
    await nav(page, 'Keystores').click();
    const file = join(run.dir, 'https.p12');
    // The sample config's ssl.keyStorePassword is "storepwd".
    await createStore(page, file, 'storepwd', 'PKCS12');
    await generate(page, 'jetty', 'EC P-256');
    await page.getByRole('button', { name: 'Save store' }).click();
    await pending(page).waitFor({ state: 'detached' });
    await closeStore(page);

    await nav(page, 'HTTPS').click();
    await page.locator(`#${fieldId('ssl.keyStorePath')}`).fill('https.p12');
    await page
      .locator('[data-option="ssl.keyStorePath"]')
      .getByRole('button', { name: 'Open', exact: true })
      .click();
    await row(page, 'jetty').waitFor();
    assert.equal(await page.getByTestId('keystore-file').innerText(), file);
  });
});
