// Values of the wrong type for the catalog (ssl.port: abc, useSSL: maybe, a mapping for a scalar).
import { mappingPaths, options, type OptionSpec } from '../catalog/options';
import type { ConfigView } from '../config-view';
import type { Diagnostic } from '../diagnostics';
import { asBoolean, asText, diagnostic, type RuleInfo } from './rule';

export const typeRuleInfo: RuleInfo[] = [
  { id: 'type-mismatch', severity: 'error', summary: 'a value of the wrong type for the option' },
  { id: 'port-range', severity: 'error', summary: 'a port outside 1..65535' },
  {
    id: 'type-list-sequence',
    severity: 'warning',
    summary: 'a YAML list where the guide writes a comma-separated string',
  },
];

/** Options whose numeric domain a dedicated rule reports (with a more specific message). */
const checkedElsewhere = new Set(['serverSettings.crossOriginSettings.corsFilterCacheTimeToLive']);

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

const expected: Record<OptionSpec['type'], string> = {
  boolean: 'true or false',
  integer: 'a whole number',
  port: 'a port number (1..65535)',
  string: 'a text value',
  path: 'a file path',
  secret: 'a password (text)',
  trust: 'true, false or a file path',
  list: 'a comma-separated string',
};

function checkOption(view: ConfigView, spec: OptionSpec): Diagnostic[] {
  const value = view.get(spec.path);
  if (value === undefined || value === null) return [];
  const name = spec.path.slice(spec.path.lastIndexOf('.') + 1);
  const mismatch = (): Diagnostic[] => [
    diagnostic(
      view,
      'error',
      'type-mismatch',
      spec.path,
      `${name} must be ${expected[spec.type]}, not ${describe(value)}.`,
      `Set ${spec.path} to ${expected[spec.type]}${spec.example === undefined ? '' : `, e.g. ${String(spec.example)}`}.`,
    ),
  ];
  switch (spec.type) {
    case 'boolean':
      return asBoolean(value) === undefined ? mismatch() : [];
    case 'integer':
    case 'port': {
      if (checkedElsewhere.has(spec.path)) return [];
      const text = asText(value);
      const number =
        typeof value === 'number' ? value : /^\s*\d+\s*$/.test(text ?? '') ? Number(text) : NaN;
      if (typeof value === 'boolean' || !Number.isInteger(number)) return mismatch();
      if (spec.type === 'port' && (number < 1 || number > 65535)) {
        return [
          diagnostic(
            view,
            'error',
            'port-range',
            spec.path,
            `${name} ${number} is outside the port range 1..65535.`,
            `Set ${spec.path} to a port between 1 and 65535${spec.example === undefined ? '' : `, e.g. ${String(spec.example)}`}.`,
          ),
        ];
      }
      return [];
    }
    case 'list':
      if (Array.isArray(value) && value.every(isScalar)) {
        return [
          diagnostic(
            view,
            'warning',
            'type-list-sequence',
            spec.path,
            `${name} is a YAML list; the guide documents a comma-separated string and RWS may not read a list.`,
            `Write it as one string: ${name}: "${value.map(String).join(',')}".`,
          ),
        ];
      }
      return isScalar(value) ? [] : mismatch();
    default:
      return isScalar(value) ? [] : mismatch();
  }
}

function checkMapping(view: ConfigView, path: string): Diagnostic[] {
  const value = view.get(path);
  if (value === undefined || value === null || view.keys(path) !== undefined) return [];
  return [
    diagnostic(
      view,
      'error',
      'type-mismatch',
      path,
      `${path} must be a section (a mapping of keys), not ${describe(value)}.`,
      `Write ${path}: followed by its keys indented on the next lines.`,
    ),
  ];
}

export function typesRule(view: ConfigView): Diagnostic[] {
  return [
    ...mappingPaths.flatMap((p) => checkMapping(view, p)),
    ...options.flatMap((o) => checkOption(view, o)),
  ];
}
