// The renderer's one way to the main side: the desktop preload's bridge when present, otherwise
// the HTTP client of `rwsec serve`. Both have the contract's type.
import { bridgeKey, type MenuCommand } from '../../shared/api/channels';
import type { DesktopBridge, RwsApi } from '../../shared/api/contract';
import { createHttpApi } from './http-client';

function desktopBridge(): DesktopBridge | undefined {
  return (window as unknown as Record<string, DesktopBridge | undefined>)[bridgeKey];
}

export const api: RwsApi = desktopBridge() ?? createHttpApi();

export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return desktopBridge()?.onMenuCommand(listener) ?? (() => undefined);
}
