// Offset arithmetic over the raw text: edits are expressed as splices on lines, so every byte
// outside the edited lines (CRLF, BOM, comments, spacing) stays exactly as it was.

/** The file's line ending, judged by its first line break ("\n" for a one-line file). */
export function detectLineEnding(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line break of the line holding `offset` (text.length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  return lf === -1 ? text.length : lf + 1;
}

export function column(text: string, offset: number): number {
  const start = lineStart(text, offset);
  // A byte-order mark before the first key is not indentation: that key is at column 0.
  return offset - start - (start === 0 && text.startsWith('\ufeff') && offset > 0 ? 1 : 0);
}

/** True when only spaces precede `offset` on its line. */
export function onlyIndentBefore(text: string, offset: number): boolean {
  return /^\ufeff? *$/.test(text.slice(lineStart(text, offset), offset));
}

/**
 * Where the lines of an entry whose value ends at `valueEnd` stop: past the line break of that
 * line (taking its inline comment along), or `valueEnd` itself when a block value already ended
 * with its line break.
 */
export function entryLinesEnd(text: string, valueEnd: number): number {
  return valueEnd > 0 && text[valueEnd - 1] === '\n' ? valueEnd : nextLineStart(text, valueEnd);
}

export interface Splice {
  start: number;
  end: number;
  insert: string;
}

/** Applies splices that do not overlap, from the last to the first so offsets stay valid. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = splices
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.start - a.s.start || b.s.end - a.s.end || b.i - a.i);
  let out = text;
  for (const { s } of ordered) out = out.slice(0, s.start) + s.insert + out.slice(s.end);
  return out;
}

/**
 * A splice inserting whole `lines` at `at` (a line start, or the end of a text without a final
 * line break, in which case the break goes before the new lines instead of after them).
 */
export function insertLines(
  text: string,
  at: number,
  lines: readonly string[],
  eol: string,
): Splice {
  const body = lines.join(eol);
  if (at === text.length && text.length > 0 && !text.endsWith('\n')) {
    return { start: at, end: at, insert: eol + body };
  }
  return { start: at, end: at, insert: body + eol };
}

/**
 * A splice removing the whole lines [start, end). When they are the last lines of a text without a
 * final line break, the break before them goes too, so the text still ends without one.
 */
export function removeLines(text: string, start: number, end: number): Splice {
  if (end === text.length && !text.endsWith('\n') && start > 0) {
    const breakStart = text[start - 2] === '\r' ? start - 2 : start - 1;
    return { start: breakStart, end, insert: '' };
  }
  return { start, end, insert: '' };
}
