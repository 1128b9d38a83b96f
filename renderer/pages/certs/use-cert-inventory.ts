// Where the Certificates page's inventory comes from: the open configuration (`rwsec certs
// --config`), or, when the Fleet page has an inventory open, every node of it (`rwsec certs -i`).
import { useCallback, useEffect, useState } from 'react';
import type { Response } from '../../../shared/api/contract';
import { api } from '../../api/client';

export type Inventory = NonNullable<Response<'certs.inventory'>['inventory']>;
export type Source = 'config' | 'fleet';

export interface CertInventory {
  inventory: Inventory | null | undefined;
  error: string | null;
  loading: boolean;
  source: Source;
  setSource(source: Source): void;
  /** The open fleet inventory, with its node count; null when none is open. */
  fleet: { inventory: string; nodes: number } | null;
  reload(): void;
}

export function useCertInventory(warnDays: number, configText: string | undefined): CertInventory {
  const [fleet, setFleet] = useState<CertInventory['fleet']>(null);
  const [source, setSource] = useState<Source>('config');
  const [inventory, setInventory] = useState<Inventory | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [round, setRound] = useState(0);

  useEffect(() => {
    api['fleet.state']({}).then(
      (s) => {
        if (s.inventory === null) return;
        setFleet({ inventory: s.inventory, nodes: s.nodes.length });
        setSource('fleet');
      },
      () => undefined,
    );
  }, []);

  // Again whenever the config text changes: an edited path or password changes the inventory.
  useEffect(() => {
    let live = true;
    setLoading(true);
    const call =
      source === 'fleet' ? api['certs.fleet']({ warnDays }) : api['certs.inventory']({ warnDays });
    call.then(
      (r) => {
        if (!live) return;
        setInventory(r.inventory);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [source, warnDays, configText, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { inventory, error, loading, source, setSource, fleet, reload };
}
