// Secrets inside a value tree (a whole document as Java reads it, or one subtree): masked for
// every output that is not an explicit request for that one secret.
import { isSecretPath, SECRET_MASK } from './secret-paths';

/** `value` (at `path`) with every secret inside it replaced by ********. */
export function maskSecrets(path: string, value: unknown): unknown {
  if (isSecretPath(path) && value !== null && value !== undefined && typeof value !== 'object') {
    return SECRET_MASK;
  }
  if (Array.isArray(value)) return value.map((v, i) => maskSecrets(`${path}[${i}]`, v));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, maskSecrets(path === '' ? k : `${path}.${k}`, v)]),
    );
  }
  return value;
}

/** The value at a dotted path with optional [i] indexes (`a.b[0].c`), as maskSecrets names it. */
export function valueAtPath(root: unknown, path: string): unknown {
  let node = root;
  for (const segment of path === '' ? [] : path.split('.')) {
    const match = /^(.*?)((?:\[\d+\])*)$/.exec(segment);
    const key = match?.[1] ?? segment;
    const indexes = [...(match?.[2] ?? '').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    if (key !== '') node = own(node, key);
    for (const index of indexes) node = Array.isArray(node) ? node[index] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function own(node: unknown, key: string): unknown {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  return Object.prototype.hasOwnProperty.call(node, key)
    ? (node as Record<string, unknown>)[key]
    : undefined;
}
