// The one escaping function for text shown to a person in a terminal. Values printed in human
// output come from places an attacker can control: a TLS server's certificate (SANs, subject), a
// crafted keystore, a config file. Raw, their control characters move the cursor, erase lines or
// start new ones, so a value could print a fake "trusted" line or hide a FAIL. Every control
// character (C0 including tab, CR and LF, DEL, C1), the line and paragraph separators and the
// bidirectional-text controls are shown as visible escapes instead. JSON output is not passed
// through this: it is exact, and JSON.stringify escapes C0 itself.

// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escapeOne(ch: string): string {
  const code = ch.charCodeAt(0);
  return (
    named[ch] ??
    (code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`)
  );
}

/**
 * `text` with every character that could alter the terminal shown as an escape. One line unless
 * `multiline`, which keeps line feeds (for a block of YAML that is meant to span lines).
 */
export function terminalSafe(text: string, multiline = false): string {
  return text.replace(unsafe, (ch) => (multiline && ch === '\n' ? ch : escapeOne(ch)));
}

/** Joins lines for the terminal, each made safe: a value can never add or erase a line. */
export function terminalLines(lines: readonly string[]): string {
  return lines.map((line) => terminalSafe(line)).join('\n');
}
