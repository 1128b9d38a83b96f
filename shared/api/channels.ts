// Channel names and bridge constants without the schemas, so the renderer bundle does not carry
// zod (the hosts validate; the UI only needs the names). contract.ts checks this list matches.
import { certsChannelNames } from './certs-channels';
import { fleetChannelNames } from './fleet-channels';
import { kitChannelNames } from './kit-channels';
import { chainChannelNames, keystoreChannelNames } from './keystore-channels';

export const channelNames = [
  'app.info',
  'config.state',
  'config.open',
  'config.pick',
  'config.edit',
  'config.undo',
  'config.redo',
  'config.diff',
  'config.review',
  'config.save',
  'config.reload',
  'file.check',
  ...keystoreChannelNames,
  ...chainChannelNames,
  ...kitChannelNames,
  ...certsChannelNames,
  ...fleetChannelNames,
] as const;

/** Name under which the preload exposes the API on `window`. */
export const bridgeKey = 'rwsApi';

/** IPC channel on which the desktop menu's commands reach the UI. */
export const menuChannel = 'menu.command';
export const menuCommands = ['open', 'save', 'undo', 'redo', 'find'] as const;
export type MenuCommand = (typeof menuCommands)[number];
