// Every IPC handler goes through here: the sender must be the top frame of our app:// page, the
// arguments are parsed with the contract's schema, and errors come back as a plain message
// envelope (Electron would otherwise prefix "Error invoking remote method ...").
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels, type ApiHandlers } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { isAppUrl } from './app-origin';

export type IpcResult = { ok: true; value: unknown } | { ok: false; message: string };

export function senderAllowed(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpc(handlers: ApiHandlers, log: (line: string) => void): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, raw): Promise<IpcResult> => {
      if (!senderAllowed(event)) {
        log(`ipc: refused ${channel} from a frame outside the app`);
        return { ok: false, message: 'Refused: this request did not come from the app window.' };
      }
      try {
        return { ok: true, value: await dispatch(handlers, channel, raw) };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    });
  }
}
