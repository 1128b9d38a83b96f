// A diagnostic with a quick fix offers it as a button on its field and in the Problems list; one
// click applies the fix's edits and the finding goes away.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldId } from '../../renderer/app/sections';
import { browserSuite, nav, uiSkipReason } from './app-page';

const skipReason = uiSkipReason();

describe('quick fixes one click away (rwsec serve)', { skip: skipReason }, () => {
  const app = browserSuite({ serve: true });

  test('ssl.port equal to jetty.port: "Set ssl.port to N" on the field and in Problems', async () => {
    const page = await app.open();
    await nav(page, 'HTTPS').click();
    await page.locator(`#${fieldId('enableSsl')}`).check(); // the rule judges HTTPS when it is on
    const sslPort = page.locator(`#${fieldId('ssl.port')}`);
    const jettyPort = await page.locator(`#${fieldId('jetty.port')}`).inputValue();
    const frame = page.locator('[data-option="ssl.port"]');
    const fixButton = frame.getByRole('button', { name: /^Set ssl\.port to \d+$/ });

    await sslPort.fill(jettyPort);
    await fixButton.waitFor();
    const target = /(\d+)$/.exec(await fixButton.innerText())?.[1];
    await fixButton.click();
    await fixButton.waitFor({ state: 'detached' });
    assert.equal(await sslPort.inputValue(), target);

    await sslPort.fill(jettyPort);
    await fixButton.waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-pending]'));
    await nav(page, 'Problems').click();
    const listed = page
      .getByRole('list', { name: 'Problems' })
      .getByRole('button', { name: /^Set ssl\.port to \d+$/ });
    await listed.click();
    await listed.waitFor({ state: 'detached' });
    await nav(page, 'HTTPS').click();
    assert.equal(await sslPort.inputValue(), target);
  });
});
