// `rwsec certs -i INVENTORY`: the certificate inventory of every node of a fleet, read with fleet
// mode's inventory reader and SSH session.
import { inventoryExitCode, type Inventory } from '../../../shared/certs/inventory';
import { fleetInventories } from '../../services/certs/fleet-inventory';
import { formatInventory } from '../../services/certs/inventory-table';
import { terminalSafe } from '../../../shared/terminal-safe';
import { EXIT_UNREADABLE, type CliIo } from '../command';
import type { CertsValues } from './certs';
import { hostsFrom, withSession } from './fleet/fleet-common';
import { forksFrom } from './fleet/fleet-options';

export async function runFleetCerts(
  values: CertsValues & { inventory: string },
  warnDays: number,
  io: CliIo,
): Promise<number> {
  const hosts = await hostsFrom(values);
  const inventories = await withSession((session) =>
    fleetInventories(session, hosts, {
      warnDays,
      forks: forksFrom(values),
      probe: values.probe === true,
    }),
  );
  return report(inventories, values, io);
}

async function report(inventories: Inventory[], values: CertsValues, io: CliIo): Promise<number> {
  for (const inv of inventories)
    for (const e of inv.errors)
      io.err(`rwsec certs: ${terminalSafe(`${inv.node}: error: ${e.message}`)}\n`);
  if (values.prometheus !== undefined) {
    const { resolve } = await import('node:path');
    const { writeMetricsFile } = await import('../../services/certs/metrics-file');
    const failed = await writeMetricsFile(resolve(values.prometheus), inventories);
    if (failed !== undefined) {
      io.err(`rwsec certs: ${failed}\n`);
      return EXIT_UNREADABLE;
    }
  }
  if (values.json) io.out(JSON.stringify(inventories, null, 2) + '\n');
  else
    io.out(
      inventories
        .map((inv) => `${terminalSafe(`== ${inv.node} ${inv.config}`)}\n${formatInventory(inv)}`)
        .join('\n'),
    );
  return Math.max(0, ...inventories.map(inventoryExitCode));
}
