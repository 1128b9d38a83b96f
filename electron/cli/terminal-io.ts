// Output of commands that print what remote nodes, inventories and certificates hold: every piece
// of text is made terminal-safe on its way out (line feeds kept, every other control shown as an
// escape), so a crafted subject, SAN, host answer or file cannot move the cursor, erase a line or
// recolour a verdict. Values that could hold a line feed themselves are escaped where they are
// printed (one line each). JSON output stays exact: it is not passed through.
import { terminalSafe } from '../../shared/terminal-safe';
import type { CliIo } from './command';

export function terminalSafeIo(io: CliIo, json: boolean): CliIo {
  return {
    ...io,
    out: json ? (text) => io.out(text) : (text) => io.out(terminalSafe(text, true)),
    err: (text) => io.err(terminalSafe(text, true)),
  };
}
