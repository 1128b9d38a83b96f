// Duplicate keys in linear time. The yaml library's own check (`uniqueKeys`) compares each new key
// with every earlier key of its mapping: a mapping of 80,000 keys took over a minute. SnakeYAML
// (as RWS configures it) refuses duplicates too, so the check stays, with a hash set per mapping
// and the library's notion of equal keys (scalars with the same value).
import { isMap, isScalar, parseDocument, visit, YAMLParseError, type Document } from 'yaml';
import type { parseOptions as ParseOptionsType } from './section-reparse';

function identity(value: unknown): unknown {
  // The library compares with ===: NaN never equals itself, objects (dates) only themselves.
  return typeof value === 'number' && Number.isNaN(value) ? Symbol('NaN') : value;
}

/** The first duplicate key as the library would report it (DUPLICATE_KEY at the second key). */
export function findDuplicateKey(doc: Document.Parsed): YAMLParseError | undefined {
  let found: YAMLParseError | undefined;
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = identity(pair.key.value);
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const at = pair.key.range?.[0] ?? 0;
        found = new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** parseDocument with the reader's options, duplicate keys reported like any other error. */
export function parseWithUniqueKeys(
  text: string,
  options: typeof ParseOptionsType,
): Document.Parsed {
  const doc = parseDocument(text, { ...options, uniqueKeys: false });
  if (doc.errors.length === 0) {
    const duplicate = findDuplicateKey(doc);
    if (duplicate) doc.errors.push(duplicate);
  }
  return doc;
}
