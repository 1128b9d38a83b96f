// The Fleet page's channels over one FleetWorkspace, and the fleet's certificates for the
// Certificates page (`rwsec certs -i`): every node's inventory, one table sorted by days left.
import type { ApiHandlers } from '../../shared/api/contract';
import type { Inventory } from '../../shared/certs/inventory';
import { fleetInventories } from '../services/certs/fleet-inventory';
import type { EditingSession } from '../services/session/editing-session';
import type { FleetWorkspace } from '../services/session/fleet-workspace';
import { remoteLabel, remoteSource } from '../services/session/remote-file-store';

type FleetChannels =
  | 'fleet.state'
  | 'fleet.open'
  | 'fleet.refresh'
  | 'fleet.close'
  | 'fleet.plan'
  | 'fleet.apply'
  | 'fleet.discard'
  | 'fleet.edit'
  | 'fleet.pick'
  | 'certs.fleet';

/** One inventory of the whole fleet: every node's certificates, soonest expiry first. */
export function mergeInventories(source: string, inventories: Inventory[], now: Date): Inventory {
  return {
    config: source,
    node: 'fleet',
    takenAt: inventories[0]?.takenAt ?? now.toISOString(),
    warnDays: inventories[0]?.warnDays ?? 30,
    certificates: inventories
      .flatMap((i) => i.certificates)
      .sort((a, b) => a.daysLeft - b.daysLeft || a.node.localeCompare(b.node)),
    errors: inventories.flatMap((i) => i.errors),
    cacerts: inventories.flatMap((i) => i.cacerts),
  };
}

export function createFleetHandlers(
  session: EditingSession,
  fleet: FleetWorkspace,
  pickInventory: () => Promise<{ path: string | null }>,
): Pick<ApiHandlers, FleetChannels> {
  return {
    'fleet.state': async () => fleet.state(),
    'fleet.open': ({ inventory, limit }) =>
      fleet.open(session.resolvePath(inventory), limit ?? undefined),
    'fleet.refresh': async () => fleet.refresh(),
    'fleet.close': () => fleet.close(),
    'fleet.plan': async ({ edits }) => fleet.plan(edits),
    'fleet.apply': async ({ planId, force }) => fleet.apply(planId, force ?? false),
    'fleet.discard': async () => fleet.discard(),
    'fleet.edit': async ({ node }) => {
      const host = fleet.host(node);
      const file = remoteLabel(host);
      await session.openFrom(
        file,
        remoteSource(fleet.ssh, host, () => fleet.nodeSaved(host)),
      );
      return { file };
    },
    'fleet.pick': () => pickInventory(),
    'certs.fleet': async ({ warnDays }) => {
      const source = fleet.state().inventory;
      const hosts = fleet.openHosts();
      if (source === null || hosts.length === 0) return { inventory: null };
      const now = new Date();
      const inventories = await fleet.ssh.use((s) =>
        fleetInventories(s, hosts, { now, ...(warnDays !== undefined ? { warnDays } : {}) }),
      );
      return { inventory: mergeInventories(source, inventories, now) };
    },
  };
}
