// Watches every process's command line while a child runs (what `ps -ef` shows other users) and
// reports the lines holding any of the given secrets.
import { readdirSync, readFileSync } from 'node:fs';

export function commandLines(): string[] {
  const out: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      out.push(readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' '));
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

export interface ArgvWatch {
  /** Command lines seen that hold a secret (should stay empty). */
  leaks: string[];
  /** How many command lines of `marker` processes were seen (proves the watch saw them). */
  seen: number;
  stop(): void;
}

export function watchArgv(secrets: string[], marker: RegExp): ArgvWatch {
  const watch: ArgvWatch = { leaks: [], seen: 0, stop: () => clearInterval(timer) };
  const timer = setInterval(() => {
    for (const line of commandLines()) {
      if (marker.test(line)) watch.seen++;
      if (secrets.some((s) => line.includes(s))) watch.leaks.push(line);
    }
  }, 5);
  return watch;
}
