// The Electron main process as shipped (dist/desktop/main.cjs, the bundle `npm start` runs), loaded
// in plain Node with a fake `electron` module (test/helpers/fake-electron.ts) because Electron's
// binary cannot be downloaded here. It checks what the user relies on: the one window is locked
// down, nothing navigates or pops out of the app, permissions are refused, app:// serves only the
// built renderer with the strict CSP, every IPC channel checks its sender and arguments, and
// `--config FILE` opens that file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import type { MenuItemConstructorOptions, WebContents } from 'electron';
import { channelNames, menuChannel } from '../../shared/api/channels';
import {
  createFakeElectron,
  FakeWebContents,
  ipcEvent,
  loadWithFakeElectron,
  type FakeElectron,
} from '../helpers/fake-electron';
import { repoRoot, sampleConfig } from '../helpers/paths';

const dist = join(repoRoot, 'dist');
const mainBundle = join(dist, 'desktop', 'main.cjs');
const built = existsSync(mainBundle) && existsSync(join(dist, 'renderer', 'app.js'));
const notBuilt = 'dist/desktop/main.cjs or dist/renderer/app.js missing: run `npm run build` first';

let dir: string;
let startConfig: string;
let otherConfig: string;
/** The app as started with `--config startConfig`. */
let desktop: FakeElectron;
const errors: string[] = [];
const consoleError = console.error;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rwsec-desktop-'));
  startConfig = join(dir, 'start', 'application.yaml');
  otherConfig = join(dir, 'application.yaml');
  await mkdir(join(dir, 'start'));
  await copyFile(sampleConfig, startConfig);
  await copyFile(sampleConfig, otherConfig);
  if (!built) return;
  console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
  desktop = createFakeElectron();
  await loadWithFakeElectron(mainBundle, desktop, ['--config', startConfig]).catch((e: Error) => {
    throw new Error(`desktop start-up failed (${e.message}): ${errors.join('; ')}`);
  });
});

after(async () => {
  console.error = consoleError;
  await rm(dir, { recursive: true, force: true });
});

function skipUnlessBuilt(t: TestContext): boolean {
  if (built) return false;
  console.log(`skip: ${notBuilt}`);
  t.skip(notBuilt);
  return true;
}

type IpcResult = { ok: true; value: unknown } | { ok: false; message: string };

async function invoke(
  app: FakeElectron,
  channel: string,
  request: unknown,
  frame: { url: string | null; parent?: string } = { url: 'app://rwsec/index.html' },
): Promise<IpcResult> {
  const handler = app.ipcHandlers.get(channel);
  assert.ok(handler, `no IPC handler for ${channel}`);
  return (await handler(ipcEvent(frame.url, frame.parent), request)) as IpcResult;
}

function stateOf(result: IpcResult): { file: string | null; text?: string; values: unknown } {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.value as { file: string | null; text?: string; values: unknown };
}

test('one window: sandboxed, isolated, no Node, no webview, the bundled preload, app:// entry', (t) => {
  if (skipUnlessBuilt(t)) return;
  assert.equal(desktop.quits, 0, `the app quit during start-up: ${errors.join('\n')}`);
  assert.equal(desktop.windows.length, 1);
  const [window] = desktop.windows;
  const prefs = window!.options.webPreferences ?? {};
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInSubFrames, false);
  assert.equal(prefs.nodeIntegrationInWorker, false);
  assert.equal(prefs.webviewTag, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.allowRunningInsecureContent, false);
  assert.equal(prefs.preload, join(dist, 'desktop', 'preload.cjs'));
  assert.ok(existsSync(prefs.preload), 'the preload the window names is built');
  assert.deepEqual(window!.loaded, ['app://rwsec/index.html']);
  assert.equal(desktop.sandboxEnabled, true, 'app.enableSandbox() before ready');
  const scheme = desktop.privilegedSchemes.find((s) => s.scheme === 'app');
  assert.deepEqual(scheme?.privileges, { standard: true, secure: true });
});

test('window.open is denied; only http(s) links reach the system browser', (t) => {
  if (skipUnlessBuilt(t)) return;
  const contents = desktop.windows[0]!.webContents;
  desktop.openedExternally.length = 0;
  assert.equal(contents.openWindow('https://docs.genesys.com/rws'), 'deny');
  assert.equal(contents.openWindow('http://example.com/'), 'deny');
  for (const url of [
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'ms-settings:privacy',
    'app://rwsec/index.html',
    'https://user:pw@evil.example/',
    'java\tscript:alert(1)',
  ]) {
    assert.equal(contents.openWindow(url), 'deny', url);
  }
  assert.deepEqual(desktop.openedExternally, [
    'https://docs.genesys.com/rws',
    'http://example.com/',
  ]);
});

test('navigation away from app:// is prevented; https goes outside, other schemes nowhere', (t) => {
  if (skipUnlessBuilt(t)) return;
  const contents = desktop.windows[0]!.webContents;
  desktop.openedExternally.length = 0;
  assert.equal(contents.navigate('app://rwsec/index.html').prevented, false);
  assert.equal(contents.navigate('https://evil.example/phish').prevented, true);
  for (const url of [
    'file:///etc/passwd',
    'javascript:alert(1)',
    'custom-scheme://run',
    'app://rwsec.evil/index.html',
    'data:text/html,<script>1</script>',
  ]) {
    assert.equal(contents.navigate(url).prevented, true, url);
  }
  assert.equal(contents.redirect('https://evil.example/').prevented, true);
  assert.equal(contents.redirect('app://rwsec/index.html').prevented, false);
  assert.equal(contents.attachWebview().prevented, true);
  assert.deepEqual(desktop.openedExternally, ['https://evil.example/phish']);

  // Any later web contents (devtools, a future window) gets the same locks.
  const later = new FakeWebContents();
  desktop.emitApp('web-contents-created', { preventDefault() {} }, later);
  assert.equal(later.navigate('https://evil.example/').prevented, true);
  assert.equal(later.openWindow('https://evil.example/'), 'deny');
});

test('permission requests and checks are refused', async (t) => {
  if (skipUnlessBuilt(t)) return;
  const request = desktop.permissionRequest;
  const check = desktop.permissionCheck;
  assert.ok(request && check, 'permission handlers installed on the default session');
  const contents = desktop.windows[0]!.webContents as unknown as WebContents;
  for (const permission of [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
  ]) {
    const granted = await new Promise<boolean>((resolve) => request(contents, permission, resolve));
    assert.equal(granted, false, permission);
    assert.equal(check(contents, permission), false, permission);
  }
});

test('app:// serves the built renderer with the strict CSP, GET only, nothing outside it', async (t) => {
  if (skipUnlessBuilt(t)) return;
  const handle = desktop.protocolHandlers.get('app');
  assert.ok(handle, 'app:// handler registered');
  const get = (url: string, method = 'GET') =>
    Promise.resolve(handle(new Request(url, { method })));

  const index = await get('app://rwsec/index.html');
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
  assert.deepEqual(
    Buffer.from(await index.arrayBuffer()),
    readFileSync(join(dist, 'renderer', 'index.html')),
  );
  assert.equal((await get('app://rwsec/')).status, 200);
  const app = await get('app://rwsec/app.js');
  assert.equal(app.status, 200);
  assert.match(app.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.equal(
    (await app.arrayBuffer()).byteLength,
    readFileSync(join(dist, 'renderer', 'app.js')).length,
  );

  const csp = new Map(
    (index.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values] as const),
  );
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  assert.deepEqual(csp.get('script-src'), ["'self'"], 'no inline or eval scripts');
  assert.deepEqual(csp.get('connect-src'), ["'self'"]);
  assert.deepEqual(csp.get('base-uri'), ["'none'"]);
  assert.deepEqual(csp.get('form-action'), ["'none'"]);
  assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
  assert.ok(!csp.has('frame-src') && !csp.has('object-src'), 'frames and plugins stay none');
  assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(
    app.headers.get('content-security-policy'),
    index.headers.get('content-security-policy'),
  );

  const outside = readFileSync(mainBundle, 'utf8').slice(0, 200);
  for (const hostile of [
    'app://rwsec/../../etc/passwd',
    'app://rwsec/%2e%2e/%2e%2e/etc/passwd',
    'app://rwsec/%2e%2e/desktop/main.cjs',
    'app://rwsec/..%2fdesktop%2fmain.cjs',
    'app://rwsec/chunks/..%2f..%2fdesktop/main.cjs',
    'app://rwsec/..%5cdesktop%5cmain.cjs',
    'app://rwsec/%00index.html',
    'app://rwsec/chunks',
  ]) {
    const response = await get(hostile);
    assert.notEqual(response.status, 200, hostile);
    const body = await response.text();
    assert.ok(!body.includes('root:') && !body.includes(outside), `${hostile} leaked a file`);
  }
  for (const method of ['POST', 'PUT', 'DELETE']) {
    assert.equal((await get('app://rwsec/index.html', method)).status, 405, method);
  }
  assert.equal((await get('app://other/index.html')).status, 403);
});

test('IPC: every contract channel, each refusing foreign and sub-frame senders', async (t) => {
  if (skipUnlessBuilt(t)) return;
  assert.deepEqual([...desktop.ipcHandlers.keys()].sort(), [...channelNames].sort());
  const refusals = [
    { url: 'https://evil.example/' },
    { url: 'file:///tmp/page.html' },
    { url: 'app://rwsec.evil/index.html' },
    { url: 'app://rwsec/index.html', parent: 'app://rwsec/index.html' },
    { url: null },
  ];
  errors.length = 0;
  for (const channel of channelNames) {
    for (const frame of refusals) {
      const result = await invoke(desktop, channel, {}, frame);
      assert.equal(result.ok, false, `${channel} from ${frame.url} (parent ${frame.parent})`);
      assert.match(result.ok ? '' : result.message, /^Refused/);
    }
  }
  assert.equal(errors.length, channelNames.length * refusals.length, 'each refusal is logged');
  // A refused call never reached its handler: the open document is still the start-up one.
  const opened = await invoke(desktop, 'config.open', { path: otherConfig }, { url: 'https://x/' });
  assert.equal(opened.ok, false);
  assert.equal(stateOf(await invoke(desktop, 'config.state', {})).file, startConfig);
});

test('IPC: arguments that break the contract are refused with a message, not a stack', async (t) => {
  if (skipUnlessBuilt(t)) return;
  for (const [channel, bad] of [
    ['config.open', {}],
    ['config.open', { path: 42 }],
    ['config.open', { path: otherConfig, extra: true }],
    ['config.open', 'application.yaml'],
    ['config.edit', { edits: [] }],
    ['config.save', { force: 'yes' }],
    ['keystore.open', { path: 'x.p12', password: 'x'.repeat(2000) }],
    ['app.info', { sneaky: 1 }],
  ] as const) {
    const result = await invoke(desktop, channel, bad);
    assert.equal(result.ok, false, `${channel} ${JSON.stringify(bad).slice(0, 60)}`);
    const message = result.ok ? '' : result.message;
    assert.match(message, new RegExp(`^Invalid ${channel.replace('.', '\\.')} request`));
    assert.doesNotMatch(message, /\n\s+at /, 'no stack trace');
  }
  assert.equal(stateOf(await invoke(desktop, 'config.state', {})).file, startConfig);
});

test('--config FILE opens it at start; config.open answers with the document', async (t) => {
  if (skipUnlessBuilt(t)) return;
  const started = stateOf(await invoke(desktop, 'config.state', {}));
  assert.equal(started.file, startConfig);
  assert.equal(started.text, await readFile(startConfig, 'utf8'));

  const opened = stateOf(await invoke(desktop, 'config.open', { path: otherConfig }));
  assert.equal(opened.file, otherConfig);
  assert.equal(opened.text, await readFile(otherConfig, 'utf8'));
  const values = opened.values as Record<string, unknown> | null;
  assert.ok(values !== null && typeof values === 'object' && 'ssl' in values, 'values read');

  const info = await invoke(desktop, 'app.info', {});
  assert.deepEqual(info, { ok: true, value: { version: '0.0.0-fake', mode: 'desktop' } });

  // Without --config nothing is open.
  const bare = createFakeElectron();
  await loadWithFakeElectron(mainBundle, bare);
  assert.equal(stateOf(await invoke(bare, 'config.state', {})).file, null);
  const missing = await invoke(bare, 'config.open', { path: join(dir, 'absent.yaml') });
  assert.equal(missing.ok, false);
  assert.match(missing.ok ? '' : missing.message, /absent\.yaml/);
});

test('fleet.pick: the same native dialog, titled for an inventory, every file shown first', async (t) => {
  if (skipUnlessBuilt(t)) return;
  const inventory = join(dir, 'hosts');
  desktop.dialogAnswer = { canceled: false, filePaths: [inventory] };
  const calls = desktop.dialogCalls;
  assert.deepEqual(await invoke(desktop, 'fleet.pick', {}), {
    ok: true,
    value: { path: inventory },
  });
  const shown = desktop.dialogOptions.at(-1);
  assert.equal(shown?.title, 'Open an Ansible inventory');
  assert.deepEqual(shown?.properties, ['openFile']);
  // /etc/ansible/hosts has no extension: a YAML-only first filter would hide it.
  assert.deepEqual(shown?.filters?.[0]?.extensions, ['*']);
  desktop.dialogAnswer = { canceled: true, filePaths: [] };
  assert.deepEqual(await invoke(desktop, 'fleet.pick', {}), { ok: true, value: { path: null } });
  assert.equal(desktop.dialogCalls, calls + 2);

  // The channel takes no arguments, and only the app's own top frame may ask for a dialog.
  const extra = await invoke(desktop, 'fleet.pick', { path: '/etc/passwd' });
  assert.equal(extra.ok, false);
  const framed = await invoke(desktop, 'fleet.pick', {}, { url: 'https://evil.example/' });
  assert.equal(framed.ok, false);
  assert.equal(desktop.dialogCalls, calls + 2, 'no dialog for a refused request');
});

test('config.pick uses the native dialog; the menu sends its commands to the window', async (t) => {
  if (skipUnlessBuilt(t)) return;
  const calls = desktop.dialogCalls;
  desktop.dialogAnswer = { canceled: false, filePaths: [otherConfig] };
  assert.deepEqual(await invoke(desktop, 'config.pick', {}), {
    ok: true,
    value: { path: otherConfig },
  });
  desktop.dialogAnswer = { canceled: true, filePaths: [] };
  assert.deepEqual(await invoke(desktop, 'config.pick', {}), { ok: true, value: { path: null } });
  assert.equal(desktop.dialogCalls, calls + 2);
  assert.equal(desktop.dialogOptions.at(-1)?.title, 'Open application.yaml');

  // The app builds its menu from arrays of item options (never prebuilt Menu objects).
  const items = (desktop.menuTemplate ?? []).flatMap((menu) =>
    Array.isArray(menu.submenu) ? (menu.submenu as MenuItemConstructorOptions[]) : [],
  );
  const contents = desktop.windows[0]!.webContents;
  contents.sent.length = 0;
  for (const [accelerator, command] of [
    ['CmdOrCtrl+O', 'open'],
    ['CmdOrCtrl+S', 'save'],
    ['CmdOrCtrl+Z', 'undo'],
    ['CmdOrCtrl+Shift+Z', 'redo'],
    ['CmdOrCtrl+F', 'find'],
  ]) {
    const item = items.find((i) => i.accelerator === accelerator);
    assert.ok(item?.click, `menu item ${accelerator}`);
    (item.click as () => void)();
    assert.deepEqual(contents.sent.at(-1), { channel: menuChannel, args: [command] });
  }
  for (const role of ['cut', 'copy', 'paste', 'selectAll']) {
    assert.ok(
      items.some((i) => i.role === role),
      `native ${role}`,
    );
  }

  desktop.emitApp('window-all-closed');
  assert.equal(desktop.quits, 1, 'closing the window quits the app');
});
