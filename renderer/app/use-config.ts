// The UI's view of the editing session. Field changes show at once (a local overlay) and are sent
// to the main side ~150 ms after the last keystroke as one batch; the answer carries fresh values
// and diagnostics, and the overlay entries it covers are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ConfigState,
  DocumentEditRequest,
  SaveResult,
  SaveReview,
} from '../../shared/api/contract';
import { valueAt } from '../../shared/api/option-layout';
import { api } from '../api/client';
import { errorText, useAsyncAction } from '../components/use-async-action';
import { recentConfigs } from './recent-files';

export const editDelayMs = 150;

/** A pending field value; `deleted` removes the key (the server default applies). */
type Pending = { value: unknown; deleted: boolean; seq: number };

export type Phase = 'loading' | 'ready' | 'unreachable';

export interface ConfigModel {
  phase: Phase;
  state: ConfigState | null;
  /** Last failure of an action, shown in a snackbar; cleared by `dismissError`. */
  error: string | null;
  busy: boolean;
  /** Edits typed but not yet answered by the main side. */
  pendingEdits: boolean;
  valueOf(path: string): unknown;
  setValue(path: string, value: unknown): void;
  deleteValue(path: string): void;
  open(path: string): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  diff(): Promise<string | null>;
  /** Saves; `acceptErrors` is the number of new errors the user accepted in the review. */
  save(force: boolean, acceptErrors?: number): Promise<SaveResult | null>;
  /** What the save would leave (errors, warnings, which are new), for the review dialog. */
  review(): Promise<SaveReview | null>;
  /** Reads the session again (after the main process changed it, e.g. a kit's values). */
  refresh(): Promise<void>;
  reload(): Promise<void>;
  dismissError(): void;
}

export function useConfig(): ConfigModel {
  const [phase, setPhase] = useState<Phase>('loading');
  const [state, setState] = useState<ConfigState | null>(null);
  const action = useAsyncAction({ keepError: true });
  const { setError, run: runAction } = action;
  const [pending, setPending] = useState<Record<string, Pending>>({});
  const pendingRef = useRef<Record<string, Pending>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);
  const inflight = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    api['config.state']({}).then(
      (s) => {
        if (!live) return;
        setState(s);
        setPhase('ready');
        if (s.file) recentConfigs.remember(s.file);
      },
      (e: unknown) => {
        if (!live) return;
        setError(errorText(e));
        setPhase('unreachable');
      },
    );
    return () => {
      live = false;
    };
  }, [setError]);

  const replacePending = (next: Record<string, Pending>) => {
    pendingRef.current = next;
    setPending(next);
  };

  const send = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const batch = pendingRef.current;
    const entries = Object.entries(batch);
    if (entries.length === 0) return inflight.current;
    const edits: DocumentEditRequest[] = entries.map(([path, p]) =>
      p.deleted ? { path, delete: true } : { path, value: p.value },
    );
    const run = async () => {
      try {
        setState(await api['config.edit']({ edits }));
      } catch (e) {
        setError(errorText(e));
      } finally {
        // Keep entries typed after this batch left; drop the ones it carried.
        const rest = Object.fromEntries(
          Object.entries(pendingRef.current).filter(([path, p]) => batch[path]?.seq !== p.seq),
        );
        replacePending(rest);
      }
    };
    inflight.current = inflight.current.then(run);
    return inflight.current;
  }, [setError]);

  const schedule = useCallback(
    (path: string, entry: Omit<Pending, 'seq'>) => {
      seq.current += 1;
      replacePending({ ...pendingRef.current, [path]: { ...entry, seq: seq.current } });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void send(), editDelayMs);
    },
    [send],
  );

  // An action answers for the document as typed: the edits still waiting for their batch go first.
  const act = useCallback(
    async <T>(operation: () => Promise<T>): Promise<T | null> => {
      await send();
      return runAction(operation);
    },
    [send, runAction],
  );

  const valueOf = useCallback(
    (path: string) => {
      const p = pending[path];
      if (p) return p.deleted ? undefined : p.value;
      return valueAt(state?.values, path);
    },
    [pending, state],
  );

  return {
    phase,
    state,
    error: action.error,
    busy: action.busy,
    pendingEdits: Object.keys(pending).length > 0,
    valueOf,
    setValue: (path, value) => schedule(path, { value, deleted: false }),
    deleteValue: (path) => schedule(path, { value: undefined, deleted: true }),
    open: async (path) => {
      replacePending({});
      const next = await act(() => api['config.open']({ path }));
      if (next) {
        setState(next);
        recentConfigs.remember(next.file ?? path);
      }
      return next !== null;
    },
    undo: async () => {
      const next = await act(() => api['config.undo']({}));
      if (next) setState(next);
    },
    redo: async () => {
      const next = await act(() => api['config.redo']({}));
      if (next) setState(next);
    },
    diff: async () => (await act(() => api['config.diff']({})))?.diff ?? null,
    save: async (force, acceptErrors) => {
      const result = await act(() =>
        api['config.save']({ force, ...(acceptErrors !== undefined ? { acceptErrors } : {}) }),
      );
      if (result?.saved) setState(result.state);
      return result;
    },
    review: () => act(() => api['config.review']({})),
    refresh: async () => {
      const next = await act(() => api['config.state']({}));
      if (next) setState(next);
    },
    reload: async () => {
      replacePending({});
      const next = await act(() => api['config.reload']({}));
      if (next) setState(next);
    },
    dismissError: action.clearError,
  };
}
