// The Fleet page in Chromium against `rwsec serve` and a fleet of real sshd nodes: the node table
// (an unknown host key shown with its ssh-keyscan step), the drift matrix (must-match drift
// marked, secrets never shown), one change applied to every node after a per-node review, a node
// changed between review and write (the run stops there, the others keep the file they had), a
// node's file edited in the normal editor and saved back over SSH, and axe on every scene. The
// files on the nodes are checked afterwards.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { fieldId } from '../../renderer/app/sections';
import { RwsDocument } from '../../shared/yaml/document';
import { nodeMaterial, populateNode, STOREPASS, TRUSTPASS } from '../helpers/fleet-nodes';
import { rwsecBin } from '../helpers/paths';
import { openServeSession } from '../helpers/serve-session';
import { channelNames } from '../../shared/api/channels';
import { selfSignedEntry } from '../unit/rules-keystore-files-support';
import { writeKeystore } from '../../electron/services/keystore/write';
import { fleetSkipReason, startFleet, type Fleet, type FleetNode } from '../helpers/ssh-fleet';
import { browserSuite, nav, screenshots, uiSkipReason } from './app-page';

const skip = uiSkipReason() ?? fleetSkipReason();
if (skip) console.log(`# skipped: ${skip}`);

const SHARED_KEY = 'Crypto-Shared-5521';
const ODD_KEY = 'Crypto-Odd-7734';
const NEW_KEY = 'Crypto-New-9911';
const SECRETS = [STOREPASS, TRUSTPASS, SHARED_KEY, ODD_KEY, NEW_KEY];
const ORIGINS = 'serverSettings.crossOriginSettings.allowedOrigins';

let fleet: Fleet;
let page: Page;
let inventory: string;

const text = (node: FleetNode) => readFileSync(node.config, 'utf8');
const valueOn = (node: FleetNode, path: string) => RwsDocument.parse(text(node)).get(path);
const backups = (node: FleetNode) => {
  const dir = join(node.dir, 'etc', '.rwsec-backups');
  return existsSync(dir) ? readdirSync(dir) : [];
};

async function axe(scene: string): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.MuiDialog-container, main')].every(
      (el) => getComputedStyle(el).opacity === '1',
    ),
  );
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.nodes[0]?.html.slice(0, 120)} ${v.nodes[0]?.failureSummary}`),
    [],
    `axe, ${scene}`,
  );
}

async function openInventory(limit: string, nodes: number): Promise<void> {
  await page.getByLabel('Ansible inventory').fill(inventory);
  await page.getByLabel('Limit (optional)').fill(limit);
  await page.getByRole('button', { name: 'Open inventory', exact: true }).click();
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('table[aria-label="Nodes"] tbody tr').length === n &&
      !document.querySelector('[data-page="fleet"] [role="status"]'),
    nodes,
  );
}

async function assertNoSecretShown(): Promise<void> {
  const shown = await page.locator('body').innerText();
  for (const s of SECRETS) assert.ok(!shown.includes(s), 'a secret is on the page');
}

const dialog = () => page.getByRole('dialog');

describe('Fleet page (rwsec serve, real sshd nodes)', { skip }, () => {
  const app = browserSuite({ serve: true });
  before(async () => {
    const material = await nodeMaterial();
    material.edits = (i) => [
      { path: 'serverSettings.cryptoSecurityKey', value: i === 1 ? ODD_KEY : SHARED_KEY },
      ...(i === 2 ? [{ path: ORIGINS, value: 'https://*.other.example' }] : []),
    ];
    fleet = await startFleet({ nodes: 4, firstAddress: 41, populate: populateNode(material) });
    // rws-4's host key is not in known_hosts: it must be refused with the step to take.
    const unknown = fleet.nodes[3]!;
    writeFileSync(
      fleet.knownHosts,
      fleet.nodes
        .filter((n) => n !== unknown)
        .map((n) => n.hostKey)
        .join('\n') + '\n',
    );
    // rws-2's HTTPS certificate is due in 12 days: it must head the fleet's certificate list.
    const due = await selfSignedEntry({
      alias: 'jetty',
      dname: 'CN=rws-2.example.internal',
      dns: ['rws-2.example.internal'],
      days: 12,
    });
    writeFileSync(
      join(fleet.nodes[1]!.dir, 'etc', 'keystore.p12'),
      writeKeystore({ type: 'PKCS12', entries: [due] }, { type: 'PKCS12', password: STOREPASS }),
    );
    inventory = await fleet.writeInventory();
    page = await app.open({ reducedMotion: 'reduce', timeout: 30_000 });
    await nav(page, 'Fleet').click();
    await page.getByRole('heading', { level: 1, name: 'Fleet' }).waitFor();
  });
  after(async () => {
    await fleet?.stop();
  });

  test('the empty page, then every node: an unknown host key comes with its ssh-keyscan step', async () => {
    await axe('fleet, no inventory');
    await openInventory('', 4);
    const rows = page.locator('table[aria-label="Nodes"] tbody tr');
    assert.equal(await rows.count(), 4);
    const bad = page.locator('tr[data-node="rws-4"]');
    assert.equal(await bad.getAttribute('data-reachable'), 'false');
    const step = await bad.locator('[data-fix-step]').innerText();
    const n4 = fleet.nodes[3]!;
    assert.ok(step.startsWith(`ssh-keyscan -p ${n4.port} ${n4.address}`), step);
    assert.ok((await bad.innerText()).includes('not in known_hosts'));
    for (const name of ['rws-1', 'rws-2', 'rws-3']) {
      assert.equal(
        await page.locator(`tr[data-node="${name}"]`).getAttribute('data-reachable'),
        'true',
      );
    }
    await assertNoSecretShown();
    await screenshots(page, 'fleet-nodes');
    await axe('fleet, nodes and drift');
  });

  test('--limit, and the drift matrix: must-match drift marked, the odd cell highlighted, secrets masked', async () => {
    await openInventory('rws,!rws-4', 3);
    assert.equal(await page.locator('table[aria-label="Nodes"] tbody tr').count(), 3);
    const origins = page.locator(`tr[data-drift="${ORIGINS}"]`);
    assert.equal(await origins.getAttribute('data-must-match'), 'true');
    assert.equal(await origins.locator('[data-cell="rws-3"]').getAttribute('data-differs'), 'true');
    assert.equal(
      await origins.locator('[data-cell="rws-1"]').getAttribute('data-differs'),
      'false',
    );
    const key = page.locator('tr[data-drift="serverSettings.cryptoSecurityKey"]');
    assert.equal(await key.getAttribute('data-must-match'), 'true');
    assert.equal(await key.locator('[data-cell="rws-2"]').getAttribute('data-differs'), 'true');
    assert.match(await key.locator('[data-cell="rws-2"]').innerText(), /secret/);
    assert.equal(await key.getByRole('button').count(), 0, 'no "use on all" for a secret');
    await assertNoSecretShown();
  });

  test('"Use A on all": the review shows each node, then only rws-3 is written', async () => {
    const before1 = text(fleet.nodes[0]!);
    const before3 = text(fleet.nodes[2]!);
    await page.getByRole('button', { name: `Use value A of ${ORIGINS} on all nodes` }).click();
    await dialog().locator('[data-plan-node="rws-3"]').waitFor();
    const review = await dialog().innerText();
    assert.match(review, /1 of 3 nodes change/);
    assert.match(
      await dialog().locator('[data-plan-node="rws-1"]').innerText(),
      /Already as requested/,
    );
    assert.match(await dialog().locator('[data-plan-node="rws-3"]').innerText(), /other\.example/);
    await screenshots(page, 'fleet-review');
    await axe('fleet, review dialog');
    await dialog().getByRole('button', { name: 'Write 1 node' }).click();
    await dialog().locator('[data-result="rws-3"][data-outcome="written"]').waitFor();
    await page.waitForFunction(() => !document.querySelector('[role="dialog"] [role="status"]'));
    assert.equal(await dialog().locator('[data-outcome="unchanged"]').count(), 2);
    await axe('fleet, results');
    await dialog().getByRole('button', { name: 'Close' }).click();
    await dialog().waitFor({ state: 'detached' });
    // On the nodes: rws-3 changed in that one line, with a backup; rws-1 untouched.
    assert.equal(text(fleet.nodes[0]!), before1);
    assert.equal(valueOn(fleet.nodes[2]!, ORIGINS), valueOn(fleet.nodes[0]!, ORIGINS));
    const changed = before3
      .split('\n')
      .filter((l, i) => l !== text(fleet.nodes[2]!).split('\n')[i]);
    assert.equal(changed.length, 1, 'one line changed, comments and the rest kept');
    assert.equal(backups(fleet.nodes[2]!).length, 1);
    assert.equal(await page.locator(`tr[data-drift="${ORIGINS}"]`).count(), 0, 'drift gone');
  });

  test('a secret typed once reaches every node, masked in the review', async () => {
    await page.getByLabel('Key', { exact: true }).fill('serverSettings.cryptoSecurityKey');
    await page.getByLabel('Value', { exact: true }).fill(NEW_KEY);
    await page.getByRole('button', { name: 'Review on every node' }).click();
    await dialog().getByRole('button', { name: 'Write 3 nodes' }).waitFor();
    assert.ok(!(await dialog().innerText()).includes(NEW_KEY), 'the new secret is masked');
    await assertNoSecretShown();
    await dialog().getByRole('button', { name: 'Write 3 nodes' }).click();
    await dialog().locator('[data-result="rws-3"][data-outcome="written"]').waitFor();
    await page.waitForFunction(() => !document.querySelector('[role="dialog"] [role="status"]'));
    await dialog().getByRole('button', { name: 'Close' }).click();
    for (const node of fleet.nodes.slice(0, 3)) {
      assert.equal(valueOn(node, 'serverSettings.cryptoSecurityKey'), NEW_KEY, node.name);
    }
    assert.equal(
      await page.locator('tr[data-drift="serverSettings.cryptoSecurityKey"]').count(),
      0,
    );
  });

  test('a node changed between review and write: the run stops there, later nodes keep the old file', async () => {
    const [n1, n2, n3] = fleet.nodes as [FleetNode, FleetNode, FleetNode];
    await page.getByLabel('Key', { exact: true }).fill('ssl.port');
    await page.getByLabel('Value', { exact: true }).fill('9443');
    await page.getByRole('button', { name: 'Review on every node' }).click();
    await dialog().getByRole('button', { name: 'Write 3 nodes' }).waitFor();
    const someoneElse = text(n2) + '# changed on the node meanwhile\n';
    writeFileSync(n2.config, someoneElse);
    const old3 = text(n3);
    await dialog().getByRole('button', { name: 'Write 3 nodes' }).click();
    await dialog().locator('[data-result="rws-3"][data-outcome="not-attempted"]').waitFor();
    assert.match(
      await dialog().locator('[data-result="rws-2"][data-outcome="failed"]').innerText(),
      /changed on the node since it was read/,
    );
    await page.waitForFunction(() => !document.querySelector('[role="dialog"] [role="status"]'));
    assert.match(
      await dialog().locator('[data-summary="stopped"]').innerText(),
      /Stopped at rws-2\. New file on: rws-1; old file on: rws-3\./,
    );
    await screenshots(page, 'fleet-results-stopped');
    await dialog().getByRole('button', { name: 'Close' }).click();
    assert.equal(valueOn(n1, 'ssl.port'), 9443);
    assert.equal(text(n2), someoneElse, "rws-2 keeps the other writer's file");
    assert.equal(text(n3), old3);
  });

  test("a node's file opens in the editor and saves back over SSH", async () => {
    const n2 = fleet.nodes[1]!;
    await page.getByRole('button', { name: "Edit rws-2's configuration" }).click();
    await page.getByRole('heading', { level: 1, name: 'HTTPS' }).waitFor();
    const shown = `${await page.getByTestId('file-folder').textContent()}${await page.getByTestId('file-name').textContent()}`;
    assert.equal(shown, `rws-2:${n2.config}`, 'the header names the node and its file');
    const port = page.locator(`#${fieldId('ssl.port')}`);
    await port.fill('9555');
    await page.waitForFunction(() => !document.querySelector('#root[data-pending]'));
    await page.keyboard.press('Control+s');
    await page.getByRole('button', { name: 'Save to disk' }).click();
    await page.getByTestId('dirty-marker').waitFor({ state: 'detached' });
    assert.equal(valueOn(n2, 'ssl.port'), 9555);
    assert.ok(text(n2).includes('# changed on the node meanwhile'), 'the rest of the file kept');
    assert.ok(backups(n2).length >= 1, 'the previous version kept on the node');
    assert.ok(!existsSync(join(app.run.dir, 'etc')), 'nothing written locally');
  });

  test('an editor save is read again: must-match drift appears, then disappears, with "last read" renewed', async () => {
    const THRIFT = 'cassandraCluster.thrift_port';
    const row = (name: string) => page.locator(`tr[data-node="${name}"]`);
    const readAt = async (name: string) =>
      (await row(name).locator('[data-read-at]').getAttribute('data-read-at')) ?? '';
    const driftRow = page.locator(`tr[data-drift="${THRIFT}"]`);
    const saveOnRws2 = async (port: string) => {
      await page.getByRole('button', { name: "Edit rws-2's configuration" }).click();
      await page.getByRole('heading', { level: 1, name: 'HTTPS' }).waitFor();
      await nav(page, 'Cassandra').click();
      await page.locator(`#${fieldId(THRIFT)}`).fill(port);
      await page.waitForFunction(() => !document.querySelector('#root[data-pending]'));
      await page.keyboard.press('Control+s');
      await page.getByRole('button', { name: 'Save to disk' }).click();
      await page.getByTestId('dirty-marker').waitFor({ state: 'detached' });
      await nav(page, 'Fleet').click();
      await row('rws-2').waitFor();
    };
    /** The page shows rws-2 read after `since`, with nothing left to read. */
    const rereadAfter = (since: string) =>
      page.waitForFunction((t) => {
        const cell = document.querySelector('tr[data-node="rws-2"] [data-read-at]');
        const at = cell?.getAttribute('data-read-at') ?? '';
        return at > t && !document.querySelector('[data-page="fleet"] [role="status"]');
      }, since);

    await nav(page, 'Fleet').click();
    await row('rws-2').waitFor();
    assert.equal(await driftRow.count(), 0, 'every node has the same thrift_port to start with');
    const before1 = await readAt('rws-1');
    const before2 = await readAt('rws-2');

    await saveOnRws2('9170');
    assert.equal(valueOn(fleet.nodes[1]!, THRIFT), 9170, 'saved on the node');
    await rereadAfter(before2);
    await driftRow.waitFor();
    assert.equal(await driftRow.getAttribute('data-must-match'), 'true');
    assert.equal(
      await driftRow.locator('[data-cell="rws-2"]').getAttribute('data-differs'),
      'true',
    );
    assert.match(await driftRow.locator('[data-cell="rws-2"]').innerText(), /9170/);
    assert.equal(await readAt('rws-1'), before1, 'only the saved node is read again');
    const lastRead = row('rws-2').locator('[data-read-at] time');
    assert.equal(await lastRead.innerText(), 'just now');
    assert.equal(
      await lastRead.getAttribute('title'),
      (await readAt('rws-2')).replace('.000Z', 'Z'),
      'the exact instant on hover',
    );
    await screenshots(page, 'fleet-after-editor-save');

    const after2 = await readAt('rws-2');
    await saveOnRws2('9160');
    await rereadAfter(after2);
    assert.equal(await driftRow.count(), 0, 'the drift is gone once rws-2 matches again');
  });

  test("the Certificates page lists every node's certificates, as `rwsec certs -i` does", async () => {
    const cli = spawnSync(
      process.execPath,
      [rwsecBin, 'certs', '-i', inventory, '--limit', 'rws,!rws-4', '--json'],
      { encoding: 'utf8' },
    );
    const expected = (JSON.parse(cli.stdout) as { node: string; certificates: unknown[] }[])
      .map((inv) => `${inv.node}:${inv.certificates.length}`)
      .sort();
    await nav(page, 'Certificates').click();
    await page.locator('[data-page="certificates"][data-source="fleet"]').waitFor();
    const rows = page.locator('table[aria-label="Certificates by days left"] tbody tr');
    await rows.first().waitFor();
    const seen = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        node: tr.getAttribute('data-node') ?? '',
        days: Number(tr.getAttribute('data-days')),
        text: (tr as HTMLElement).innerText,
      })),
    );
    const perNode = new Map<string, number>();
    for (const r of seen) perNode.set(r.node, (perNode.get(r.node) ?? 0) + 1);
    assert.deepEqual(
      [...perNode].map(([n, c]) => `${n}:${c}`).sort(),
      expected,
      'the same certificates per node as the CLI',
    );
    const days = seen.map((r) => r.days);
    assert.deepEqual(
      days,
      [...days].sort((a, b) => a - b),
      'sorted by days left',
    );
    assert.equal(seen[0]?.node, 'rws-2', "rws-2's certificate due in 12 days comes first");
    assert.ok(seen[0]?.text.includes('rws-2.example.internal') && (seen[0]?.days ?? 99) <= 12);
    assert.equal(await rows.first().getAttribute('data-state'), 'expiring');
    for (const name of ['rws-1', 'rws-2', 'rws-3']) {
      assert.ok(
        seen.some((r) => r.node === name && r.text.includes(`${name}.example.internal`)),
        `${name}'s own server certificate is listed under it`,
      );
    }
    await page.getByRole('button', { name: 'Node', exact: true }).click();
    const byNode = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-node')));
    assert.deepEqual(byNode, [...byNode].sort(), 'sorted by node');
    await screenshots(page, 'certificates-fleet');
    await axe('certificates, fleet');
    await page.getByRole('button', { name: 'This configuration' }).click();
    await page.locator('[data-page="certificates"][data-source="config"]').waitFor();
  });

  test('the browser has no open dialog: the path field offers the inventories opened before', async () => {
    await nav(page, 'Fleet').click();
    await page.locator('tr[data-node="rws-1"]').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Choose…' }).count(), 0);
    // The inventory's Close, not the status strip's (a message left by the test before may show).
    await page
      .locator('[data-page="fleet"]')
      .getByRole('button', { name: 'Close', exact: true })
      .click();
    await page.locator('table[aria-label="Nodes"]').waitFor({ state: 'detached' });
    await page.getByLabel('Ansible inventory').fill('');
    await page.getByLabel('Ansible inventory').click();
    await page.getByRole('option', { name: inventory }).click();
    assert.equal(await page.getByLabel('Ansible inventory').inputValue(), inventory);
    await openInventory('rws,!rws-4', 3);
  });

  test('desktop: "Choose…" opens the inventory the open dialog returns', async () => {
    // The main process's half (the native dialog behind fleet.pick) is desktop-main-wiring's;
    // here the page's half runs against a bridge shaped like the preload's, whose dialog answers
    // with a second inventory, and which passes every other channel to the serve host.
    const picked = await fleet.writeInventory({
      name: 'picked.ini',
      nodes: fleet.nodes.slice(0, 2),
    });
    const url = new URL(await app.run.freshUrl());
    const session = await openServeSession(url.origin, url.hash.replace('#token=', ''));
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    // A string, not a function: the test runner's transpiler adds helpers a page does not have.
    await context.addInitScript(`(() => {
      const session = ${JSON.stringify(session)};
      const picked = ${JSON.stringify(picked)};
      const call = async (channel, request) => {
        if (channel === 'app.info') return { version: 'test', mode: 'desktop' };
        if (channel === 'fleet.pick') return { path: picked };
        const res = await fetch('/api/' + channel, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session },
          body: JSON.stringify(request ?? {}),
        });
        const body = await res.json();
        if (!res.ok) throw new Error(body.error?.message ?? String(res.status));
        return body;
      };
      const bridge = {};
      for (const c of ${JSON.stringify(channelNames)}) bridge[c] = (r) => call(c, r);
      bridge.onMenuCommand = () => () => undefined;
      window.rwsApi = bridge;
    })();`);
    const desktop = await context.newPage();
    try {
      await desktop.goto(url.origin + '/');
      await desktop.waitForSelector('#root[data-app-state="ready"]');
      await nav(desktop, 'Fleet').click();
      await desktop.getByLabel('Limit (optional)').fill('');
      await desktop.getByRole('button', { name: 'Choose…' }).click();
      await desktop.waitForFunction(
        () =>
          document.querySelectorAll('table[aria-label="Nodes"] tbody tr').length === 2 &&
          !document.querySelector('[data-page="fleet"] [role="status"]'),
      );
      assert.equal(await desktop.getByLabel('Ansible inventory').inputValue(), picked);
      await screenshots(desktop, 'fleet-desktop-picked');
    } finally {
      await context.close();
    }
    await page.reload();
    await page.waitForSelector('#root[data-app-state="ready"]');
    await nav(page, 'Fleet').click();
    await openInventory('rws,!rws-4', 3);
  });

  test('dark theme: the Fleet page with its nodes passes axe', async () => {
    await page.getByRole('button', { name: /Colour theme/ }).click(); // system -> light
    await page.getByRole('button', { name: /Colour theme/ }).click(); // light -> dark
    await nav(page, 'Fleet').click();
    await page.locator('tr[data-node="rws-1"]').waitFor();
    await screenshots(page, 'fleet-nodes-dark');
    await axe('fleet, dark');
  });

  test('long host names and a node down still fit 1280 px: every row keeps its Edit button in view', async () => {
    const long = (n: FleetNode, i: number) =>
      i === 2 ? n.name : `${n.name}-frankfurt-production-datacenter-a.internal.example.com`;
    const file = join(fleet.dir, 'long-names.ini');
    writeFileSync(
      file,
      [
        '[rws]',
        ...fleet.nodes
          .slice(0, 3)
          .map(
            (n, i) =>
              `${long(n, i)} ansible_host=${n.address} ansible_port=${n.port} rws_config=${n.config}`,
          ),
        '[all:vars]',
        `ansible_ssh_common_args='-F ${fleet.sshConfig}'`,
        '',
      ].join('\n'),
    );
    await fleet.stopNode(fleet.nodes[1]!);
    inventory = file;
    await openInventory('', 3);
    const down = page.locator(`tr[data-node="${long(fleet.nodes[1]!, 1)}"]`);
    assert.equal(await down.getAttribute('data-reachable'), 'false');
    assert.match(await down.innerText(), /Unreachable/);
    assert.match(
      await page.locator('[data-not-compared]').innerText(),
      new RegExp(`not read\\): ${long(fleet.nodes[1]!, 1).replace(/\./g, '\\.')}$`),
    );
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      const fits = await page.evaluate(() => {
        const edits = [...document.querySelectorAll('table[aria-label="Nodes"] tbody tr button')];
        return {
          page: document.documentElement.scrollWidth <= window.innerWidth,
          edits: edits.every((b) => b.getBoundingClientRect().right <= window.innerWidth),
          tables: [...document.querySelectorAll('[data-page="fleet"] table')].every(
            (t) => (t.parentElement?.scrollWidth ?? 0) <= (t.parentElement?.clientWidth ?? 0),
          ),
        };
      });
      assert.deepEqual(fits, { page: true, edits: true, tables: true }, `at ${width}x${height}`);
    }
    await screenshots(page, 'fleet-long-names-dark');
    await axe('fleet, long names, a node down');
  });
});
