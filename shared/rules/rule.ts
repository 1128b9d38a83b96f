// What a pure rule is, and the helpers every rule uses to build its findings.
import type { ConfigView } from '../config-view';
import type { Diagnostic, Severity } from '../diagnostics';

/** A pure rule: reads the configuration, never files or the network. */
export type PureRule = (view: ConfigView) => Diagnostic[];

/** Documentation of one rule id, for `rwsec validate --help` and the UI. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  summary: string;
}

export function diagnostic(
  view: ConfigView,
  severity: Severity,
  rule: string,
  path: string,
  message: string,
  fix?: string,
): Diagnostic {
  const { line, column } = view.position(path);
  return { severity, rule, path, line, column, message, ...(fix === undefined ? {} : { fix }) };
}

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

export function isTrue(view: ConfigView, path: string): boolean {
  return asBoolean(view.get(path)) === true;
}

/** A scalar as the server would see it as text; undefined for absent, null, mappings and lists. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A non-empty text value, or undefined when the key is absent, empty or not a scalar. */
export function presentText(view: ConfigView, path: string): string | undefined {
  const text = asText(view.get(path));
  return text === undefined || text.trim() === '' ? undefined : text;
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
export function enableSslPath(view: ConfigView): string {
  return view.has('enableSsl') || !view.has('jetty.enableSsl') ? 'enableSsl' : 'jetty.enableSsl';
}

export function sslEnabled(view: ConfigView): boolean {
  return isTrue(view, enableSslPath(view));
}
