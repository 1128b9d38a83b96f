// One place that locks every window and web contents down: no navigation away from the app, no new
// windows, no permissions, no <webview>; http(s) links go to the system browser through the one
// pure gate in shared/api/external-links.ts.
import { app, session, shell, type WebContents, type WebPreferences } from 'electron';
import { externalLinkTarget } from '../../shared/api/external-links';
import { isAppUrl } from './app-origin';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
  };
}

function openOutside(url: string): void {
  const target = externalLinkTarget(url);
  if (target) void shell.openExternal(target);
}

function lockContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      openOutside(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

/** Every renderer sandboxed whatever its preferences. Electron throws once the app is ready, so
 *  this runs at load time, not from hardenApp() (which needs the ready app's session). */
export function sandboxAllRenderers(): void {
  app.enableSandbox();
}

/** Call once, after ready and before the first window. */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => lockContents(contents));
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}
