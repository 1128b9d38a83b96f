// Recently opened paths (configs, inventories), kept in this browser profile only.
const limit = 8;

export interface RecentList {
  list(): string[];
  remember(path: string): void;
}

function recentList(key: string): RecentList {
  const list = (): string[] => {
    try {
      const stored = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
      return Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  };
  return {
    list,
    remember(path) {
      try {
        const next = [path, ...list().filter((p) => p !== path)].slice(0, limit);
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage may be disabled; recent paths are a convenience only.
      }
    },
  };
}

export const recentConfigs = recentList('rwsec.recentFiles');
export const recentInventories = recentList('rwsec.recentInventories');
