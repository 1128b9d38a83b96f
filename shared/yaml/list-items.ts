// Comma-separated list values (CORS origins, methods, headers) edited one item at a time: the edit
// splices the item it touches and leaves every other byte of the value as the file wrote it
// (`GET, POST, PUT` stays spaced, odd spacing elsewhere stays odd). The value's quoting is kept
// by the document edit that stores the new string (scalar-format.ts).

export interface ListItem {
  /** The item without the spaces around it. */
  text: string;
  /** Offsets of `text` in the value. */
  start: number;
  end: number;
}

/** The non-empty items of a comma-separated value, with where each one is written. */
export function listItems(value: string): ListItem[] {
  const items: ListItem[] = [];
  let from = 0;
  for (const piece of value.split(',')) {
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    if (text !== '') items.push({ text, start: from + lead, end: from + lead + text.length });
    from += piece.length + 1;
  }
  return items;
}

/**
 * The separator the value uses between its first two items; with fewer than two items the value
 * does not show one, so `fallback` (the separator it had before, when known) or ", ".
 */
export function separatorOf(value: string, fallback = ', '): string {
  const [first, second] = listItems(value);
  if (!first || !second) return fallback;
  return value.slice(first.end, second.start);
}

/** The value without item `index` and the separator that joined it to its neighbour. */
export function removeListItem(value: string, index: number): string {
  const items = listItems(value);
  const item = items[index];
  if (!item) return value;
  const next = items[index + 1];
  if (next) return value.slice(0, item.start) + value.slice(next.start);
  const previous = items[index - 1];
  if (previous) return value.slice(0, previous.end) + value.slice(item.end);
  return value.slice(0, item.start) + value.slice(item.end);
}

/** The value with `text` inserted as item `index` (at the end when `index` is past the last). */
export function insertListItem(
  value: string,
  index: number,
  text: string,
  fallbackSeparator?: string,
): string {
  const items = listItems(value);
  const separator = separatorOf(value, fallbackSeparator);
  const at = items[index];
  if (at) return value.slice(0, at.start) + text + separator + value.slice(at.start);
  const last = items[items.length - 1];
  if (!last) return value.trim() === '' ? text : value + text;
  return value.slice(0, last.end) + separator + text + value.slice(last.end);
}

/** The value with item `index` replaced by `text`. */
export function replaceListItem(value: string, index: number, text: string): string {
  const item = listItems(value)[index];
  if (!item) return value;
  return value.slice(0, item.start) + text + value.slice(item.end);
}

/**
 * The value after a chip list changed from the value's items to `next`: one item removed, added
 * or replaced is spliced in place; anything else (several at once) is written with the value's
 * own separator. `fallbackSeparator`: the one the value had when it last showed one, so removing
 * an item and adding it back restores the value exactly.
 */
export function editListValue(
  value: string,
  next: readonly string[],
  fallbackSeparator?: string,
): string {
  const items = listItems(value).map((i) => i.text);
  if (next.length === items.length - 1) {
    const gone = items.findIndex((item, i) => item !== next[i]);
    const index = gone < 0 ? items.length - 1 : gone;
    if (items.filter((_, i) => i !== index).every((item, i) => item === next[i]))
      return removeListItem(value, index);
  }
  if (next.length === items.length + 1) {
    const added = next.findIndex((item, i) => item !== items[i]);
    const index = added < 0 ? items.length : added;
    if (next.filter((_, i) => i !== index).every((item, i) => item === items[i]))
      return insertListItem(value, index, next[index]!, fallbackSeparator);
  }
  if (next.length === items.length) {
    const changed = next.flatMap((item, i) => (item === items[i] ? [] : [i]));
    if (changed.length === 0) return value;
    if (changed.length === 1) return replaceListItem(value, changed[0]!, next[changed[0]!]!);
  }
  return next.join(separatorOf(value, fallbackSeparator));
}
