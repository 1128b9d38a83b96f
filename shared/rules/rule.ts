// Helpers every rule uses to read the configuration. They take catalog paths (OptionPath), so a
// rule cannot read an option the catalog does not describe, and renaming one breaks the build.
import type { OptionPath } from '../catalog/options';
import type { ConfigView } from '../config-view';

export { defineRule, type PureRule, type RuleInfo } from './define';

/** YAML 1.1 already turns yes/on/true into booleans; quoted "true" is accepted the way Spring binds it. */
export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

export function isTrue(view: ConfigView, path: OptionPath): boolean {
  return asBoolean(view.get(path)) === true;
}

/** A scalar as the server would see it as text; undefined for absent, null, mappings and lists. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A non-empty text value, or undefined when the key is absent, empty or not a scalar. */
export function presentText(view: ConfigView, path: OptionPath): string | undefined {
  const text = asText(view.get(path));
  return text === undefined || text.trim() === '' ? undefined : text;
}

/** A whole number as Java binds it (quoted digits included), or undefined. */
export function wholeNumber(view: ConfigView, path: OptionPath): number | undefined {
  const value = view.get(path);
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  const text = asText(value)?.trim();
  return text !== undefined && /^[-+]?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * Items of a comma-separated option. The guide writes these as one string (quoted strings may run
 * over several lines); a YAML list is read item by item.
 */
export function listItems(value: unknown): string[] | undefined {
  const parts = Array.isArray(value)
    ? value.map((v) => asText(v) ?? '')
    : asText(value)?.split(',');
  return parts?.map((p) => p.trim()).filter((p) => p !== '');
}

/** Where `enableSsl` lives in this file: top level, or inside `jetty` in the older layout. */
export function enableSslPath(view: ConfigView): 'enableSsl' | 'jetty.enableSsl' {
  return view.has('enableSsl') || !view.has('jetty.enableSsl') ? 'enableSsl' : 'jetty.enableSsl';
}

export function sslEnabled(view: ConfigView): boolean {
  return isTrue(view, enableSslPath(view));
}
