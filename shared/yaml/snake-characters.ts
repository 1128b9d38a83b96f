// Characters SnakeYAML (RWS's reader) refuses or reads differently from the yaml library we parse
// with. SnakeYAML refuses a file holding any non-printable character (C0/C1 controls other than
// tab, LF, CR and NEL; U+FFFE, U+FFFF; lone surrogates). It also reads NEL, U+2028 and U+2029 as
// line breaks, where the yaml library keeps them inside the scalar or comment: the server would
// see other keys or values than we show, so such a file is refused with the way to fix it.
import { YamlSyntaxError } from './errors';

const refused =
  /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]|[\x85\u2028\u2029]/u;

const beyondAscii = /[^\t\n\r\x20-\x7e]/;

const names: Record<string, string> = {
  '\x85': 'U+0085 (next line)',
  '\u2028': 'U+2028 (line separator)',
  '\u2029': 'U+2029 (paragraph separator)',
};

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Throws YamlSyntaxError at the first character SnakeYAML would refuse or read as a line break. */
export function checkSnakeCharacters(text: string): void {
  // Most files are printable ASCII throughout: one quick scan without the Unicode-aware pattern.
  if (!beyondAscii.test(text)) return;
  const match = refused.exec(text);
  if (!match) return;
  const ch = match[0];
  const { line, column } = position(text, match.index);
  const code = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  const message = names[ch]
    ? `${names[ch]} in the text: the server (SnakeYAML) reads it as a line break, so it would ` +
      `read this line differently; write it as \\u${code} inside double quotes, or remove it`
    : `control character U+${code} in the text: the server (SnakeYAML) refuses the whole file ` +
      `("special characters are not allowed"); remove it, or write it as \\u${code} inside double quotes`;
  throw new YamlSyntaxError(message, line, column);
}
