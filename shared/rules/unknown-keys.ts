// Unknown keys in the sections we own, and near misses of our keys where others' keys live too.
import { leafOf, mappingPaths, optionsIn, parentOf, sections } from '../catalog/options';
import { defineRule } from './rule';

/**
 * Legitimate keys that sit one or two edits away from one of ours; never "corrected".
 * (RWS reads many keys in these sections that this product does not own.)
 */
const legitimateNeighbours = new Set(['serverSettings.internalApiUrlV2']);

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** The known key `key` was probably meant to be, if any. `loose` allows more distance. */
export function nearMiss(
  key: string,
  known: readonly string[],
  loose: boolean,
): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    if (normalise(name) === normalise(key)) return name;
    const shortest = Math.min(key.length, name.length);
    const limit = loose
      ? Math.max(1, Math.floor(shortest / 4))
      : shortest >= 10
        ? 2
        : shortest >= 5
          ? 1
          : 0;
    // Lengths alone rule most keys out; the root of a real file has dozens of unrelated ones.
    if (limit === 0 || Math.abs(key.length - name.length) > limit) continue;
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function knownKeysIn(parent: string): string[] {
  const childSections = mappingPaths.filter((p) => parentOf(p) === parent).map(leafOf);
  return [...optionsIn(parent).map((o) => leafOf(o.path)), ...childSections];
}

export const unknownKeysRule = defineRule({
  name: 'unknown-keys',
  findings: {
    'unknown-key': {
      severity: 'warning',
      summary:
        'a key RWS does not read in ssl or crossOriginSettings, or a near miss of one of our keys elsewhere',
    },
  },
  check(view, report) {
    for (const section of sections) {
      const keys = view.keys(section.path);
      if (!keys) continue;
      const known = knownKeysIn(section.path);
      for (const key of keys) {
        if (known.includes(key)) continue;
        const path = section.path === '' ? key : `${section.path}.${key}`;
        if (legitimateNeighbours.has(path)) continue;
        const suggestion = nearMiss(key, known, section.strict);
        if (!suggestion && !section.strict) continue;
        const where = section.path === '' ? 'at the top level' : `in ${section.path}`;
        report({
          id: 'unknown-key',
          path,
          message: suggestion
            ? `Unknown key '${key}' ${where}: did you mean '${suggestion}'? RWS ignores '${key}'.`
            : `Unknown key '${key}' ${where}: RWS does not read it.`,
          fix: suggestion
            ? `Rename '${key}' to '${suggestion}' (keys are case-sensitive).`
            : `Remove '${key}', or check its spelling against: ${known.join(', ')}.`,
        });
      }
    }
  },
});
