// The review's diff lines: a changed line marks only the characters that changed, so the change
// at the end of a long line is what stands out; additions and removals alone are marked whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { commonEnds, diffLines } from '../../renderer/components/diff/line-diff';

const changedText = (line: { segments: { text: string; changed: boolean }[] }) =>
  line.segments
    .filter((s) => s.changed)
    .map((s) => s.text)
    .join('');

test('a line changed at its end marks only the end', () => {
  const diff = [
    '--- a/application.yaml',
    '+++ b/application.yaml',
    '@@ -89,1 +89,1 @@',
    '-    allowedHeaders: "X-Requested-With,Content-Type,ssid"',
    '+    allowedHeaders: "X-Requested-With,Content-Type,ssid,X-Trace"',
    '     allowCredentials: true',
    '',
  ].join('\n');
  const lines = diffLines(diff);
  assert.deepEqual(
    lines.map((l) => l.kind),
    ['file', 'file', 'hunk', 'remove', 'add', 'context'],
  );
  assert.equal(changedText(lines[3]!), '');
  assert.equal(changedText(lines[4]!), ',X-Trace');
  assert.equal(changedText(lines[5]!), '');
  assert.equal(
    lines[4]!.marker + lines[4]!.segments.map((s) => s.text).join(''),
    diff.split('\n')[4],
  );
});

test('a pure addition is marked whole; a removal block pairs line by line', () => {
  const lines = diffLines('-  port: 443\n-  a: 1\n+  port: 9443\n+  b: 2\n+  c: 3\n');
  assert.deepEqual(
    lines.map((l) => [l.kind, changedText(l)]),
    [
      ['remove', ''],
      ['remove', 'a: 1'],
      ['add', '9'],
      ['add', 'b: 2'],
      ['add', '  c: 3'],
    ],
  );
});

test('an empty diff has no lines', () => {
  assert.deepEqual(diffLines(''), []);
});

test('property: the segments of every line rebuild it, and paired lines share start and end', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), (a, b) => {
      const [removed, added] = diffLines(`-${a}\n+${b}\n`);
      assert.equal(removed!.segments.map((s) => s.text).join(''), a);
      assert.equal(added!.segments.map((s) => s.text).join(''), b);
      const { start, end } = commonEnds(a, b);
      assert.ok(start + end <= Math.min(a.length, b.length));
      assert.equal(a.slice(0, start), b.slice(0, start));
      assert.equal(a.slice(a.length - end), b.slice(b.length - end));
    }),
  );
});
