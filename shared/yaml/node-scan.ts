// One walk over a parsed document for what reading it must check beyond the yaml library's own
// errors: duplicate keys (SnakeYAML refuses them; the library's check is quadratic) and whether
// its aliases and merges (`*name`, `<<:`) can fail to resolve. Resolving means converting the
// whole document (the library throws there, not at parse time), which costs as much as a quarter
// of a parse; the walk proves most documents cannot fail, and only the others are converted.
import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  YAMLParseError,
  type Document,
  type Node,
} from 'yaml';
import { isMergeKey } from './edit-plan';

export interface NodeScan {
  /** The first duplicate key, as the library would report it (DUPLICATE_KEY at the second key). */
  duplicate?: YAMLParseError;
  firstAlias?: Node;
  firstMerge?: Node;
  /**
   * False when resolving the aliases and merges cannot fail (or there are none); true when only
   * converting the document tells (an alias inside an anchored node, an unknown anchor, a merge
   * of something other than a mapping, tagged collections, complex keys, very many aliases).
   */
  mustResolve: boolean;
}

/**
 * Each alias adds one to its anchor's count; the library refuses a count times the anchored
 * node's own alias count above maxAliasCount (1000). An anchored node without aliases has an
 * alias count of at most 1, so below this many aliases in all, no count can pass the limit.
 */
const SAFE_ALIASES = 999;

function identity(value: unknown): unknown {
  // The library compares with ===: NaN never equals itself, objects (dates) only themselves.
  return typeof value === 'number' && Number.isNaN(value) ? Symbol('NaN') : value;
}

class Scanner {
  readonly result: NodeScan = { mustResolve: false };
  /** The last node written with each anchor so far: the one an alias there refers to. */
  private readonly anchors = new Map<string, unknown>();
  private insideAnchor = 0;
  private aliases = 0;

  node(node: unknown): void {
    if (isAlias(node)) return this.alias(node);
    if (isPair(node)) return this.map([node]); // the pairs of !!pairs and !!omap
    if (!isScalar(node) && !isCollection(node)) return;
    const anchored = Boolean(node.anchor);
    if (anchored) this.anchors.set(node.anchor!, node);
    if (isScalar(node)) return;
    // Tagged collections (!!omap, !!set, !!pairs) check their content only when converted.
    if (node.tag) this.result.mustResolve = true;
    if (anchored) this.insideAnchor++;
    if (isMap(node)) this.map(node.items);
    else for (const item of node.items) this.node(item);
    if (anchored) this.insideAnchor--;
  }

  private alias(node: Node & { source: string }): void {
    this.result.firstAlias ??= node;
    this.aliases++;
    if (this.insideAnchor > 0 || !this.anchors.has(node.source) || this.aliases > SAFE_ALIASES) {
      this.result.mustResolve = true;
    }
  }

  private map(items: unknown[]): void {
    if (!this.result.duplicate) this.checkDuplicates(items);
    for (const pair of items) {
      if (!isPair(pair)) continue;
      if (!isScalar(pair.key)) this.result.mustResolve = true; // keys made into strings
      const merge = isMergeKey(pair.key);
      if (merge) this.result.firstMerge ??= pair.key as Node;
      this.node(pair.key);
      // Judged with the anchors written before the value, as the library resolves it.
      if (merge && !this.mergesMaps(pair.value)) this.result.mustResolve = true;
      this.node(pair.value);
    }
  }

  private checkDuplicates(items: unknown[]): void {
    const seen = new Set<unknown>();
    for (const pair of items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = identity(pair.key.value);
      if (!seen.has(key)) {
        seen.add(key);
        continue;
      }
      const at = pair.key.range?.[0] ?? 0;
      this.result.duplicate = new YAMLParseError(
        [at, at + 1],
        'DUPLICATE_KEY',
        'Map keys must be unique',
      );
      return;
    }
  }

  /** A merge's value that surely resolves: a mapping, an alias of one, or a list of those. */
  private mergesMaps(value: unknown): boolean {
    const isMapping = (node: unknown): boolean =>
      isMap(node) || (isAlias(node) && isMap(this.anchors.get(node.source)));
    return isMapping(value) || (isSeq(value) && value.items.every(isMapping));
  }
}

/** Walks `doc` once, in the library's visiting order (a node, then its keys and values). */
export function scanNodes(doc: Document.Parsed): NodeScan {
  const scanner = new Scanner();
  scanner.node(doc.contents);
  return scanner.result;
}
