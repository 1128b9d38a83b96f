// The nav badges: how many diagnostics (and errors among them) each page shows.
import type { ApiDiagnostic } from '../../shared/api/contract';
import { pages, type PageEntry, type PageId } from './pages';
import { optionForPath } from './sections';

export type ProblemCounts = Partial<Record<PageId, { errors: number; total: number }>>;

function counts(entry: PageEntry, d: ApiDiagnostic): boolean {
  if (entry.problems === 'all') return true;
  const section = optionForPath(d.path)?.section;
  if (entry.problems === 'unplaced') return section === undefined;
  return entry.problems === 'section' && section === entry.section;
}

export function problemCounts(diagnostics: readonly ApiDiagnostic[]): ProblemCounts {
  const result: ProblemCounts = {};
  for (const entry of pages) {
    if (!('problems' in entry)) continue;
    const mine = diagnostics.filter((d) => counts(entry, d));
    if (mine.length === 0) continue;
    result[entry.id] = {
      total: mine.length,
      errors: mine.filter((d) => d.severity === 'error').length,
    };
  }
  return result;
}
