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

/** A TCP port at `path` (number or digit string, as Java reads it), else `fallback`; undefined when out of range. */
export function configPort(view: ConfigView, path: string, fallback?: number): number | undefined {
  const v = view.get(path);
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'string' && /^\d+$/.test(v.trim())
        ? Number(v)
        : fallback;
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}
