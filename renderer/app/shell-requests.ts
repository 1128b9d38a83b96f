// A page asks the shell for one of its commands (a wizard's "Review and save" opens the same
// reviewed save as the Save button), without the page knowing the shell's state.
import type { ShellCommand } from './use-shortcuts';

type Listener = (command: ShellCommand) => void;

const listeners = new Set<Listener>();

export function requestShellCommand(command: ShellCommand): void {
  for (const listener of listeners) listener(command);
}

/** The shell listens; returns the unsubscribe. */
export function onShellCommandRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
