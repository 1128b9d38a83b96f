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

export function useAsyncAction(): AsyncAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T>(operation: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await operation();
    } catch (e) {
      setError(errorText(e));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, setError, clearError };
}
