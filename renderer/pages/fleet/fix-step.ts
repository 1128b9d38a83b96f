// A node's error as the table shows it: the explanation, and the command it tells the user to
// run (the ssh-keyscan / ssh-keygen -R step for a host key) set apart so it can be copied.
export interface FixStep {
  text: string;
  command?: string;
}

export function fixStep(error: string): FixStep {
  const at = error.indexOf('then run: ');
  if (at < 0) return { text: error };
  const rest = error.slice(at + 'then run: '.length);
  const paren = rest.indexOf(' (');
  const command = (paren < 0 ? rest : rest.slice(0, paren)).trim();
  return { text: error.slice(0, at + 'then run:'.length), command };
}
