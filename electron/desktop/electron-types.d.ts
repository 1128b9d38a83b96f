// A minimal, hand-written declaration of the parts of Electron's API this app uses.
// Why: Electron is an optional dependency whose install downloads a binary; where that download is
// impossible (our build machines) the package, and with it its own typings, is absent, yet
// `tsc --noEmit` must pass everywhere. This shim keeps the desktop code type-checked against the
// real call shapes (copied from Electron's API docs); when Electron is installed, an ambient module
// declaration still wins over the package's typings, so this file remains the one source.
// Add members here only as the code starts using them.
declare module 'electron' {
  interface Event {
    preventDefault(): void;
  }

  interface WebFrameMain {
    url: string;
    parent: WebFrameMain | null;
  }

  interface WebPreferences {
    preload?: string;
    sandbox?: boolean;
    contextIsolation?: boolean;
    nodeIntegration?: boolean;
    nodeIntegrationInSubFrames?: boolean;
    nodeIntegrationInWorker?: boolean;
    webviewTag?: boolean;
    webSecurity?: boolean;
    allowRunningInsecureContent?: boolean;
    experimentalFeatures?: boolean;
    navigateOnDragDrop?: boolean;
    spellcheck?: boolean;
    devTools?: boolean;
  }

  interface WebContents {
    id: number;
    mainFrame: WebFrameMain;
    send(channel: string, ...args: unknown[]): void;
    on(
      event: 'will-navigate' | 'will-redirect',
      listener: (event: Event, url: string) => void,
    ): this;
    on(event: 'will-attach-webview', listener: (event: Event) => void): this;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
    getLastWebPreferences(): WebPreferences | null;
  }

  interface BrowserWindowOptions {
    width?: number;
    height?: number;
    minWidth?: number;
    minHeight?: number;
    title?: string;
    show?: boolean;
    backgroundColor?: string;
    webPreferences?: WebPreferences;
  }

  class BrowserWindow {
    constructor(options?: BrowserWindowOptions);
    webContents: WebContents;
    loadURL(url: string): Promise<void>;
    show(): void;
    once(event: 'ready-to-show', listener: () => void): this;
    on(event: 'closed', listener: () => void): this;
    static getAllWindows(): BrowserWindow[];
  }

  interface PermissionSession {
    setPermissionRequestHandler(
      handler:
        | ((wc: WebContents, permission: string, callback: (granted: boolean) => void) => void)
        | null,
    ): void;
    setPermissionCheckHandler(
      handler: ((wc: WebContents | null, permission: string) => boolean) | null,
    ): void;
  }

  const session: { defaultSession: PermissionSession };

  interface IpcMainInvokeEvent {
    sender: WebContents;
    senderFrame: WebFrameMain | null;
  }

  const ipcMain: {
    handle(
      channel: string,
      listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
    ): void;
  };

  interface IpcRendererEvent {
    sender: unknown;
  }

  const ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): void;
    removeListener(
      channel: string,
      listener: (event: IpcRendererEvent, ...args: unknown[]) => void,
    ): void;
  };

  const contextBridge: {
    exposeInMainWorld(key: string, api: unknown): void;
  };

  interface CustomScheme {
    scheme: string;
    privileges?: {
      standard?: boolean;
      secure?: boolean;
      supportFetchAPI?: boolean;
      corsEnabled?: boolean;
      stream?: boolean;
    };
  }

  const protocol: {
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  };

  const app: {
    whenReady(): Promise<void>;
    quit(): void;
    getVersion(): string;
    on(event: 'window-all-closed', listener: () => void): void;
    on(
      event: 'web-contents-created',
      listener: (event: Event, contents: WebContents) => void,
    ): void;
    enableSandbox(): void;
  };

  const dialog: {
    showOpenDialog(
      window: BrowserWindow,
      options: {
        title?: string;
        properties?: Array<'openFile'>;
        filters?: Array<{ name: string; extensions: string[] }>;
      },
    ): Promise<{ canceled: boolean; filePaths: string[] }>;
  };

  const shell: { openExternal(url: string): Promise<void> };

  interface MenuItemOptions {
    label?: string;
    role?: string;
    accelerator?: string;
    type?: 'normal' | 'separator' | 'submenu';
    click?: () => void;
    submenu?: MenuItemOptions[];
  }

  class Menu {
    static buildFromTemplate(template: MenuItemOptions[]): Menu;
    static setApplicationMenu(menu: Menu | null): void;
  }
}
