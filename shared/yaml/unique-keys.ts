// Duplicate keys in linear time. The yaml library's own check (`uniqueKeys`) compares each new key
// with every earlier key of its mapping: a mapping of 80,000 keys took over a minute. SnakeYAML
// (as RWS configures it) refuses duplicates too, so the check stays, with a hash set per mapping
// and the library's notion of equal keys (scalars with the same value), in the one walk that also
// judges aliases and merges (node-scan.ts).
import { parseDocument, type Document } from 'yaml';
import { scanNodes, type NodeScan } from './node-scan';
import type { parseOptions as ParseOptionsType } from './section-reparse';

/**
 * parseDocument with the reader's options, duplicate keys reported like any other error, and
 * the walk's findings on aliases and merges (undefined when the text has other errors).
 */
export function parseWithUniqueKeys(
  text: string,
  options: typeof ParseOptionsType,
): { doc: Document.Parsed; scan?: NodeScan } {
  const doc = parseDocument(text, { ...options, uniqueKeys: false });
  if (doc.errors.length > 0) return { doc };
  const scan = scanNodes(doc);
  if (scan.duplicate) doc.errors.push(scan.duplicate);
  return { doc, scan };
}
