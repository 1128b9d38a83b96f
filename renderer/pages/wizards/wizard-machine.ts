// The one step machine of the wizards: named steps in order, next/back/go as reducer actions, and
// the form values of a wizard in one reducer instead of a useState per field. Each wizard says
// which steps may go back (none after files were written) and what blocks Next on a step.
import { useCallback, useMemo, useReducer } from 'react';

export interface WizardStep<Id extends string> {
  id: Id;
  label: string;
}

type StepAction<Id extends string> =
  { type: 'next' } | { type: 'back' } | { type: 'go'; to: Id } | { type: 'reset' };

export function stepReducer<Id extends string>(steps: readonly WizardStep<Id>[]) {
  const ids = steps.map((s) => s.id);
  return (current: Id, action: StepAction<Id>): Id => {
    const at = ids.indexOf(current);
    switch (action.type) {
      case 'next':
        return ids[Math.min(at + 1, ids.length - 1)] ?? current;
      case 'back':
        return ids[Math.max(at - 1, 0)] ?? current;
      case 'go':
        return ids.includes(action.to) ? action.to : current;
      case 'reset':
        return ids[0] ?? current;
    }
  };
}

export interface StepMachine<Id extends string> {
  step: Id;
  /** Index of the current step, for the stepper. */
  index: number;
  labels: string[];
  next(): void;
  back(): void;
  go(to: Id): void;
  reset(): void;
}

export function useStepMachine<Id extends string>(
  steps: readonly WizardStep<Id>[],
  first?: Id,
): StepMachine<Id> {
  const reducer = useMemo(() => stepReducer(steps), [steps]);
  const [step, dispatch] = useReducer(reducer, first ?? (steps[0]?.id as Id));
  const next = useCallback(() => dispatch({ type: 'next' }), []);
  const back = useCallback(() => dispatch({ type: 'back' }), []);
  const go = useCallback((to: Id) => dispatch({ type: 'go', to }), []);
  const reset = useCallback(() => dispatch({ type: 'reset' }), []);
  return {
    step,
    index: steps.findIndex((s) => s.id === step),
    labels: steps.map((s) => s.label),
    next,
    back,
    go,
    reset,
  };
}

/** A wizard's form: all its values in one object, changed one field (or a few) at a time. */
export function useFormValues<T extends object>(initial: () => T) {
  const [values, dispatch] = useReducer(
    (state: T, patch: Partial<T>): T => ({ ...state, ...patch }),
    undefined,
    initial,
  );
  const set = useCallback(
    <K extends keyof T>(key: K, value: T[K]) => dispatch({ [key]: value } as unknown as Partial<T>),
    [],
  );
  return { values, set, patch: dispatch };
}
