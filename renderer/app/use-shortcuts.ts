// Keyboard shortcuts of the shell (the desktop menu sends the same command names).
import { useEffect } from 'react';

export type ShellCommand = 'open' | 'save' | 'undo' | 'redo' | 'find';

function commandFor(e: KeyboardEvent): ShellCommand | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 's') return 'save';
  if (key === 'o') return 'open';
  if (key === 'k') return 'find';
  if (key === 'y' || (key === 'z' && e.shiftKey)) return 'redo';
  if (key === 'z') return 'undo';
  return null;
}

export function useShortcuts(command: (name: ShellCommand) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const name = commandFor(e);
      if (!name) return;
      e.preventDefault();
      command(name);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [command]);
}
