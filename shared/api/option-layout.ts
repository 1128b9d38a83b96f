// Where in the file an option lives. Most options have one path; some have an older layout too
// (the catalog's `alternativeTo`, e.g. `enableSsl` top-level in the RWS guide and `jetty.enableSsl`
// in older GWS samples): a form edits where the file already has it, never adding a second key.
import { options } from '../catalog/options';

function alternativesOf(path: string): readonly string[] | undefined {
  const older = options.filter((o) => o.alternativeTo === path).map((o) => o.path);
  return older.length > 0 ? [path, ...older] : undefined;
}

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
    if (!Object.prototype.hasOwnProperty.call(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

export function valueAt(values: unknown, path: string): unknown {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The path to read and edit for catalog option `optionPath` in this document. */
export function effectivePath(optionPath: string, values: unknown): string {
  const candidates = alternativesOf(optionPath);
  if (!candidates) return optionPath;
  return candidates.find((p) => hasPath(values, p)) ?? optionPath;
}

/** Every path a catalog option may occupy (for "which keys do the forms cover"). */
export function layoutPaths(optionPath: string): readonly string[] {
  return alternativesOf(optionPath) ?? [optionPath];
}

/** Dotted paths of all leaves (scalars, lists, empty maps) of a plain value. */
export function leafPaths(values: unknown, prefix = ''): string[] {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    return prefix === '' ? [] : [prefix];
  }
  const keys = Object.keys(values);
  if (keys.length === 0) return prefix === '' ? [] : [prefix];
  return keys.flatMap((key) =>
    leafPaths((values as Record<string, unknown>)[key], prefix === '' ? key : `${prefix}.${key}`),
  );
}

/** Leaf keys of `values` that none of `optionPaths` covers. */
export function uncoveredLeaves(values: unknown, optionPaths: readonly string[]): string[] {
  const covered = new Set(optionPaths.flatMap((p) => layoutPaths(p)));
  return leafPaths(values).filter((leaf) => {
    if (covered.has(leaf)) return false;
    // A leaf under an option (e.g. a list option given as a YAML sequence) is covered by it.
    for (const path of covered) if (leaf.startsWith(`${path}.`)) return false;
    return true;
  });
}
