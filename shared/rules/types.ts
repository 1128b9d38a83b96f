// Values of the wrong type for the catalog (ssl.port: abc, useSSL: maybe, a mapping for a scalar),
// each reported once, in plain words.
import { leafOf, mappingPaths, options, type CatalogOption } from '../catalog/options';
import type { ConfigView } from '../config-view';
import type { Report } from './define';
import { asBoolean, defineRule } from './rule';

const findings = {
  'type-mismatch': { severity: 'error', summary: 'a value of the wrong type for the option' },
  'port-range': { severity: 'error', summary: 'a port outside 1..65535' },
  'number-below-min': {
    severity: 'error',
    summary: 'a number below the smallest value the option accepts (e.g. a negative time)',
  },
  'type-list-sequence': {
    severity: 'warning',
    summary: 'a YAML list where the guide writes a comma-separated string',
  },
} as const;

type TypeReport = Report<keyof typeof findings>;

const expected: Record<CatalogOption['type'], string> = {
  boolean: 'true or false',
  integer: 'a whole number',
  port: 'a port number (1 to 65535)',
  string: 'a text value',
  path: 'a file path',
  secret: 'a password (text)',
  trust: 'true, false or a file path',
  list: 'a comma-separated string',
};

/** The value as the administrator wrote it, for a message: "94a3", a list, a section. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a section (mapping)';
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The integer a scalar holds as Java binds it (quoted digits and a sign included), or undefined. */
export function integerOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*[-+]?\d+\s*$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * The one problem with a number typed for `spec`, in plain words, or undefined when it is fine.
 * Shared by the rule and the forms so a field never shows two messages for one mistake.
 */
export function numberProblem(
  spec: Pick<CatalogOption, 'path' | 'type' | 'example' | 'min'>,
  value: unknown,
):
  | { id: 'type-mismatch' | 'port-range' | 'number-below-min'; message: string; fix: string }
  | undefined {
  const name = leafOf(spec.path);
  const example = spec.example === undefined ? '' : ` such as ${String(spec.example)}`;
  const n = typeof value === 'boolean' ? undefined : integerOf(value);
  if (n === undefined) {
    return {
      id: 'type-mismatch',
      message: `${name} must be ${expected[spec.type]}${example}; ${shown(value)} is not a whole number.`,
      fix: `Set ${spec.path} to ${expected[spec.type]}${example}.`,
    };
  }
  if (spec.type === 'port' && (n < 1 || n > 65535)) {
    return {
      id: 'port-range',
      message: `${name} ${n} is outside the port range 1 to 65535.`,
      fix: `Set ${spec.path} to a port between 1 and 65535${example === '' ? '' : `, e.g. ${String(spec.example)}`}.`,
    };
  }
  if (spec.min !== undefined && n < spec.min) {
    const least = spec.min === 0 ? 'zero' : String(spec.min);
    return {
      id: 'number-below-min',
      message: `${name} must be ${least} or more.`,
      fix: `Set ${spec.path} to a whole number of ${least} or more${example}.`,
    };
  }
  return undefined;
}

function checkOption(view: ConfigView, spec: CatalogOption, report: TypeReport): void {
  const value = view.get(spec.path);
  if (value === undefined || value === null) return;
  const name = leafOf(spec.path);
  const mismatch = (): void =>
    report({
      id: 'type-mismatch',
      path: spec.path,
      message: `${name} must be ${expected[spec.type]}; ${shown(value)} is not.`,
      fix: `Set ${spec.path} to ${expected[spec.type]}${spec.example === undefined ? '' : `, e.g. ${String(spec.example)}`}.`,
    });
  switch (spec.type) {
    case 'boolean':
      if (asBoolean(value) === undefined) mismatch();
      return;
    case 'integer':
    case 'port': {
      if (!isScalar(value)) return mismatch();
      const problem = numberProblem(spec, value);
      if (problem) report({ ...problem, path: spec.path });
      return;
    }
    case 'list':
      if (Array.isArray(value) && value.every(isScalar)) {
        report({
          id: 'type-list-sequence',
          path: spec.path,
          message: `${name} is a YAML list; the guide documents a comma-separated string and RWS may not read a list.`,
          fix: `Write it as one string: ${name}: "${value.map(String).join(',')}".`,
        });
        return;
      }
      if (!isScalar(value)) mismatch();
      return;
    default:
      if (!isScalar(value)) mismatch();
  }
}

function checkMapping(view: ConfigView, path: string, report: TypeReport): void {
  const value = view.get(path);
  if (value === undefined || value === null || view.keys(path) !== undefined) return;
  report({
    id: 'type-mismatch',
    path,
    message: `${path} must be a section (a mapping of keys), not ${shown(value)}.`,
    fix: `Write ${path}: followed by its keys indented on the next lines.`,
  });
}

export const typesRule = defineRule({
  name: 'types',
  findings,
  check(view, report) {
    for (const path of mappingPaths) checkMapping(view, path, report);
    for (const spec of options) checkOption(view, spec, report);
  },
});
