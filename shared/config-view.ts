/**
 * Read-only view of a parsed application.yaml, the only thing validation rules see.
 * Values follow YAML 1.1 (as Java's SnakeYAML reads them): `yes`/`on` are booleans, `<<:` merges apply.
 * Paths are dotted from the document root (`serverSettings.crossOriginSettings.allowedOrigins`).
 */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface ConfigView {
  /** The value at `path` as Java would read it; `undefined` when the key is absent. */
  get(path: string): unknown;
  has(path: string): boolean;
  /** Keys of the mapping at `path` (own keys and merged ones), or undefined when it is not a mapping. */
  keys(path: string): string[] | undefined;
  /** Position of the key at `path`, or of its nearest existing ancestor (line 1, column 1 at worst). */
  position(path: string): SourcePosition;
}
