// A stand-in for the `electron` module, so the real main-process bundle (dist/desktop/main.cjs) runs
// in plain Node: it implements exactly the API surface electron/desktop uses (typed against
// Electron's own types, installed without the binary) and records what the app asked for (window options,
// handlers, menu), and it keeps Electron's ordering rules that matter here (privileged schemes
// only before ready; protocol handlers, sessions and windows only after), so a wiring mistake the
// real binary would reject fails here too.
import Module from 'node:module';
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  OpenDialogOptions,
  WebContents,
  WebFrameMain,
} from 'electron';

type Listener = (...args: never[]) => unknown;

/** A frame as far as the app reads one (its URL and parent); the rest of WebFrameMain is unused. */
function frame(url: string, parent: WebFrameMain | null): WebFrameMain {
  return { url, parent } as unknown as WebFrameMain;
}
type PermissionRequestHandler = (
  wc: WebContents,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheckHandler = (wc: WebContents | null, permission: string) => boolean;
type IpcListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export interface NavigationOutcome {
  prevented: boolean;
}

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (...a: unknown[]) => unknown)(...args);
    }
  }
}

export class FakeWebContents extends Emitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = frame('', null);
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' | 'allow' }) | undefined;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void {
    this.windowOpenHandler = handler;
  }
  getLastWebPreferences(): null {
    return null;
  }

  /** What Electron does when the page (or a link in it) navigates the top frame to `url`. */
  navigate(url: string): NavigationOutcome {
    return this.fire('will-navigate', url);
  }
  redirect(url: string): NavigationOutcome {
    return this.fire('will-redirect', url);
  }
  attachWebview(): NavigationOutcome {
    const outcome = { prevented: false };
    this.emit('will-attach-webview', { preventDefault: () => (outcome.prevented = true) });
    return outcome;
  }
  /** window.open / target=_blank: Electron allows it unless a handler says otherwise. */
  openWindow(url: string): 'deny' | 'allow' {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }).action : 'allow';
  }
  private fire(event: string, url: string): NavigationOutcome {
    const outcome = { prevented: false };
    this.emit(event, { preventDefault: () => (outcome.prevented = true) }, url);
    return outcome;
  }
}

export interface FakeElectron {
  /** The object handed to `require('electron')`. */
  module: Record<string, unknown>;
  windows: {
    options: BrowserWindowConstructorOptions;
    webContents: FakeWebContents;
    loaded: string[];
  }[];
  privilegedSchemes: CustomScheme[];
  protocolHandlers: Map<string, ProtocolHandler>;
  ipcHandlers: Map<string, IpcListener>;
  menuTemplate: MenuItemConstructorOptions[] | null;
  openedExternally: string[];
  dialogCalls: number;
  /** The options of each open dialog the app showed (title, filters). */
  dialogOptions: OpenDialogOptions[];
  dialogAnswer: { canceled: boolean; filePaths: string[] };
  permissionRequest: PermissionRequestHandler | null;
  permissionCheck: PermissionCheckHandler | null;
  sandboxEnabled: boolean;
  quits: number;
  /** Resolves with the URL of the first `loadURL` (start-up wiring complete); rejects if the app
   *  quits first. */
  firstLoad: Promise<string>;
  /** Emits an app event, e.g. 'window-all-closed'. */
  emitApp(event: string, ...args: unknown[]): void;
}

export function createFakeElectron(): FakeElectron {
  let ready = false;
  let signalLoad: (url: string) => void = () => {};
  let signalQuit: (error: Error) => void = () => {};
  const appEvents = new Emitter();
  const notReady = (what: string) => new Error(`${what} cannot be used before the app is ready`);

  const defaultSession = {
    setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
      fake.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler | null) {
      fake.permissionCheck = handler;
    },
  };

  class BrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    constructor(options: BrowserWindowConstructorOptions = {}) {
      super();
      if (!ready) throw notReady('BrowserWindow');
      const record = { options, webContents: this.webContents, loaded: [] as string[] };
      fake.windows.push(record);
      appEvents.emit('web-contents-created', { preventDefault() {} }, this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      fake.windows.find((w) => w.webContents === this.webContents)?.loaded.push(url);
      (this.webContents.mainFrame as { url: string }).url = url;
      signalLoad(url);
    }
    show(): void {}
    static getAllWindows(): BrowserWindow[] {
      return [];
    }
  }

  class Menu {
    constructor(readonly template: MenuItemConstructorOptions[]) {}
    static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu {
      return new Menu(template);
    }
    static setApplicationMenu(menu: Menu | null): void {
      fake.menuTemplate = menu?.template ?? null;
    }
  }

  const fake: FakeElectron = {
    module: {},
    windows: [],
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    menuTemplate: null,
    openedExternally: [],
    dialogCalls: 0,
    dialogOptions: [],
    dialogAnswer: { canceled: true, filePaths: [] },
    permissionRequest: null,
    permissionCheck: null,
    sandboxEnabled: false,
    quits: 0,
    firstLoad: new Promise((resolve, reject) => {
      signalLoad = resolve;
      signalQuit = reject;
    }),
    emitApp: (event, ...args) => appEvents.emit(event, ...args),
  };

  fake.module = {
    app: {
      whenReady: () =>
        Promise.resolve().then(() => {
          ready = true;
        }),
      quit: () => {
        fake.quits++;
        signalQuit(new Error('the app quit before it loaded a page'));
      },
      getVersion: () => '0.0.0-fake',
      on: (event: string, listener: Listener) => void appEvents.on(event, listener),
      enableSandbox: () => {
        if (ready) throw new Error('app.enableSandbox() must be called before the app is ready');
        fake.sandboxEnabled = true;
      },
    },
    BrowserWindow,
    Menu,
    session: {
      get defaultSession() {
        if (!ready) throw notReady('session.defaultSession');
        return defaultSession;
      },
    },
    protocol: {
      registerSchemesAsPrivileged(schemes: CustomScheme[]) {
        if (ready) throw new Error('registerSchemesAsPrivileged must be called before ready');
        fake.privilegedSchemes.push(...schemes);
      },
      handle(scheme: string, handler: ProtocolHandler) {
        if (!ready) throw notReady('protocol.handle');
        fake.protocolHandlers.set(scheme, handler);
      },
    },
    ipcMain: {
      handle(channel: string, listener: IpcListener) {
        if (fake.ipcHandlers.has(channel)) {
          throw new Error(`Attempted to register a second handler for '${channel}'`);
        }
        fake.ipcHandlers.set(channel, listener);
      },
    },
    dialog: {
      showOpenDialog: async (_window: unknown, options: OpenDialogOptions) => {
        fake.dialogCalls++;
        fake.dialogOptions.push(options);
        return fake.dialogAnswer;
      },
    },
    shell: {
      openExternal: async (url: string) => void fake.openedExternally.push(url),
    },
  };
  return fake;
}

const fakeId = '\0fake-electron';
type Resolver = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as {
  _resolveFilename: Resolver;
  _cache: Record<string, unknown>;
};

/**
 * Requires `file` afresh with `require('electron')` answered by `fake` (only while it loads and
 * for modules it loads; the hook is removed afterwards). `argv` replaces process.argv after the
 * executable until `fake.firstLoad`, the way Electron passes its command line.
 */
export async function loadWithFakeElectron(
  file: string,
  fake: FakeElectron,
  argv: string[] = [],
): Promise<void> {
  const original = moduleInternals._resolveFilename;
  const originalArgv = process.argv;
  const holder = new Module(fakeId);
  holder.exports = fake.module;
  holder.loaded = true;
  moduleInternals._cache[fakeId] = holder;
  moduleInternals._resolveFilename = function (request, ...rest) {
    return request === 'electron' ? fakeId : original.call(this, request, ...rest);
  };
  process.argv = [process.execPath, file, ...argv];
  try {
    delete moduleInternals._cache[file];
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh CJS load is the point
    require(file);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      fake.firstLoad,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${file} never loaded a page`)), 10_000);
      }),
    ]).finally(() => clearTimeout(timer));
  } finally {
    process.argv = originalArgv;
    moduleInternals._resolveFilename = original;
    delete moduleInternals._cache[fakeId];
    delete moduleInternals._cache[file];
  }
}

/** The IPC event Electron passes for an invoke from a frame at `url` (a sub-frame if `parent`). */
export function ipcEvent(url: string | null, parentUrl?: string): IpcMainInvokeEvent {
  const parent = parentUrl === undefined ? null : frame(parentUrl, null);
  return {
    sender: new FakeWebContents() as unknown as WebContents,
    senderFrame: url === null ? null : frame(url, parent),
  } as IpcMainInvokeEvent;
}
