// A small unified line diff for the reviewed save. Edits touch a few lines, so the common prefix
// and suffix are trimmed first and an LCS table is built only for the changed middle.

type Op = { kind: ' ' | '-' | '+'; line: string };

const maxTableCells = 4_000_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function middleOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > maxTableCells) {
    return [
      ...a.map((line): Op => ({ kind: '-', line })),
      ...b.map((line): Op => ({ kind: '+', line })),
    ];
  }
  // lcs[i*(m+1)+j] = length of the LCS of a[i..] and b[j..]
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i] ?? '' });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      ops.push({ kind: '-', line: a[i++] ?? '' });
    } else {
      ops.push({ kind: '+', line: b[j++] ?? '' });
    }
  }
  while (i < n) ops.push({ kind: '-', line: a[i++] ?? '' });
  while (j < m) ops.push({ kind: '+', line: b[j++] ?? '' });
  return ops;
}

function lineOps(before: string[], after: string[]): Op[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endA = before.length;
  let endB = after.length;
  while (endA > start && endB > start && before[endA - 1] === after[endB - 1]) {
    endA--;
    endB--;
  }
  return [
    ...before.slice(0, start).map((line): Op => ({ kind: ' ', line })),
    ...middleOps(before.slice(start, endA), after.slice(start, endB)),
    ...before.slice(endA).map((line): Op => ({ kind: ' ', line })),
  ];
}

/**
 * Unified diff (`diff -u` layout) from `before` to `after`; '' when they are equal.
 * `name` labels the --- / +++ header lines.
 */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  if (before === after) return '';
  const ops = lineOps(splitLines(before), splitLines(after));
  const out = [`--- ${name}`, `+++ ${name} (unsaved)`];
  let k = 0;
  while (k < ops.length) {
    // Find the next change, then grow a hunk until the gap to the following change is too wide.
    while (k < ops.length && ops[k]?.kind === ' ') k++;
    if (k >= ops.length) break;
    const hunkStart = Math.max(0, k - context);
    let hunkEnd = k;
    let gap = 0;
    for (let p = k; p < ops.length; p++) {
      if (ops[p]?.kind === ' ') {
        gap++;
        if (gap > context * 2) break;
      } else {
        gap = 0;
        hunkEnd = p;
      }
    }
    const stop = Math.min(ops.length, hunkEnd + context + 1);
    let oldLine = 1;
    let newLine = 1;
    for (let p = 0; p < hunkStart; p++) {
      if (ops[p]?.kind !== '+') oldLine++;
      if (ops[p]?.kind !== '-') newLine++;
    }
    const body = ops.slice(hunkStart, stop);
    const oldCount = body.filter((o) => o.kind !== '+').length;
    const newCount = body.filter((o) => o.kind !== '-').length;
    out.push(
      `@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@`,
    );
    for (const op of body) out.push(`${op.kind}${op.line}`);
    k = stop;
  }
  return out.join('\n') + '\n';
}
