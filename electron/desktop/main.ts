// Electron main process: one locked-down window showing the renderer from app://rwsec/, the API
// contract over IPC (same handlers as `rwsec serve`), and `--config FILE` opened on start.
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { menuChannel } from '../../shared/api/channels';
import { createApiHandlers } from '../api/api-handlers';
import { defaultFileStore } from '../services/session/default-file-store';
import { EditingSession } from '../services/session/editing-session';
import { WorkerPool } from '../services/heavy/worker-pool';
import { heavyWorkerScript } from '../services/heavy/worker-script';
import { appEntry } from './app-origin';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { pickDialogs } from './pick-dialogs';
import { hardenApp, sandboxAllRenderers, secureWebPreferences } from './window-security';

const rendererRoot = join(__dirname, '..', 'renderer');
const preload = join(__dirname, 'preload.cjs');

function configArgument(): string | undefined {
  // Electron passes its own switches too; only --config is ours.
  const { values } = parseArgs({
    args: process.argv.slice(1),
    options: { config: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  return typeof values.config === 'string' ? values.config : undefined;
}

// Both must happen before the app is ready (Electron throws afterwards).
registerAppScheme();
sandboxAllRenderers();

async function start(): Promise<void> {
  await app.whenReady();
  hardenApp();
  serveAppProtocol(rendererRoot);

  const session = new EditingSession(defaultFileStore);
  const config = configArgument();
  if (config) await session.open(config).catch((e: Error) => console.error(`rwsec: ${e.message}`));

  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'RWS Security Studio',
    show: false,
    webPreferences: secureWebPreferences(preload),
  });
  window.once('ready-to-show', () => window.show());

  // Heavy crypto (store decryption, key generation, kits) runs in worker threads: the main process
  // keeps answering the window (and the menu) while a slow store opens. Stopped when the app quits.
  const pool = new WorkerPool({ script: heavyWorkerScript() });
  app.on('will-quit', () => void pool.close());
  const handlers = createApiHandlers(session, {
    version: app.getVersion(),
    mode: 'desktop',
    work: pool,
    pickFile: async (kind) => {
      const result = await dialog.showOpenDialog(window, pickDialogs[kind]);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
  registerIpc(handlers, (line) => console.error(line));
  installMenu((command) => window.webContents.send(menuChannel, command));
  await window.loadURL(appEntry);
}

app.on('window-all-closed', () => app.quit());
start().catch((error: unknown) => {
  console.error(`rwsec desktop: ${error instanceof Error ? error.message : String(error)}`);
  app.quit();
});
