// The tail every kit wizard shares: plan (what would be written) -> run (files written, values
// applied to the open session) -> the pending diff -> verify (the written files checked), with one
// busy flag and one error for all of it.
import { useEffect, useReducer, useRef } from 'react';
import type { ConfigModel } from '../../app/use-config';
import { useAsyncAction } from '../../components/use-async-action';
import { showKitValues, type Check, type KitResult } from './wizard-parts';

interface KitState {
  plan: KitResult | null;
  done: KitResult | null;
  diff: string | null;
  checks: Check[] | null;
}

const empty: KitState = { plan: null, done: null, diff: null, checks: null };

export function useKitFlow(model: ConfigModel) {
  const action = useAsyncAction();
  const [state, patch] = useReducer(
    (s: KitState, p: Partial<KitState>): KitState => ({ ...s, ...p }),
    empty,
  );
  const { run } = action;
  return {
    ...state,
    busy: action.busy,
    error: action.error,
    clearError: action.clearError,
    run,
    /** Asks for the plan; true when there is one to review. */
    async makePlan(ask: () => Promise<KitResult>): Promise<boolean> {
      const plan = await run(ask);
      if (plan) patch({ plan, done: null, checks: null });
      return plan !== null;
    },
    /** Writes the files; true when written (the values are then pending in the open session). */
    async write(kit: () => Promise<KitResult>): Promise<boolean> {
      const done = await run(async () => {
        const result = await kit();
        patch({ done: result, diff: await showKitValues(model, result), checks: null });
        return result;
      });
      return done !== null;
    },
    async verify(check: () => Promise<Check[]>): Promise<void> {
      const checks = await run(check);
      if (checks) patch({ checks });
    },
    reset(): void {
      action.clearError();
      patch(empty);
    },
  };
}

export type KitFlow = ReturnType<typeof useKitFlow>;

/** Runs the checks once per written result, when the verify step is shown. */
export function useVerifyOnShow(
  flow: KitFlow,
  shown: boolean,
  check: () => Promise<Check[]>,
): void {
  const latest = useRef(check);
  latest.current = check;
  const checkedFor = useRef<KitResult | null>(null);
  const { done, verify } = flow;
  useEffect(() => {
    if (!shown || !done || checkedFor.current === done) return;
    checkedFor.current = done;
    void verify(() => latest.current());
  }, [shown, done, verify]);
}
