// An application.yaml as text plus its YAML 1.1 reading (the way Java's SnakeYAML reads it).
// The text is the source of truth: edits are splices on it (see edit-plan.ts), so everything that
// is not edited (comments, blank lines, CRLF, BOM, anchors, quoting) survives byte for byte.
import {
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import type { ConfigView, SourcePosition } from '../config-view';
import { applyEdits, splitPath, type EditTarget, type KeyOrder } from './apply-edits';
import { isMergeKey, ownNode, type EditContext } from './edit-plan';
import { toSyntaxError, YamlSyntaxError } from './errors';
import {
  countLines,
  hasIndependentSections,
  parseOptions,
  reparseSections,
} from './section-reparse';
import { checkSnakeCharacters } from './snake-characters';
import type { NodeScan } from './node-scan';
import { parseWithUniqueKeys } from './unique-keys';
import { column, detectLineEnding, type Splice } from './text-lines';

export { DocumentEditError, YamlSyntaxError } from './errors';
export { splitPath } from './apply-edits';

/** One change to a document: set a value (adding the key if absent) or delete a key. */
export type DocumentEdit = { path: string; value: unknown } | { path: string; delete: true };

/** A key written in the text, with the 1-based position of the key itself. */
export interface KeyPosition {
  path: string;
  line: number;
  column: number;
}

export class RwsDocument implements ConfigView, EditTarget {
  private constructor(
    readonly text: string,
    private readonly doc: Document.Parsed,
    private lineCounter: LineCounter | undefined,
    /** @internal How it was read: 'sections' when an edit re-read only the sections it touched. */
    readonly readBy: 'whole' | 'sections' = 'whole',
  ) {}

  /** Whether top-level sections can be re-read alone (section-reparse.ts); judged when needed. */
  private independent: boolean | undefined;

  /** Line starts: kept from the parse, or counted when first needed after a section re-read. */
  private get lines(): LineCounter {
    this.lineCounter ??= countLines(this.text);
    return this.lineCounter;
  }

  /** Parses `text`; throws YamlSyntaxError (with line and column) when it is not valid YAML. */
  static parse(text: string): RwsDocument {
    checkSnakeCharacters(text);
    const { doc, scan } = parseWithUniqueKeys(text, parseOptions);
    const first = doc.errors[0];
    // Line starts are only needed for positions: counted when asked, not on every parse.
    if (first) throw toSyntaxError(first, doc, countLines(text));
    const parsed = new RwsDocument(text, doc, undefined);
    if (scan?.mustResolve) parsed.checkResolution(scan);
    return parsed;
  }

  /**
   * Aliases and merges (`<<:`) are resolved when the document is read, where the yaml library
   * throws: a ReferenceError past maxAliasCount (a "billion laughs" file expands to billions of
   * nodes) and an Error for a merge of a non-mapping (SnakeYAML refuses both). Resolve such a
   * document once here, so that both are syntax errors at parse time and not a crash in whatever
   * reads a value later. Documents whose aliases and merges cannot fail (node-scan.ts: the usual
   * anchored defaults merged into a few blocks) skip this (sections resolve alone, when read).
   */
  private checkResolution({ firstAlias: alias, firstMerge: merge }: NodeScan): void {
    try {
      void this.plain;
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      const tooMany = error instanceof ReferenceError;
      const at = (tooMany ? alias : (merge ?? alias))?.range?.[0] ?? 0;
      const pos = this.lines.linePos(at);
      throw new YamlSyntaxError(
        tooMany
          ? 'the aliases (*name) expand to too many values (more than 1000 copies): a file ' +
              'made to exhaust memory, or aliases nested too deeply; write the values out instead'
          : `cannot resolve a merge (<<:): ${error.message}`,
        pos.line,
        pos.col,
      );
    }
  }

  /** The whole text, byte for byte (no change unless edited). */
  toString(): string {
    return this.text;
  }

  /** The file's line ending; new lines are written with it. */
  get lineEnding(): '\n' | '\r\n' {
    return detectLineEnding(this.text);
  }

  /**
   * A new document with `edits` applied to the text: only the lines of edited values change (see
   * edit-plan.ts for where new keys go and how aliases and merges are handled). With `keyOrder`
   * (the file as it was read), a key that was there and comes back goes back to its place instead
   * of the end of its mapping, so deleting and re-adding a value is no change at all. Throws
   * DocumentEditError, leaving this document as it was, when an edit cannot be made safely.
   */
  withEdits(edits: readonly DocumentEdit[], options: { keyOrder?: KeyOrder } = {}): RwsDocument {
    return applyEdits<RwsDocument>(
      this,
      edits,
      (text, previous, splices) => previous.reread(text, splices),
      options.keyOrder,
    );
  }

  /**
   * `text` (this text with `splices` applied) read again: only the touched top-level sections
   * when the others cannot depend on them, else the whole text.
   */
  private reread(text: string, splices: readonly Splice[]): RwsDocument {
    this.independent ??= hasIndependentSections(this.doc, this.text);
    const parts = this.independent
      ? reparseSections({ text: this.text, doc: this.doc }, splices, text)
      : undefined;
    if (!parts) return RwsDocument.parse(text);
    const next = new RwsDocument(text, parts.doc, parts.lines, 'sections');
    next.independent = true;
    // Sections outside the re-read part are the same nodes: their values stay valid.
    for (const [name, value] of this.sectionCache) {
      if (parts.kept.has(name)) next.sectionCache.set(name, value);
    }
    return next;
  }

  /** @internal What the edit planner needs; not part of the ConfigView. */
  editContext(): EditContext {
    return {
      text: this.text,
      doc: this.doc,
      eol: this.lineEnding,
      unit: this.indentUnit(),
      has: (path) => this.has(path),
    };
  }

  /** Spaces per indentation level, judged by the first nested block section (2 by default). */
  private indentUnit(): number {
    const root = this.doc.contents;
    if (!isMap(root)) return 2;
    for (const pair of root.items as Pair<Node, Node | null>[]) {
      const value = pair.value;
      const start = value?.range?.[0];
      const keyStart = pair.key?.range?.[0];
      if (
        (isMap(value) || isSeq(value)) &&
        !value.flow &&
        start !== undefined &&
        keyStart !== undefined
      ) {
        const step = column(this.text, start) - column(this.text, keyStart);
        if (step > 0) return step;
      }
    }
    return 2;
  }

  /** The whole document as Java sees it: aliases resolved, merges applied. Computed once. */
  private get plain(): unknown {
    this.plainCache ??= { value: this.doc.toJS({ maxAliasCount: 1000 }) as unknown };
    return this.plainCache.value;
  }
  private plainCache: { value: unknown } | undefined;

  /**
   * One top-level section as Java sees it, converted alone: reading a value of a 5,000-line file
   * then costs the size of its section, not of the file (edits verify values this way).
   */
  private section(name: string): { found: boolean; value: unknown } {
    const root = this.doc.contents;
    // A merge at the top level can supply sections: only the whole document answers that.
    if (this.plainCache || !isMap(root) || root.items.some((p) => isMergeKey(p.key))) {
      const plain = this.plain;
      const found =
        plain !== null &&
        typeof plain === 'object' &&
        !Array.isArray(plain) &&
        Object.prototype.hasOwnProperty.call(plain, name);
      return { found, value: found ? (plain as Record<string, unknown>)[name] : undefined };
    }
    let cached = this.sectionCache.get(name);
    if (!cached) {
      const pair = (root.items as Pair<Node, Node | null>[]).find(
        (p) => isScalar(p.key) && String(p.key.value) === name,
      );
      cached = pair
        ? {
            found: true,
            value: pair.value
              ? (pair.value.toJS(this.doc, { maxAliasCount: 1000 }) as unknown)
              : null,
          }
        : { found: false, value: undefined };
      this.sectionCache.set(name, cached);
    }
    return cached;
  }
  private readonly sectionCache = new Map<string, { found: boolean; value: unknown }>();

  /** The document as Java reads it (aliases resolved, merges applied). */
  toJS(): unknown {
    return this.plain;
  }

  get(path: string): unknown {
    const [first, ...rest] = splitPath(path);
    if (first === undefined) return this.plain;
    const section = this.section(first);
    if (!section.found) return undefined;
    let value: unknown = section.value;
    for (const part of rest) {
      if (Array.isArray(value) && /^\d+$/.test(part)) {
        value = value[Number(part)];
        continue;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(value, part)) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  }

  has(path: string): boolean {
    const parts = splitPath(path);
    const last = parts[parts.length - 1];
    if (parts.length === 1 && last !== undefined) return this.section(last).found;
    const parent = this.get(parts.slice(0, -1).join('.'));
    if (last === undefined || parent === null || typeof parent !== 'object') return false;
    if (Array.isArray(parent)) return /^\d+$/.test(last) && Number(last) < parent.length;
    return Object.prototype.hasOwnProperty.call(parent, last);
  }

  /** True when the key at `path` is written in the text itself (not inherited through `<<:`). */
  hasOwn(path: string): boolean {
    return ownNode(this.doc, splitPath(path)) !== undefined;
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

  /** Every mapping key written in the text (through nested mappings and lists), in text order. */
  keyPositions(): KeyPosition[] {
    const out: KeyPosition[] = [];
    const walk = (node: unknown, prefix: string): void => {
      if (isMap(node)) {
        for (const pair of node.items as Pair<Node, Node | null>[]) {
          if (!isScalar(pair.key) || isMergeKey(pair.key)) continue;
          const path = prefix + String(pair.key.value);
          const offset = pair.key.range?.[0];
          if (offset !== undefined) {
            const pos = this.lines.linePos(offset);
            out.push({ path, line: pos.line, column: pos.col });
          }
          walk(pair.value, `${path}.`);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => walk(item, `${prefix}${i}.`));
      }
    };
    walk(this.doc.contents, '');
    return out;
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
