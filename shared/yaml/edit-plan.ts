// Turns one edit into text splices on the original source. Only the lines of the edited value
// change; new keys go after the last key of their mapping with that mapping's indentation.
//
// Aliases and merges: a value reached through an alias (`ssl: *base`) or inherited through a
// merge key (`<<: *base`) belongs to the anchor. Changing it there would silently change every
// other place that uses the anchor, so the edit is written as an OWN key of the mapping at the
// path instead: an inherited key gets an own line that overrides the merged one, and an aliased
// mapping becomes `<<: *base` plus the own key. Deleting an inherited key is refused (it can only
// be removed at the anchor).
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Scalar,
  type Alias,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { DocumentEditError } from './errors';
import { isInline, renderBlockBody, renderFlow, renderFlowPath, renderPath } from './render';
import { formatScalar, isScalarValue, type ScalarStyle } from './scalar-format';
import {
  column,
  entryLinesEnd,
  insertLines,
  lineStart,
  nextLineStart,
  onlyIndentBefore,
  removeLines,
  type Splice,
} from './text-lines';

export interface EditContext {
  text: string;
  doc: Document.Parsed;
  eol: string;
  /** Indentation step of the file (spaces per level). */
  unit: number;
  /** Java's view of the document, to tell inherited (merged) keys from absent ones. */
  has(path: string): boolean;
  /**
   * Where a new key of the mapping at `mapPath` goes when it is not the end: beside the sibling
   * it followed (or preceded) in the file as it was read, so a key that comes back returns to its
   * place (see document.ts, withEdits).
   */
  placeOf?(mapPath: string, key: string): KeyPlace | undefined;
}

export type KeyPlace = { after: string } | { before: string };

export interface EditPlan {
  splices: Splice[];
  /** Path of the first key this edit creates, when it creates one (for batching edits). */
  creates?: string;
}

type Range = readonly [number, number, number];

function rangeOf(node: Node | null | undefined): Range | undefined {
  return node?.range ?? undefined;
}

export function isMergeKey(key: unknown): boolean {
  return (
    isScalar(key) && (typeof key.value === 'symbol' || key.value === '<<' || key.source === '<<')
  );
}

export function keyMatches(key: unknown, name: string): boolean {
  if (!isScalar(key) || isMergeKey(key)) return false;
  return String(key.value) === name || key.source === name;
}

export function findOwnPair(map: YAMLMap, name: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((p) => keyMatches(p.key, name));
}

function fail(path: string, message: string): never {
  throw new DocumentEditError(message, path);
}

function styleOf(node: Node | null): ScalarStyle {
  if (!isScalar(node)) return 'plain';
  if (node.type === Scalar.QUOTE_DOUBLE) return 'double';
  if (node.type === Scalar.QUOTE_SINGLE) return 'single';
  return 'plain';
}

function isBlockScalar(node: Node | null): boolean {
  return (
    isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)
  );
}

function isFlowCollection(node: Node | null): boolean {
  return (isMap(node) || isSeq(node)) && node.flow === true;
}

function isBlockCollection(node: Node | null): node is YAMLMap | YAMLSeq {
  return (isMap(node) || isSeq(node)) && node.flow !== true;
}

/** True for a value written as nothing at all (`key:` or `key:   # comment`). */
function isEmptyValue(node: Node | null): boolean {
  if (node === null) return true;
  const r = rangeOf(node);
  return isScalar(node) && node.value === null && r !== undefined && r[0] === r[1];
}

/** Offset of the `:` that follows a key. */
function colonAfter(ctx: EditContext, pair: Pair<Node, Node | null>, path: string): number {
  const keyEnd = rangeOf(pair.key)?.[1];
  if (keyEnd === undefined) return fail(path, `cannot locate the key '${path}' in the text`);
  const match = /^[ \t\r\n]*:/.exec(ctx.text.slice(keyEnd, keyEnd + 200));
  if (!match) return fail(path, `cannot locate the ':' after '${path}'`);
  return keyEnd + match[0].length - 1;
}

function keyColumn(ctx: EditContext, pair: Pair<Node, Node | null>): number {
  return column(ctx.text, rangeOf(pair.key)?.[0] ?? 0);
}

/** Block scalar written as `|` with the chomping that gives back exactly `value`. */
function literalBlock(value: string, indent: number, eol: string): string | undefined {
  const body = value.replace(/\n+$/, '');
  const trailing = value.length - body.length;
  const lines = body.split('\n');
  // A leading space on the first line would need an indentation indicator; quote instead.
  if (/^[ \t]/.test(lines[0] ?? '') || /\r/.test(value)) return undefined;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const pad = ' '.repeat(indent);
  const content = lines.map((l) => (l === '' ? '' : pad + l));
  for (let i = 1; i < trailing; i++) content.push('');
  return `|${chomp}${eol}${content.join(eol)}`;
}

/** Replaces the value of an existing pair. */
function replaceValue(
  ctx: EditContext,
  pair: Pair<Node, Node | null>,
  value: unknown,
  inFlow: boolean,
  path: string,
): Splice[] {
  const { text, eol, unit } = ctx;
  const old = pair.value;
  const r = rangeOf(old);
  const keyCol = keyColumn(ctx, pair);

  if (isScalarValue(value) || isInline(value) || inFlow || isFlowCollection(old)) {
    const inline = isScalarValue(value)
      ? formatScalar(value, styleOf(old), inFlow)
      : renderFlow(value);
    if (isEmptyValue(old) || r === undefined) {
      const colon = colonAfter(ctx, pair, path);
      return [{ start: colon + 1, end: colon + 1, insert: ` ${inline}` }];
    }
    if (isBlockScalar(old)) {
      const contentLine = nextLineStart(text, r[0]);
      const oldIndent = /^ */.exec(text.slice(contentLine))?.[0].length ?? 0;
      const block =
        typeof value === 'string' && value.includes('\n')
          ? literalBlock(value, Math.max(oldIndent, keyCol + unit), eol)
          : undefined;
      const header = /^[|>][-+0-9]*/.exec(text.slice(r[0]))?.[0] ?? '';
      if (block !== undefined) {
        // The header line keeps any comment after the indicator; the content lines are rewritten.
        const [head = '', ...rest] = block.split(eol);
        return [
          { start: r[0], end: r[0] + header.length, insert: head },
          { start: contentLine, end: entryLinesEnd(text, r[1]), insert: rest.join(eol) + eol },
        ];
      }
      return [
        { start: r[0], end: r[0] + header.length, insert: inline },
        removeLines(text, contentLine, entryLinesEnd(text, r[1])),
      ];
    }
    if (isBlockCollection(old)) {
      const colon = colonAfter(ctx, pair, path);
      const first = lineStart(text, r[0]);
      if (first <= colon) return fail(path, `cannot rewrite the value of '${path}' in place`);
      return [
        { start: colon + 1, end: colon + 1, insert: ` ${inline}` },
        removeLines(text, first, entryLinesEnd(text, r[1])),
      ];
    }
    return [{ start: r[0], end: r[1], insert: inline }];
  }

  // A non-empty collection in block context: its lines go under the key.
  const childIndent = isBlockCollection(old) && r ? column(text, r[0]) : keyCol + unit;
  const lines = renderBlockBody(value, childIndent, unit);
  if (isBlockCollection(old) && r) {
    const first = lineStart(text, r[0]);
    const end = entryLinesEnd(text, r[1]);
    const tail = end === text.length && !text.endsWith('\n') ? '' : eol;
    return [{ start: first, end, insert: lines.join(eol) + tail }];
  }
  const colon = colonAfter(ctx, pair, path);
  if (isBlockScalar(old) && r) {
    const end = entryLinesEnd(text, r[1]);
    const tail = end === text.length && !text.endsWith('\n') ? '' : eol;
    return [{ start: colon + 1, end, insert: eol + lines.join(eol) + tail }];
  }
  const splices: Splice[] = [];
  let after = nextLineStart(text, colon);
  if (r && !isEmptyValue(old)) {
    splices.push({ start: colon + 1, end: r[1], insert: '' });
    after = nextLineStart(text, r[1]);
  }
  splices.push(insertLines(text, after, lines, eol));
  return splices;
}

/** Where a new top-level key goes: the end of the document (before a `...` end marker). */
function documentEnd(ctx: EditContext): number {
  const contentEnd = rangeOf(ctx.doc.contents)?.[2] ?? 0;
  const marker = /^\.\.\.(?:[ \t]|\r?$)/m.exec(ctx.text.slice(contentEnd));
  return marker ? contentEnd + marker.index : ctx.text.length;
}

function endsWithBlankLine(text: string, at: number): boolean {
  return at === 0 || /(?:^|\n)[ \t]*\r?\n$/.test(text.slice(Math.max(0, at - 200), at));
}

/** The offset a new key of a block mapping goes to when it has a place (else undefined). */
function placedAt(
  ctx: EditContext,
  map: YAMLMap,
  mapPath: string,
  key: string | undefined,
): number | undefined {
  const place = key === undefined ? undefined : ctx.placeOf?.(mapPath, key);
  if (!place) return undefined;
  const sibling = findOwnPair(map, 'after' in place ? place.after : place.before);
  const keyRange = rangeOf(sibling?.key as Node | undefined);
  if (!sibling || !keyRange) return undefined;
  // Directly above the sibling's key: a comment the deleted key left behind stays above it.
  if ('before' in place) return lineStart(ctx.text, keyRange[0]);
  const valueRange = rangeOf(sibling.value);
  const valueEnd =
    isEmptyValue(sibling.value) || !valueRange
      ? nextLineStart(ctx.text, keyRange[1])
      : valueRange[1];
  return entryLinesEnd(ctx.text, Math.max(keyRange[1], valueEnd));
}

/** Inserts `rest` (a missing key, and the sections leading to it) into an existing mapping. */
function insertIntoMap(
  ctx: EditContext,
  map: YAMLMap | null,
  rest: readonly string[],
  value: unknown,
  isRoot: boolean,
  path: string,
  mapPath = '',
): Splice[] {
  const { text, eol, unit } = ctx;
  const pairs = (map?.items ?? []) as Pair<Node, Node | null>[];
  if (map?.flow) {
    const r = rangeOf(map);
    if (!r) return fail(path, `cannot locate the mapping of '${path}'`);
    const close = text.lastIndexOf('}', r[1]);
    const last = pairs[pairs.length - 1];
    const entry = renderFlowPath(rest, value);
    if (!last) return [{ start: close, end: close, insert: entry }];
    const lastEnd = rangeOf(last.value)?.[1] ?? rangeOf(last.key)?.[1] ?? close;
    return [{ start: lastEnd, end: lastEnd, insert: `, ${entry}` }];
  }
  const firstKey = rangeOf(pairs[0]?.key);
  const indent = firstKey ? column(text, firstKey[0]) : 0;
  const lines = renderPath(rest, value, indent, unit);
  if (isRoot) {
    const at = documentEnd(ctx);
    // A new section reads better set apart by a blank line, like the sections around it.
    const spaced = lines.length > 1 && !endsWithBlankLine(text, at) ? ['', ...lines] : lines;
    return [insertLines(text, at, spaced, eol)];
  }
  const placed = map ? placedAt(ctx, map, mapPath, rest[0]) : undefined;
  if (placed !== undefined) return [insertLines(text, placed, lines, eol)];
  const last = pairs[pairs.length - 1];
  if (!last) return fail(path, `cannot locate the mapping of '${path}'`);
  const lastValue = rangeOf(last.value);
  const keyEnd = rangeOf(last.key)?.[1] ?? 0;
  const valueEnd =
    isEmptyValue(last.value) || !lastValue ? nextLineStart(text, keyEnd) : lastValue[1];
  return [insertLines(text, entryLinesEnd(text, Math.max(keyEnd, valueEnd)), lines, eol)];
}

/** `key:` (empty, `~` or `null`) becomes a section holding `rest`. */
function fillEmpty(
  ctx: EditContext,
  pair: Pair<Node, Node | null>,
  rest: readonly string[],
  value: unknown,
  inFlow: boolean,
  path: string,
): Splice[] {
  const { text, eol, unit } = ctx;
  const colon = colonAfter(ctx, pair, path);
  const r = rangeOf(pair.value);
  if (inFlow) {
    const entry = `{${renderFlowPath(rest, value)}}`;
    if (isEmptyValue(pair.value) || !r)
      return [{ start: colon + 1, end: colon + 1, insert: ` ${entry}` }];
    return [{ start: r[0], end: r[1], insert: entry }];
  }
  const lines = renderPath(rest, value, keyColumn(ctx, pair) + unit, unit);
  const splices: Splice[] = [];
  if (!isEmptyValue(pair.value) && r) splices.push({ start: colon + 1, end: r[1], insert: '' });
  splices.push(insertLines(text, nextLineStart(text, colon), lines, eol));
  return splices;
}

/** `key: *base` becomes `key:` + `<<: *base` + the own key, leaving the anchor untouched. */
function overrideAlias(
  ctx: EditContext,
  pair: Pair<Node, Node | null>,
  alias: Alias,
  rest: readonly string[],
  value: unknown,
  inFlow: boolean,
  path: string,
): Splice[] {
  const { text, eol, unit } = ctx;
  const r = rangeOf(alias);
  if (inFlow || !r || !isMap(alias.resolve(ctx.doc))) {
    return fail(
      path,
      `'${path}' goes through the alias ${text.slice(r?.[0], r?.[1])}; edit it by hand`,
    );
  }
  const colon = colonAfter(ctx, pair, path);
  const indent = keyColumn(ctx, pair) + unit;
  const lines = [
    `${' '.repeat(indent)}<<: ${text.slice(r[0], r[1])}`,
    ...renderPath(rest, value, indent, unit),
  ];
  return [
    { start: colon + 1, end: r[1], insert: '' },
    insertLines(text, nextLineStart(text, r[1]), lines, eol),
  ];
}

function inheritedError(path: string): never {
  return fail(
    path,
    `'${path}' is inherited through a merge key (<<:) or an alias; change it at its anchor, or add the key to this section by hand`,
  );
}

export function planSet(ctx: EditContext, parts: readonly string[], value: unknown): EditPlan {
  const path = parts.join('.');
  if (parts.length === 0) return fail(path, 'an edit needs a path');
  let node: Node | null = ctx.doc.contents as Node | null;
  let inFlow = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const here = parts.slice(0, i + 1).join('.');
    const last = i === parts.length - 1;
    if (node === null && i === 0) {
      return { splices: insertIntoMap(ctx, null, parts, value, true, path), creates: here };
    }
    if (isMap(node)) {
      inFlow ||= node.flow === true;
      const pair = findOwnPair(node, part);
      if (!pair) {
        if (!last && ctx.has(here)) return inheritedError(here);
        return {
          splices: insertIntoMap(
            ctx,
            node,
            parts.slice(i),
            value,
            i === 0,
            path,
            parts.slice(0, i).join('.'),
          ),
          creates: here,
        };
      }
      if (last) return { splices: replaceValue(ctx, pair, value, inFlow, path) };
      const child = pair.value;
      if (isMap(child) || isSeq(child)) {
        node = child;
        continue;
      }
      if (isAlias(child)) {
        if (parts.length - i > 2 && ctx.has(parts.slice(0, i + 2).join('.'))) {
          return inheritedError(parts.slice(0, i + 2).join('.'));
        }
        const splices = overrideAlias(ctx, pair, child, parts.slice(i + 1), value, inFlow, path);
        return { splices, creates: parts.slice(0, i + 2).join('.') };
      }
      if (child === null || (isScalar(child) && child.value === null)) {
        const splices = fillEmpty(ctx, pair, parts.slice(i + 1), value, inFlow, path);
        return { splices, creates: parts.slice(0, i + 2).join('.') };
      }
      return fail(path, `'${here}' holds a value, not a section, so '${path}' cannot be set`);
    }
    if (isSeq(node)) {
      inFlow ||= node.flow === true;
      const item = /^\d+$/.test(part) ? (node.items[Number(part)] as Node | undefined) : undefined;
      if (item === undefined) return fail(path, `'${here}': the list has no item ${part}`);
      if (last) {
        const r = rangeOf(item);
        if (!r || !(isScalarValue(value) || isInline(value) || inFlow)) {
          return fail(path, `only single values can replace list item '${here}'`);
        }
        const inline = isScalarValue(value)
          ? formatScalar(value, styleOf(item), inFlow)
          : renderFlow(value);
        if (isBlockScalar(item) || isBlockCollection(item)) {
          return fail(path, `list item '${here}' spans several lines; edit it by hand`);
        }
        return { splices: [{ start: r[0], end: r[1], insert: inline }] };
      }
      node = item;
      continue;
    }
    return fail(
      path,
      `'${parts.slice(0, i).join('.')}' is not a section, so '${path}' cannot be set`,
    );
  }
  return fail(path, `cannot set '${path}'`);
}

/** Removes one entry of a flow collection together with the comma that separated it. */
function removeFlowEntry(text: string, start: number, end: number): Splice {
  const after = /^[ \t]*,[ \t]*/.exec(text.slice(end));
  if (after) return { start, end: end + after[0].length, insert: '' };
  const before = /,[ \t]*$/.exec(text.slice(0, start));
  if (before) return { start: before.index, end, insert: '' };
  return { start, end, insert: '' };
}

function removePair(
  ctx: EditContext,
  map: YAMLMap,
  pair: Pair<Node, Node | null>,
  path: string,
): Splice[] {
  const { text } = ctx;
  const keyRange = rangeOf(pair.key);
  if (!keyRange) return fail(path, `cannot locate the key '${path}' in the text`);
  const valueEnd = isEmptyValue(pair.value)
    ? colonAfter(ctx, pair, path) + 1
    : (rangeOf(pair.value)?.[1] ?? keyRange[1]);
  if (map.flow) return [removeFlowEntry(text, keyRange[0], valueEnd)];
  if (onlyIndentBefore(text, keyRange[0])) {
    return [removeLines(text, lineStart(text, keyRange[0]), entryLinesEnd(text, valueEnd))];
  }
  // The first key of a list item (`- key: v`): the next key moves up onto the dash line.
  const items = map.items as Pair<Node, Node | null>[];
  const next = items[items.indexOf(pair) + 1];
  const nextStart = rangeOf(next?.key)?.[0];
  if (nextStart === undefined) return [{ start: keyRange[0], end: valueEnd, insert: '{}' }];
  return [{ start: keyRange[0], end: nextStart, insert: '' }];
}

function removeSeqItem(ctx: EditContext, seq: YAMLSeq, item: Node, path: string): Splice[] {
  const { text } = ctx;
  const r = rangeOf(item);
  if (!r) return fail(path, `cannot locate list item '${path}' in the text`);
  if (seq.flow) return [removeFlowEntry(text, r[0], r[1])];
  const dash = text.lastIndexOf('-', r[0]);
  if (dash < 0 || !onlyIndentBefore(text, dash)) {
    return fail(path, `list item '${path}' shares its line with another entry; edit it by hand`);
  }
  return [removeLines(text, lineStart(text, dash), entryLinesEnd(text, r[1]))];
}

export function planDelete(ctx: EditContext, parts: readonly string[]): EditPlan {
  const path = parts.join('.');
  let node: Node | null = ctx.doc.contents as Node | null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const last = i === parts.length - 1;
    if (isMap(node)) {
      const pair = findOwnPair(node, part);
      if (!pair) {
        return ctx.has(parts.slice(0, i + 1).join('.')) ? inheritedError(path) : { splices: [] };
      }
      if (last) return { splices: removePair(ctx, node, pair, path) };
      node = pair.value;
      if (isAlias(node)) return ctx.has(path) ? inheritedError(path) : { splices: [] };
      continue;
    }
    if (isSeq(node)) {
      const item = /^\d+$/.test(part) ? (node.items[Number(part)] as Node | undefined) : undefined;
      if (item === undefined) return { splices: [] };
      if (last) return { splices: removeSeqItem(ctx, node, item, path) };
      node = item;
      continue;
    }
    return { splices: [] };
  }
  return { splices: [] };
}

/** The node written at `parts` in the text itself (no alias or merge followed), if any. */
export function ownNode(doc: Document.Parsed, parts: readonly string[]): Node | null | undefined {
  let node: Node | null = doc.contents as Node | null;
  for (const part of parts) {
    if (isMap(node)) {
      const pair = findOwnPair(node, part);
      if (!pair) return undefined;
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(part)) {
      const item = node.items[Number(part)] as Node | undefined;
      if (item === undefined) return undefined;
      node = item;
    } else return undefined;
  }
  return node;
}
