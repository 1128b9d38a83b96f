// The drift matrix's cells: for every differing key, each node's group (A, B, ...) and value as
// shown (secrets never: they are compared by equality only), and whether the cell stands out
// from the value most nodes hold.
import type { FleetState } from '../../../shared/api/fleet-contract';

type Drift = FleetState['drift'][number];

export interface DriftCell {
  group: string;
  shown: string;
  /** Not the value most nodes hold (the first, largest group). */
  differs: boolean;
}

export function groupLetter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `G${index + 1}`;
}

export function shownValue(drift: Drift, group: Drift['groups'][number]): string {
  if (group.absent) return '(not set)';
  if (drift.secret) return '•••••••• (secret)';
  const v = group.value;
  if (v === null || v === undefined) return '(empty)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Cells by node name; a node missing from every group was not read. */
export function driftCells(drift: Drift): Map<string, DriftCell> {
  const largest = drift.groups.reduce(
    (best, g, i) => (g.nodes.length > (drift.groups[best]?.nodes.length ?? 0) ? i : best),
    0,
  );
  const cells = new Map<string, DriftCell>();
  drift.groups.forEach((group, i) => {
    for (const node of group.nodes) {
      cells.set(node, {
        group: groupLetter(i),
        shown: shownValue(drift, group),
        differs: i !== largest,
      });
    }
  });
  return cells;
}

/**
 * `A: 2 nodes; B: 1 node`: how many nodes hold each value. The columns say which nodes (by the
 * letter in each cell); naming them here again grows long with real host names.
 */
export function groupsText(drift: Drift): string {
  return drift.groups
    .map(
      (g, i) => `${groupLetter(i)}: ${g.nodes.length} ${g.nodes.length === 1 ? 'node' : 'nodes'}`,
    )
    .join('; ');
}
