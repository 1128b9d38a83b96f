// The Fleet page's view of the host's fleet workspace: every action answers with the whole
// state; while the host reads or writes nodes, the state is polled for its progress.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentEditRequest } from '../../../shared/api/contract';
import type { FleetState } from '../../../shared/api/fleet-contract';
import { api } from '../../api/client';
import { recentInventories } from '../../app/recent-files';
import { errorText } from '../../components/use-async-action';

const pollMs = 300;

export interface FleetModel {
  state: FleetState | null;
  /** The last action's failure (a bad inventory path, a refused write). */
  error: string | null;
  busy: boolean;
  open(inventory: string, limit: string): Promise<void>;
  refresh(): Promise<void>;
  close(): Promise<void>;
  plan(edits: DocumentEditRequest[]): Promise<void>;
  apply(force: boolean): Promise<void>;
  discard(): Promise<void>;
  /** Opens the node's file in the editor; false when it failed (error says why). */
  edit(node: string): Promise<boolean>;
  /** The desktop's open dialog for an inventory: its path, or null (cancelled or failed). */
  pick(): Promise<string | null>;
}

export function useFleet(): FleetModel {
  const [state, setState] = useState<FleetState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const live = useRef(true);

  const act = useCallback(async (call: () => Promise<FleetState>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const next = await call();
      if (live.current) setState(next);
      return true;
    } catch (e) {
      if (live.current) setError(errorText(e));
      return false;
    } finally {
      if (live.current) setBusy(false);
    }
  }, []);

  useEffect(() => {
    live.current = true;
    void act(() => api['fleet.state']({}));
    return () => {
      live.current = false;
    };
  }, [act]);

  // While the host works, ask for its progress until it is done.
  const working = state?.activity !== null && state?.activity !== undefined;
  useEffect(() => {
    if (!working) return;
    const timer = setInterval(() => {
      api['fleet.state']({}).then(
        (next) => live.current && setState(next),
        (e: unknown) => live.current && setError(errorText(e)),
      );
    }, pollMs);
    return () => clearInterval(timer);
  }, [working]);

  const planId = state?.plan?.id;
  return {
    state,
    error,
    busy,
    open: async (inventory, limit) => {
      await act(async () => {
        const opened = await api['fleet.open']({
          inventory,
          ...(limit.trim() ? { limit: limit.trim() } : {}),
        });
        recentInventories.remember(opened.inventory ?? inventory);
        return opened;
      });
    },
    refresh: async () => void (await act(() => api['fleet.refresh']({}))),
    close: async () => void (await act(() => api['fleet.close']({}))),
    plan: async (edits) => void (await act(() => api['fleet.plan']({ edits }))),
    apply: async (force) => {
      if (planId) await act(() => api['fleet.apply']({ planId, force }));
    },
    discard: async () => void (await act(() => api['fleet.discard']({}))),
    pick: async () => {
      setError(null);
      try {
        return (await api['fleet.pick']({})).path;
      } catch (e) {
        setError(errorText(e));
        return null;
      }
    },
    edit: async (node) => {
      setError(null);
      try {
        await api['fleet.edit']({ node });
        return true;
      } catch (e) {
        setError(errorText(e));
        return false;
      }
    },
  };
}
