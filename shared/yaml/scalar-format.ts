// Writes scalar values so that Java (SnakeYAML, YAML 1.1) reads back exactly what was intended.
// A string that YAML 1.1 would resolve to a boolean, number, null or timestamp, or that carries
// YAML syntax, is quoted; booleans are written true/false; numbers are written plain.
import { parse } from 'yaml';
import { snakeYaml11 } from './snake-yaml-schema';

export type ScalarStyle = 'plain' | 'single' | 'double';

/** Plain words YAML 1.1 (or SnakeYAML specifically) resolves to something other than a string. */
const yaml11NonStrings: readonly RegExp[] = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:~|null|Null|NULL)$/,
  /^[-+]?(?:0b[0-1_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/,
  /^(?:=|<<)$/,
];

/** Characters that start YAML syntax when they open a plain scalar. */
const leadingIndicator = /^[-?:,[\]{}#&*!|>'"%@`]/;
const flowIndicator = /[,[\]{}]/;
// Printable per YAML: anything but C0 controls (tab allowed), DEL, C1 controls and lone surrogates.
// U+2028 and U+2029 are printable but SnakeYAML (YAML 1.1) reads them as line breaks: written
// plain or single-quoted they would end the line, so they count here too and get escaped.
// eslint-disable-next-line no-control-regex
const nonPrintable = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\ufeff\ufffe\uffff\u2028\u2029]/;

/** True when `text` written plain would not read back as the same string under YAML 1.1. */
export function needsQuotes(text: string, inFlow: boolean): boolean {
  if (text === '' || text !== text.trim() || nonPrintable.test(text)) return true;
  if (yaml11NonStrings.some((re) => re.test(text))) return true;
  if (leadingIndicator.test(text) && !/^[-?:][^\s,[\]{}]/.test(text)) return true;
  if (/^[-?:]/.test(text) && inFlow) return true;
  if (/:(?:\s|$)|\s#/.test(text) || text.includes('\t')) return true;
  if (inFlow && flowIndicator.test(text)) return true;
  if (text.startsWith('---') || text.startsWith('...')) return true;
  // Last line of defence: ask a YAML 1.1 reader what the plain text means.
  try {
    return parse(`k: ${text}\n`, snakeYaml11)?.k !== text;
  } catch {
    return true;
  }
}

const doubleEscapes: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\0': '\\0',
  '\b': '\\b',
  '\f': '\\f',
  '\u001b': '\\e',
  '\u0085': '\\N',
  '\u00a0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

export function doubleQuoted(text: string): string {
  let out = '"';
  for (const ch of text) {
    const known = doubleEscapes[ch];
    if (known) out += known;
    else if (nonPrintable.test(ch)) out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

export function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * One-line YAML text for a string. `preferred` is the style the old value had: double-quoted stays
 * double-quoted, single-quoted stays single-quoted when it can, plain stays plain when that is safe.
 */
export function formatString(text: string, preferred: ScalarStyle, inFlow: boolean): string {
  const printableLine = !nonPrintable.test(text);
  if (preferred === 'double') return doubleQuoted(text);
  if (preferred === 'single') return printableLine ? singleQuoted(text) : doubleQuoted(text);
  if (!needsQuotes(text, inFlow)) return text;
  // Windows paths and quotes read better single-quoted than with backslash escapes.
  if (printableLine && /["\\]/.test(text)) return singleQuoted(text);
  return doubleQuoted(text);
}

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  if (Number.isInteger(value)) {
    // Large integers would print in exponent form, which YAML 1.1 readers take as a string.
    return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  }
  const text = String(value);
  if (!text.includes('e')) return text;
  // 1e-7 style: spell it with a decimal point, the form every YAML 1.1 reader takes as a float.
  const [mantissa = '', exponent = ''] = text.split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}e${exponent.startsWith('-') ? '' : '+'}${exponent}`;
}

export type ScalarValue = string | number | boolean | null;

export function isScalarValue(value: unknown): value is ScalarValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  );
}

/** One-line YAML text for any scalar value. */
export function formatScalar(value: ScalarValue, preferred: ScalarStyle, inFlow: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  return formatString(value, preferred, inFlow);
}

/** Text for a mapping key: plain when safe, else double-quoted. */
export function formatKey(key: string): string {
  return needsQuotes(key, false) ? doubleQuoted(key) : key;
}
