// The busy/error pattern of pages and wizards in one place: an async action runs with one busy
// flag, and its failure becomes one message for an Alert instead of an uncaught rejection.
import { useCallback, useState } from 'react';

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface AsyncAction {
  busy: boolean;
  error: string | null;
  /** Runs `operation`; resolves to its result, or null when it failed (the error is kept). */
  run<T>(operation: () => Promise<T>): Promise<T | null>;
  setError(message: string | null): void;
  clearError(): void;
}

export interface AsyncActionOptions {
  /**
   * A new run leaves the last failure's message standing until it fails itself or the user
   * dismisses it (a message in a snackbar, not an Alert beside the action that replaces it).
   */
  keepError?: boolean;
}

export function useAsyncAction({ keepError = false }: AsyncActionOptions = {}): AsyncAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <T>(operation: () => Promise<T>): Promise<T | null> => {
      setBusy(true);
      if (!keepError) setError(null);
      try {
        return await operation();
      } catch (e) {
        setError(errorText(e));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [keepError],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, setError, clearError };
}
