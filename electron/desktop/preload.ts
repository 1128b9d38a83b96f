// Preload (sandboxed): exposes the API contract's named functions and the menu subscription,
// nothing else; no ipcRenderer reaches the page. Bundled to one file (dist/desktop/preload.cjs).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  bridgeKey,
  channelNames,
  menuChannel,
  menuCommands,
  type MenuCommand,
} from '../../shared/api/channels';
import type { DesktopBridge } from '../../shared/api/contract';

type IpcResult = { ok: true; value: unknown } | { ok: false; message: string };

async function invoke(channel: string, request: unknown): Promise<unknown> {
  const result = (await ipcRenderer.invoke(channel, request)) as IpcResult;
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const api = Object.fromEntries(
  channelNames.map((channel) => [channel, (request: unknown) => invoke(channel, request ?? {})]),
);

const bridge = {
  ...api,
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && (menuCommands as readonly string[]).includes(command)) {
        listener(command as MenuCommand);
      }
    };
    ipcRenderer.on(menuChannel, wrapped);
    return () => ipcRenderer.removeListener(menuChannel, wrapped);
  },
} as DesktopBridge;

contextBridge.exposeInMainWorld(bridgeKey, bridge);
