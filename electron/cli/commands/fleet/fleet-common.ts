// What every `rwsec fleet` subcommand shares: the hosts of the inventory, and one SSH session
// that is always closed (master connections shut, socket folder removed). Their failures are
// UserFacingErrors, reported by the one CLI error door like every command's.
import { readFleet, type FleetHost } from '../../../services/fleet/inventory';
import { SshSession } from '../../../services/fleet/ssh-transport';

export async function hostsFrom(values: {
  inventory: string;
  limit: string | undefined;
}): Promise<FleetHost[]> {
  return readFleet(values.inventory, values.limit);
}

/** Runs `body` with an SSH session that is closed whatever happens, also on Ctrl+C. */
export async function withSession<T>(body: (session: SshSession) => Promise<T>): Promise<T> {
  const session = new SshSession();
  const onSignal = (signal: NodeJS.Signals) => {
    void session.close().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await body(session);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await session.close();
  }
}
