// Where a path typed in application.yaml points: relative paths start at the config's folder (as
// RWS and our checks resolve them). Pure, for the UI, which has no node:path: it shows the
// administrator the file a relative path will name before anything is written.
const absolute = /^(\/|\\\\|[A-Za-z]:[\\/])/;

export function isAbsolutePath(path: string): boolean {
  return absolute.test(path);
}

/** `typed` resolved against the folder of `configFile`, with `.` and `..` folded. */
export function resolveBesideConfig(configFile: string, typed: string): string {
  if (isAbsolutePath(typed)) return typed;
  const windows = /^[A-Za-z]:\\/.test(configFile) || configFile.startsWith('\\\\');
  const sep = windows ? '\\' : '/';
  const parts = configFile.split(/[\\/]/).slice(0, -1);
  for (const part of typed.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    // Never above the root (or drive): "/.." is "/" as the file system reads it.
    if (part === '..') {
      if (parts.length > 1) parts.pop();
    } else parts.push(part);
  }
  return parts.join(sep) || sep;
}
