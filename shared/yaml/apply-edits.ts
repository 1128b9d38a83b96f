// Applies a list of edits: plans splices against one parse for as many edits as can share it,
// re-parses once per batch, and checks that every edit reads back as intended (so a document
// that would not re-parse to the intended values never leaves this layer).
import { isMap, isScalar } from 'yaml';
import type { DocumentEdit } from './document';
import { DocumentEditError, YamlSyntaxError } from './errors';
import {
  isMergeKey,
  keyMatches,
  ownNode,
  planDelete,
  planSet,
  type EditContext,
  type KeyPlace,
} from './edit-plan';
import { UnsupportedValueError } from './render';
import { applySplices, type Splice } from './text-lines';

export interface EditTarget {
  readonly text: string;
  editContext(): EditContext;
  get(path: string): unknown;
  /** True when the key at `path` is written in the text itself (not merged, not aliased). */
  hasOwn(path: string): boolean;
}

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]))
    );
  }
  return false;
}

/**
 * Setting a mapping onto an existing mapping becomes one edit per key, so the comments, order and
 * style of the keys that stay are kept.
 */
function expand(target: EditTarget, edit: DocumentEdit): DocumentEdit[] {
  if ('delete' in edit || !isPlainObject(edit.value)) return [edit];
  const entries = Object.entries(edit.value);
  if (entries.length === 0 || entries.some(([k]) => k === '' || k.includes('.'))) return [edit];
  const node = ownNode(target.editContext().doc, splitPath(edit.path));
  if (!isMap(node)) return [edit];
  const wanted = new Set(entries.map(([k]) => k));
  const removed = node.items
    .filter((p) => !isMergeKey(p.key) && ![...wanted].some((k) => keyMatches(p.key, k)))
    .map((p) => ({ path: `${edit.path}.${keyName(p.key)}`, delete: true as const }));
  return [
    ...entries.flatMap(([k, v]) => expand(target, { path: `${edit.path}.${k}`, value: v })),
    ...removed,
  ];
}

function keyName(key: unknown): string {
  if (!isScalar(key)) return String(key);
  return typeof key.source === 'string' ? key.source : String(key.value);
}

function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

interface Planned {
  edit: DocumentEdit;
  splices: Splice[];
  creates?: string;
}

function conflicts(a: Planned, b: Planned): boolean {
  if (related(a.edit.path, b.edit.path)) return true;
  // Index paths shift when an item of the same list goes: apply those one at a time.
  const sameList = parentOf(a.edit.path) === parentOf(b.edit.path);
  if (sameList && (isItemDelete(a.edit) || isItemDelete(b.edit))) return true;
  if (a.creates !== undefined && related(a.creates, b.edit.path)) return true;
  if (b.creates !== undefined && related(b.creates, a.edit.path)) return true;
  const overlap = (x: Splice, y: Splice): boolean => x.start < y.end && y.start < x.end;
  // Insertions at one point are only ordered safely when they go into the same mapping: a key
  // for another mapping would land inside (and be read as part of) the other insertion.
  const samePoint = (x: Splice, y: Splice): boolean =>
    x.start === y.start &&
    parentOf(a.creates ?? a.edit.path) !== parentOf(b.creates ?? b.edit.path);
  return a.splices.some((x) => b.splices.some((y) => overlap(x, y) || samePoint(x, y)));
}

function parentOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(0, dot);
}

/** Keys of a mapping as the file was read, to put a key that comes back where it was. */
export interface KeyOrder {
  keys(path: string): string[] | undefined;
}

/** The sibling a re-added key goes beside: the nearest one before it (or after) still written. */
function placeBy(order: KeyOrder, target: EditTarget) {
  return (mapPath: string, key: string): KeyPlace | undefined => {
    const keys = order.keys(mapPath);
    const index = keys?.indexOf(key) ?? -1;
    if (!keys || index < 0) return undefined;
    const own = (k: string) => target.hasOwn(mapPath === '' ? k : `${mapPath}.${k}`);
    for (let i = index - 1; i >= 0; i--) if (own(keys[i]!)) return { after: keys[i]! };
    for (let i = index + 1; i < keys.length; i++) if (own(keys[i]!)) return { before: keys[i]! };
    return undefined;
  };
}

function plan(target: EditTarget, edit: DocumentEdit, order?: KeyOrder): Planned {
  const ctx = order
    ? { ...target.editContext(), placeOf: placeBy(order, target) }
    : target.editContext();
  const parts = splitPath(edit.path);
  if (parts.some((p) => p === '')) {
    throw new DocumentEditError(`'${edit.path}' is not a valid dotted path`, edit.path);
  }
  try {
    const result = 'delete' in edit ? planDelete(ctx, parts) : planSet(ctx, parts, edit.value);
    return { edit, ...result };
  } catch (error) {
    if (error instanceof UnsupportedValueError) {
      throw new DocumentEditError(`${edit.path}: ${error.message}`, edit.path);
    }
    throw error;
  }
}

/** A list item deleted by index: the items after it move up, so the index is not "gone". */
function isItemDelete(edit: DocumentEdit): boolean {
  return 'delete' in edit && /(?:^|\.)\d+$/.test(edit.path);
}

function verify(before: EditTarget, next: EditTarget, edit: DocumentEdit): void {
  if (isItemDelete(edit)) {
    const list = parentOf(edit.path);
    const was = before.get(list);
    const now = next.get(list);
    if (Array.isArray(was) && !(Array.isArray(now) && now.length === was.length - 1)) {
      throw new DocumentEditError(`could not remove '${edit.path}'`, edit.path);
    }
    return;
  }
  if ('delete' in edit) {
    if (next.hasOwn(edit.path)) {
      throw new DocumentEditError(`could not remove '${edit.path}'`, edit.path);
    }
    return;
  }
  const got = next.get(edit.path);
  if (!sameValue(got, edit.value)) {
    throw new DocumentEditError(
      `writing '${edit.path}' would read back as ${JSON.stringify(got)} instead of the intended value (an explicit tag or an unusual construct there?); edit it by hand`,
      edit.path,
    );
  }
}

export function applyEdits<D extends EditTarget>(
  doc: D,
  edits: readonly DocumentEdit[],
  /** Reads `text`, which is `previous.text` with `splices` applied. */
  parse: (text: string, previous: D, splices: readonly Splice[]) => D,
  /** The key order new keys follow when they were there before (the file as read). */
  order?: KeyOrder,
): D {
  let current = doc;
  let queue = [...edits];
  while (queue.length > 0) {
    const batch: Planned[] = [];
    while (queue.length > 0) {
      const [edit, ...rest] = queue as [DocumentEdit, ...DocumentEdit[]];
      const expanded = expand(current, edit);
      if (expanded.length !== 1 || expanded[0] !== edit) {
        queue = [...expanded, ...rest];
        continue;
      }
      const planned = plan(current, edit, order);
      if (batch.some((b) => conflicts(b, planned))) break;
      batch.push(planned);
      queue = rest;
    }
    const splices = batch.flatMap((b) => b.splices);
    const text = applySplices(current.text, splices);
    if (text === current.text) continue;
    let next: D;
    try {
      next = parse(text, current, splices);
    } catch (error) {
      const where = batch.map((b) => b.edit.path).join(', ');
      const detail = error instanceof YamlSyntaxError ? `: ${error.message}` : '';
      throw new DocumentEditError(`editing ${where} would produce invalid YAML${detail}`, where);
    }
    for (const b of batch) verify(current, next, b.edit);
    current = next;
  }
  return current;
}
