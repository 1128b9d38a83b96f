// YAML text for values the document does not have yet (new keys, new sections, replaced
// collections), in the plain block style an administrator would type.
import { formatKey, formatScalar, isScalarValue } from './scalar-format';

export class UnsupportedValueError extends Error {}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkValue(value: unknown): void {
  if (isScalarValue(value) || Array.isArray(value) || isPlainObject(value)) return;
  throw new UnsupportedValueError(`cannot write a value of type ${typeof value} to YAML`);
}

/** One-line flow text: scalars, `[a, b]`, `{k: v}`. */
export function renderFlow(value: unknown): string {
  checkValue(value);
  if (isScalarValue(value)) return formatScalar(value, 'plain', true);
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${formatKey(k)}: ${renderFlow(v)}`).join(', ')}}`;
}

/** True when the value fits after `key:` on the same line. */
export function isInline(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return true;
}

/** The lines of a block collection value, its entries indented by `indent` spaces. */
export function renderBlockBody(value: unknown, indent: number, unit: number): string[] {
  checkValue(value);
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (isInline(item)) return [`${pad}- ${renderFlow(item)}`];
      // A nested collection starts on the dash line: `- key: v` / `- - v`.
      const nested = renderBlockBody(item, indent + 2, unit);
      const first = nested[0] ?? '';
      return [`${pad}- ${first.slice(indent + 2)}`, ...nested.slice(1)];
    });
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
    renderEntry(key, v, indent, unit),
  );
}

/** The lines of `key: value` at `indent` (more than one line for a non-empty collection). */
export function renderEntry(key: string, value: unknown, indent: number, unit: number): string[] {
  checkValue(value);
  const head = `${' '.repeat(indent)}${formatKey(key)}:`;
  if (isInline(value)) return [`${head} ${renderFlow(value)}`];
  return [head, ...renderBlockBody(value, indent + unit, unit)];
}

/** `a: {b: {c: value}}` written as nested block entries for the path parts `[a, b, c]`. */
export function renderPath(
  parts: readonly string[],
  value: unknown,
  indent: number,
  unit: number,
): string[] {
  const [first, ...rest] = parts;
  if (first === undefined) throw new UnsupportedValueError('empty path');
  if (rest.length === 0) return renderEntry(first, value, indent, unit);
  return [
    `${' '.repeat(indent)}${formatKey(first)}:`,
    ...renderPath(rest, value, indent + unit, unit),
  ];
}

/** Flow text `{b: {c: value}}` for the remaining path parts inside a flow mapping. */
export function renderFlowPath(parts: readonly string[], value: unknown): string {
  const [first, ...rest] = parts;
  if (first === undefined) return renderFlow(value);
  return rest.length === 0
    ? `${formatKey(first)}: ${renderFlow(value)}`
    : `${formatKey(first)}: {${renderFlowPath(rest, value)}}`;
}
