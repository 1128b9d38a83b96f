// Re-reads only the top-level sections an edit touched. Parsing a 5,000-line file takes tens of
// milliseconds, an edit typically changes one line of one small section, and the top-level block
// mapping's sections are read independently of each other unless anchors, aliases or merge keys
// connect them. So the sections around the edit are parsed alone and put together with the
// untouched sections of the previous parse (moved by the change in length); every case this
// cannot prove equal to a full parse returns undefined and the caller parses the whole text.
import {
  Alias,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Pair,
  Scalar,
  type Document,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type Schema,
  type SchemaOptions,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { isMergeKey } from './edit-plan';
import { snakeYaml11 } from './snake-yaml-schema';
import type { NodeScan } from './node-scan';
import { parseWithUniqueKeys } from './unique-keys';
import type { Splice } from './text-lines';

export const parseOptions: ParseOptions & DocumentOptions & SchemaOptions = {
  ...snakeYaml11,
  merge: true,
  // Checked after parsing, in linear time (unique-keys.ts).
  uniqueKeys: false,
  prettyErrors: false,
};

/** @internal Off: every edit parses the whole text (the reference the tests compare against). */
export const sectionReparse = { enabled: true };

export interface Reparsed {
  doc: Document.Parsed;
  lines: LineCounter;
  /** Names of the sections taken over unchanged from the previous document. */
  kept: Set<string>;
}

/** Line starts of `text` exactly as the yaml parser records them (0, then after every "\n"). */
export function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    lines.addNewLine(at + 1);
  }
  return lines;
}

/**
 * True when the top-level sections of `doc` can be read alone: a block mapping whose keys are
 * plain scalars at the start of a line, no merge key (`<<:`) among them, and every alias
 * (`*name`) naming an anchor written before it in its own section.
 */
export function hasIndependentSections(doc: Document.Parsed, text: string): boolean {
  const root = doc.contents;
  if (!isMap(root) || root.flow || root.items.length === 0) return false;
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const start = pair.key?.range?.[0];
    if (!isScalar(pair.key) || isMergeKey(pair.key)) return false;
    if (start === undefined || !atLineStart(text, start)) return false;
    if (!selfContained(pair, new Set())) return false;
  }
  return true;
}

function atLineStart(text: string, offset: number): boolean {
  return offset === 0 || text[offset - 1] === '\n';
}

/** True when every alias under `node` names an anchor in `anchors` or written before it. */
function selfContained(node: unknown, anchors: Set<string>): boolean {
  if (isPair(node)) return selfContained(node.key, anchors) && selfContained(node.value, anchors);
  if (isAlias(node)) return anchors.has(node.source);
  if (!isScalar(node) && !isMap(node) && !isSeq(node)) return true;
  if (node.anchor) anchors.add(node.anchor);
  if (isScalar(node)) return true;
  return node.items.every((item) => selfContained(item, anchors));
}

/** Aliases or merges in the re-read part: resolve them now when they might fail, as parse does. */
function resolves(doc: Document.Parsed, scan: NodeScan): boolean {
  if (!scan.mustResolve) return true;
  try {
    doc.toJS({ maxAliasCount: 1000 });
    return true;
  } catch {
    return false; // the whole parse reports it as a syntax error
  }
}

/** Moves every range under `node` by `delta`, in place. */
function shift(node: unknown, delta: number): void {
  if (isPair(node)) {
    shift(node.key, delta);
    shift(node.value, delta);
    return;
  }
  if (!isScalar(node) && !isAlias(node) && !isMap(node) && !isSeq(node)) return;
  const r = node.range;
  if (r) node.range = [r[0] + delta, r[1] + delta, r[2] + delta];
  if (isMap(node) || isSeq(node)) for (const item of node.items) shift(item, delta);
}

/**
 * A shallow copy made by the node's own constructor (so the library's hidden type marker and a
 * collection's schema are set as it sets them) plus its own properties. The library's clone()
 * copies property descriptors instead, several times slower: this runs for every node after the
 * edit.
 */
function copyOf<T extends Node | Pair>(node: T): T {
  let copy: Node | Pair;
  if (isPair(node)) copy = new Pair(node.key, node.value);
  else if (isScalar(node)) copy = new Scalar(node.value);
  else if (isAlias(node)) copy = new Alias(node.source);
  else {
    const make = node.constructor as new (schema?: Schema) => YAMLMap | YAMLSeq;
    copy = new make((node as YAMLMap | YAMLSeq).schema);
    // Methods a subclass binds in its constructor (!!omap) stay bound to the copy.
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== 'function') (copy as unknown as Record<string, unknown>)[key] = value;
    }
    return copy as T;
  }
  return Object.assign(copy, node) as T;
}

/** A copy of `node` and everything under it with ranges moved by `delta`. */
function movedCopy<T>(node: T, delta: number): T {
  if (isPair(node)) {
    const copy = copyOf(node);
    copy.key = movedCopy(node.key, delta);
    copy.value = movedCopy(node.value, delta);
    return copy;
  }
  if (!isScalar(node) && !isAlias(node) && !isMap(node) && !isSeq(node)) return node;
  const copy = copyOf(node);
  const r = node.range;
  if (r) copy.range = [r[0] + delta, r[1] + delta, r[2] + delta];
  if (isMap(node) || isSeq(node)) {
    (copy as typeof node).items = node.items.map((item: unknown) => movedCopy(item, delta));
  }
  return copy;
}

/** `pair` moved by `delta`: a copy, since the previous document's nodes never change. */
function moved(pair: Pair<Node, Node | null>, delta: number): Pair<Node, Node | null> {
  return delta === 0 ? pair : movedCopy(pair, delta);
}

function keyName(pair: Pair<Node, Node | null>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** A key no section is expected to have (if one does, its duplicate means a whole parse). */
const standIn = 'rwsec-section-end';

const documentMarker = /^(?:---|\.\.\.)(?:[ \t\r\n]|$)|^%/m;

/**
 * The parse of `text` (= `before.text` with `splices` applied) built from `before`'s untouched
 * sections plus a parse of the touched ones, or undefined when only a full parse is safe.
 * `before` must satisfy hasIndependentSections.
 */
export function reparseSections(
  before: { text: string; doc: Document.Parsed },
  splices: readonly Splice[],
  text: string,
): Reparsed | undefined {
  const root = before.doc.contents as YAMLMap<Node, Node | null>;
  const items = root.items as Pair<Node, Node | null>[];
  const starts = items.map((p) => p.key?.range?.[0] ?? -1);
  if (!sectionReparse.enabled || splices.length === 0) return undefined;
  const lo = Math.min(...splices.map((s) => s.start));
  const hi = Math.max(...splices.map((s) => s.end));
  const delta = splices.reduce((sum, s) => sum + s.insert.length - (s.end - s.start), 0);

  // First touched section: the one holding `lo` (an insertion at a section's first key belongs
  // to the section before, whose value it extends); last: the one holding `hi`.
  let a = -1;
  for (let k = 0; k < starts.length; k++) if ((starts[k] ?? 0) < lo) a = k;
  if (a === -1) {
    if (lo !== starts[0]) return undefined; // in the lines before the first key
    a = 0;
  }
  let b = starts.length;
  for (let k = starts.length - 1; k > a; k--) if ((starts[k] ?? 0) >= hi) b = k;
  const start = starts[a] ?? 0;
  const end = b < starts.length ? (starts[b] ?? 0) : before.text.length;
  const newEnd = end + delta;
  const part = text.slice(start, newEnd);
  // A following section must still start on a line of its own.
  if (b < starts.length && !part.endsWith('\n')) return undefined;
  // Directives or document markers change how the rest of the file is read.
  if (documentMarker.test(part)) return undefined;

  // Where a key follows, the part is read with a stand-in key after it: comments and blank lines
  // at its end then end where they end before a key, not where they end at the end of a file.
  const followed = b < starts.length;
  const { doc: partDoc, scan } = parseWithUniqueKeys(
    followed ? `${part}${standIn}:\n` : part,
    parseOptions,
  );
  if (partDoc.errors.length > 0 || !scan) return undefined;
  const partRoot = partDoc.contents;
  if (!isMap(partRoot) || partRoot.flow || !partRoot.range) return undefined;
  const fresh = partRoot.items as Pair<Node, Node | null>[];
  const last = followed ? fresh.pop() : undefined;
  if (followed && (last === undefined || keyName(last) !== standIn)) return undefined;
  // The part must begin with its first key, so nothing in it can continue the section before.
  if (fresh.length === 0 || fresh[0]?.key?.range?.[0] !== 0) return undefined;
  if (!hasIndependentSections(partDoc, part) || !resolves(partDoc, scan)) return undefined;

  const kept = new Set([...items.slice(0, a), ...items.slice(b)].map(keyName));
  if (fresh.some((p) => keyName(p) === undefined || kept.has(keyName(p)))) return undefined;

  for (const pair of fresh) shift(pair, start);
  const suffix = items.slice(b).map((p) => moved(p, delta));
  const composed = Object.create(
    Object.getPrototypeOf(root) as object,
    Object.getOwnPropertyDescriptors(root),
  ) as YAMLMap<Node, Node | null>;
  composed.items = [...items.slice(0, a), ...fresh, ...suffix];
  const rootRange = root.range ?? [0, 0, 0];
  const partRange = partRoot.range;
  composed.range = [
    rootRange[0],
    followed ? rootRange[1] + delta : partRange[1] + start,
    followed ? rootRange[2] + delta : partRange[2] + start,
  ];

  const doc = Object.create(
    Object.getPrototypeOf(before.doc) as object,
    Object.getOwnPropertyDescriptors(before.doc),
  ) as Document.Parsed;
  doc.contents = composed as unknown as YAMLMap.Parsed;
  doc.errors = [];
  doc.warnings = [];
  const docRange = before.doc.range;
  const partDocRange = partDoc.range;
  doc.range = [
    docRange[0],
    followed ? docRange[1] + delta : partDocRange[1] + start,
    followed ? docRange[2] + delta : partDocRange[2] + start,
  ];
  if (!followed) doc.comment = partDoc.comment;
  kept.delete(undefined);
  return { doc, lines: countLines(text), kept: kept as Set<string> };
}
