// A unified diff as lines to show, with the characters that changed inside a changed line marked:
// a removed line and the added line that replaces it differ in the middle; the common start and
// end are shown plain, so a change at the end of a long line stands out.

export type DiffLineKind = 'add' | 'remove' | 'context' | 'hunk' | 'file';

export interface DiffSegment {
  text: string;
  changed: boolean;
}

export interface DiffLine {
  kind: DiffLineKind;
  /** The line without its leading +, - or space marker (hunk and file headers whole). */
  marker: string;
  segments: DiffSegment[];
}

function kindOf(line: string): DiffLineKind {
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+++') || line.startsWith('---')) return 'file';
  if (line.startsWith('+')) return 'add';
  if (line.startsWith('-')) return 'remove';
  return 'context';
}

/** Length of the common start and common end of two strings (not overlapping). */
export function commonEnds(a: string, b: string): { start: number; end: number } {
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a[start] === b[start]) start++;
  let end = 0;
  while (end < max - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { start, end };
}

function marked(text: string, start: number, end: number): DiffSegment[] {
  const parts: DiffSegment[] = [
    { text: text.slice(0, start), changed: false },
    { text: text.slice(start, text.length - end), changed: true },
    { text: text.slice(text.length - end), changed: false },
  ];
  return parts.filter((p) => p.text !== '');
}

const whole = (text: string, changed: boolean): DiffSegment[] => [{ text, changed }];

/**
 * Lines of a unified diff, each removed line paired with the added line at the same position of
 * the block that follows it; paired lines mark only their differing middle. Unpaired lines (a pure
 * addition or removal) are marked whole.
 */
export function diffLines(diff: string): DiffLine[] {
  const raw = diff.replace(/\n$/, '').split('\n');
  if (diff === '') return [];
  const out: DiffLine[] = [];
  let i = 0;
  while (i < raw.length) {
    const line = raw[i]!;
    const kind = kindOf(line);
    if (kind !== 'remove') {
      const body = kind === 'add' || kind === 'context' ? line.slice(1) : line;
      out.push({
        kind,
        marker: kind === 'hunk' || kind === 'file' ? '' : line.slice(0, 1),
        segments: whole(body, kind === 'add'),
      });
      i++;
      continue;
    }
    const removed: string[] = [];
    while (i < raw.length && kindOf(raw[i]!) === 'remove') removed.push(raw[i++]!.slice(1));
    const added: string[] = [];
    while (i < raw.length && kindOf(raw[i]!) === 'add') added.push(raw[i++]!.slice(1));
    const pairs = Math.min(removed.length, added.length);
    removed.forEach((text, n) => {
      if (n >= pairs) return out.push({ kind: 'remove', marker: '-', segments: whole(text, true) });
      const { start, end } = commonEnds(text, added[n]!);
      out.push({ kind: 'remove', marker: '-', segments: marked(text, start, end) });
    });
    added.forEach((text, n) => {
      if (n >= pairs) return out.push({ kind: 'add', marker: '+', segments: whole(text, true) });
      const { start, end } = commonEnds(removed[n]!, text);
      out.push({ kind: 'add', marker: '+', segments: marked(text, start, end) });
    });
  }
  return out;
}
