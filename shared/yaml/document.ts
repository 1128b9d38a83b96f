// Initial document layer: parse with YAML 1.1 semantics and answer the ConfigView questions.
// The lossless editing API (set/delete/insert with byte-exact preservation) grows here.
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ConfigView, SourcePosition } from '../config-view';

export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'YamlSyntaxError';
  }
}

/** One change to a document: set a value (adding the key if absent) or delete a key. */
export type DocumentEdit = { path: string; value: unknown } | { path: string; delete: true };

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

export class RwsDocument implements ConfigView {
  private constructor(
    readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  static parse(text: string): RwsDocument {
    const lines = new LineCounter();
    const doc = parseDocument(text, {
      version: '1.1',
      merge: true,
      keepSourceTokens: true,
      uniqueKeys: true,
      lineCounter: lines,
      prettyErrors: false,
    });
    const first = doc.errors[0];
    if (first) {
      const pos = lines.linePos(first.pos[0]);
      throw new YamlSyntaxError(first.message.split('\n')[0] ?? first.message, pos.line, pos.col);
    }
    return new RwsDocument(text, doc, lines);
  }

  /**
   * STUB (owned by the document-layer work): a new document with `edits` applied losslessly; only
   * the lines of the edited values change.
   */
  withEdits(edits: readonly DocumentEdit[]): RwsDocument {
    const doc = this.doc.clone();
    for (const edit of edits) {
      if ('delete' in edit) doc.deleteIn(splitPath(edit.path));
      else doc.setIn(splitPath(edit.path), edit.value);
    }
    return RwsDocument.parse(doc.toString());
  }

  /** The whole document as Java sees it: aliases resolved, merges applied. Computed once. */
  private get plain(): unknown {
    this.plainCache ??= { value: this.doc.toJS({ maxAliasCount: 1000 }) as unknown };
    return this.plainCache.value;
  }
  private plainCache: { value: unknown } | undefined;

  get(path: string): unknown {
    let value: unknown = this.plain;
    for (const part of splitPath(path)) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(value, part)) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  }

  has(path: string): boolean {
    const parts = splitPath(path);
    const parent = this.get(parts.slice(0, -1).join('.'));
    const last = parts[parts.length - 1];
    return (
      last !== undefined &&
      parent !== null &&
      typeof parent === 'object' &&
      Object.prototype.hasOwnProperty.call(parent, last)
    );
  }

  keys(path: string): string[] | undefined {
    const value = this.get(path);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return Object.keys(value);
  }

  position(path: string): SourcePosition {
    const parts = splitPath(path);
    for (let n = parts.length; n > 0; n--) {
      const offset = this.keyOffset(parts.slice(0, n));
      if (offset !== undefined) {
        const pos = this.lines.linePos(offset);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  }

  private keyOffset(parts: string[]): number | undefined {
    const parentPath = parts.slice(0, -1);
    const parent = parentPath.length === 0 ? this.doc.contents : this.doc.getIn(parentPath, true);
    if (!isMap(parent)) return undefined;
    const last = parts[parts.length - 1];
    for (const pair of parent.items) {
      const key = pair.key as Node | null;
      if (isScalar(key) && String(key.value) === last) return key.range?.[0];
    }
    return undefined;
  }
}
