// The API contract implemented over an editing session: shared by the Electron IPC handlers and
// the `rwsec serve` HTTP host, so both front doors behave the same.
import type { ApiHandlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/dispatch';
import type { EditingSession } from '../services/session/editing-session';
import { checkFile } from '../services/session/file-check';
import { createKeystoreHandlers } from './keystore-handlers';
import { createChainHandlers } from './chain-handlers';
import { createKitHandlers } from './kit-handlers';
import { createCertsHandlers } from './certs-handlers';
import { createMapHandlers } from './map-handlers';
import { createFleetHandlers } from './fleet-handlers';
import { FleetWorkspace } from '../services/session/fleet-workspace';
import { guardedAll } from './api-errors';
import type { HeavyWork } from '../services/heavy/heavy-work';
import { inlineWork } from '../services/heavy/inline-work';

/** What the user is asked to choose: a config, or an Ansible inventory for the Fleet page. */
export type PickKind = 'config' | 'inventory';

export interface HostInfo {
  version: string;
  mode: 'desktop' | 'browser';
  /** Desktop only: shows the native open dialog; null when cancelled. */
  pickFile?: (kind: PickKind) => Promise<string | null>;
  /**
   * Where key generation, store decryption and encoding and the kits run: the host's worker pool
   * (services/heavy/worker-pool.ts), so one heavy request never stalls the others. Default: this
   * thread (tests, and hosts that serve one request at a time).
   */
  work?: HeavyWork;
}

/** The one way every channel asks for a file: the desktop's dialog; `rwsec serve` has none. */
export function filePicker(host: HostInfo) {
  return async (kind: PickKind): Promise<{ path: string | null }> => {
    if (!host.pickFile) {
      throw new ApiError(
        'unavailable',
        'The file dialog exists only in the desktop app: type the path instead.',
      );
    }
    return { path: await host.pickFile(kind) };
  };
}

export function createApiHandlers(
  session: EditingSession,
  host: HostInfo,
  fleet: FleetWorkspace = new FleetWorkspace(),
): ApiHandlers {
  const work = host.work ?? inlineWork;
  const pick = filePicker(host);
  // The door translates the engines' errors once, for every channel.
  return guardedAll<ApiHandlers>({
    'app.info': async () => ({ version: host.version, mode: host.mode }),
    'config.state': () => session.state(),
    'config.open': ({ path }) => session.open(path),
    'config.pick': () => pick('config'),
    'config.edit': ({ edits }) => session.edit(edits),
    'config.undo': () => session.undo(),
    'config.redo': () => session.redo(),
    'config.diff': async () => ({ diff: await session.diff() }),
    'config.review': () => session.review(),
    'config.save': ({ force, acceptErrors }) => session.save(force ?? false, acceptErrors),
    'config.reload': () => session.reload(),
    'file.check': ({ path }) => checkFile(session.resolvePath(path)),
    ...createKeystoreHandlers(session, work),
    ...createChainHandlers(session, work),
    ...createKitHandlers(session, work),
    ...createMapHandlers(session),
    ...createCertsHandlers(session),
    ...createFleetHandlers(session, fleet, () => pick('inventory')),
  });
}
