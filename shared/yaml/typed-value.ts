// Turns text typed by an administrator (`rwsec set ssl.port=8443`, a form field) into the value to
// write: by the catalog's type when the option is known, else by the type of the value already
// there, else by what YAML 1.1 would read from the text.
import { parse } from 'yaml';
import { snakeYaml11 } from './snake-yaml-schema';
import type { OptionType } from '../catalog/options';

export type TypedValue = { ok: true; value: unknown } | { ok: false; message: string };

const trueWords = /^(?:true|yes|on)$/i;
const falseWords = /^(?:false|no|off)$/i;

function parseBoolean(text: string): TypedValue {
  if (trueWords.test(text)) return { ok: true, value: true };
  if (falseWords.test(text)) return { ok: true, value: false };
  return { ok: false, message: `'${text}' is not a boolean (use true or false)` };
}

/**
 * A whole number read the way SnakeYAML reads the same text in the file (010 is octal 8, 0x1F is
 * 31, 1_000 is 1000), so an option typed by the catalog and a key it does not know agree.
 */
const yaml11Int =
  /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;

function parseInteger(text: string): TypedValue {
  const trimmed = text.trim();
  const value = yaml11Int.test(trimmed) ? readAsYaml11(trimmed) : undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    return { ok: false, message: `'${text}' is not a whole number` };
  }
  return { ok: true, value };
}

function parsePort(text: string): TypedValue {
  const n = parseInteger(text);
  if (!n.ok || typeof n.value !== 'number' || n.value < 1 || n.value > 65535) {
    return { ok: false, message: `'${text}' is not a port (a whole number from 1 to 65535)` };
  }
  return n;
}

/** What YAML 1.1 reads from `text` as a plain scalar (strings stay exactly as typed). */
function readAsYaml11(text: string): unknown {
  if (text === '') return '';
  try {
    const value: unknown = parse(`v: ${text}\n`, snakeYaml11)?.v;
    if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  } catch {
    // Not a scalar YAML can read: it is a string.
  }
  return text;
}

export function parseTypedValue(
  text: string,
  type: OptionType | undefined,
  existing: unknown,
): TypedValue {
  switch (type) {
    case 'boolean':
      return parseBoolean(text);
    case 'integer':
      return parseInteger(text);
    case 'port':
      return parsePort(text);
    case 'trust':
      if (trueWords.test(text) || falseWords.test(text)) return parseBoolean(text);
      if (text.trim() === '') {
        return { ok: false, message: 'a trusted CA is true, false or the path of a CA file' };
      }
      return { ok: true, value: text };
    case 'string':
    case 'path':
    case 'secret':
    case 'list':
      return { ok: true, value: text };
    case undefined:
      break;
  }
  if (typeof existing === 'boolean') return parseBoolean(text);
  if (typeof existing === 'number') {
    const value = readAsYaml11(text);
    return typeof value === 'number'
      ? { ok: true, value }
      : { ok: false, message: `'${text}' is not a number (the current value is ${existing})` };
  }
  if (typeof existing === 'string') return { ok: true, value: text };
  return { ok: true, value: readAsYaml11(text) };
}
