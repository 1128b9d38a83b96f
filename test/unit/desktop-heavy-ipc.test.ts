// The desktop app's main process (dist/desktop/main.cjs in plain Node with the fake `electron`
// module) keeps answering IPC while a slow store is opened: the store's decryption runs in the
// app's worker pool, not on the event loop every channel shares. Judged by order of completion.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createFakeElectron, ipcEvent, loadWithFakeElectron } from '../helpers/fake-electron';
import type { FakeElectron } from '../helpers/fake-electron';
import { haveOpenssl, slowPkcs12 } from '../helpers/heavy-p12';
import { repoRoot, sampleConfig } from '../helpers/paths';

const mainBundle = join(repoRoot, 'dist', 'desktop', 'main.cjs');
const worker = join(repoRoot, 'dist', 'heavy-worker.cjs');
const skip = !existsSync(mainBundle)
  ? 'dist/desktop/main.cjs missing: run `npm run build` first'
  : !existsSync(worker)
    ? 'dist/heavy-worker.cjs missing: run `npm run build` first'
    : !haveOpenssl
      ? 'openssl is not installed'
      : false;
const PASS = 'slow-pass-1';

type IpcResult = { ok: true; value: unknown } | { ok: false; message: string };

let dir = '';
let desktop: FakeElectron;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rwsec-desktop-heavy-'));
  if (skip) return;
  await copyFile(sampleConfig, join(dir, 'application.yaml'));
  desktop = createFakeElectron();
  await loadWithFakeElectron(mainBundle, desktop, ['--config', join(dir, 'application.yaml')]);
});

after(async () => {
  // The app quitting stops its workers (an idle one would not hold the process either).
  desktop?.emitApp('will-quit');
  await rm(dir, { recursive: true, force: true });
});

function invoke(channel: string, request: unknown): Promise<IpcResult> {
  const handler = desktop.ipcHandlers.get(channel);
  assert.ok(handler, `no IPC handler for ${channel}`);
  return handler(ipcEvent('app://rwsec/index.html'), request) as Promise<IpcResult>;
}

test(
  'config.state answers over IPC while keystore.open decrypts a slow PKCS#12',
  { skip },
  async (t) => {
    const store = slowPkcs12(dir, PASS, 1_000_000);
    let settled = false;
    const heavy = invoke('keystore.open', { path: store, password: PASS }).finally(
      () => (settled = true),
    );
    let answered = 0;
    while (!settled) {
      // Each IPC message arrives as its own event (here: the next turn of the loop).
      await new Promise((next) => setImmediate(next));
      const state = await invoke('config.state', {});
      assert.ok(state.ok, state.ok ? '' : state.message);
      if (!settled) answered++;
    }
    t.diagnostic(`${answered} config.state answered during the open`);
    const opened = await heavy;
    assert.ok(opened.ok, opened.ok ? '' : opened.message);
    const view = opened.value as { type: string; entries: unknown[] };
    assert.equal(view.type, 'PKCS12');
    assert.equal(view.entries.length, 1);
    // On the event loop the open would finish before any config.state invoked after it.
    assert.ok(answered >= 5, `only ${answered} config.state answered during the open`);
  },
);
