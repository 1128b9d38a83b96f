// How a check's mark reads and looks: the symbol and the word carry it, colour only adds to it.
import type { Check, Mark } from '../../../shared/tls/verdicts';

export const markSymbol: Record<Mark, string> = { ok: '✓', fail: '✗', warn: '!', info: '·' };
export const markWord: Record<Mark, string> = {
  ok: 'ok',
  fail: 'problem',
  warn: 'warning',
  info: 'note',
};
export const markColor: Record<Mark, 'success' | 'error' | 'warning' | 'info'> = {
  ok: 'success',
  fail: 'error',
  warn: 'warning',
  info: 'info',
};

export function worstMark(checks: readonly Pick<Check, 'mark'>[]): Mark {
  if (checks.some((c) => c.mark === 'fail')) return 'fail';
  if (checks.some((c) => c.mark === 'warn')) return 'warn';
  return 'ok';
}
