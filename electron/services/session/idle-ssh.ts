// One SSH session (multiplexed masters, private socket folder) shared by the app's fleet work and
// closed once nothing used it for a while, so no master connection or socket folder outlives the
// work it was for. `closeIdleSsh()` shuts every one of them when the host stops.
import { SshSession } from '../fleet/ssh-transport';

const live = new Set<IdleSsh>();

export class IdleSsh {
  private session: SshSession | undefined;
  private users = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly idleMs = 20_000) {}

  async use<T>(work: (session: SshSession) => Promise<T>): Promise<T> {
    clearTimeout(this.timer);
    this.session ??= new SshSession();
    live.add(this);
    this.users++;
    try {
      return await work(this.session);
    } finally {
      this.users--;
      if (this.users === 0) {
        this.timer = setTimeout(() => void this.close(), this.idleMs);
        this.timer.unref();
      }
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    const session = this.session;
    this.session = undefined;
    live.delete(this);
    await session?.close();
  }
}

/** Closes every fleet SSH session of this process (the host is stopping). */
export async function closeIdleSsh(): Promise<void> {
  await Promise.all([...live].map((s) => s.close()));
}
