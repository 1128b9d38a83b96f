// Recently opened config paths, kept in this browser profile only.
const key = 'rwsec.recentFiles';
const limit = 8;

export function recentFiles(): string[] {
  try {
    const list = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberFile(path: string): void {
  try {
    const next = [path, ...recentFiles().filter((p) => p !== path)].slice(0, limit);
    localStorage.setItem(key, JSON.stringify(next));
  } catch {
    // Storage may be disabled; recent files are a convenience only.
  }
}
