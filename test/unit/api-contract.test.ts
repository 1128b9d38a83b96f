import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channels, contract, type ApiHandlers } from '../../shared/api/contract';
import { ApiError, dispatch } from '../../shared/api/dispatch';
import { externalLinkTarget } from '../../shared/api/external-links';
import { effectivePath, uncoveredLeaves } from '../../shared/api/option-layout';
import { unifiedDiff } from '../../electron/services/session/line-diff';

test('external links: only plain http(s) URLs to a named host are opened', () => {
  assert.equal(externalLinkTarget('https://docs.genesys.com/x'), 'https://docs.genesys.com/x');
  assert.equal(externalLinkTarget('http://example.com'), 'http://example.com/');
  const hostile: unknown[] = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'smb://host/share',
    'ms-msdt:/id',
    'https://bank.example@evil.example/',
    'https://user:pass@evil.example/',
    'http://',
    '//evil.example',
    '/relative',
    'https://evil.example/\u0000',
    'https://evil.example/\u2028'.replace('\u2028', '\u0085'),
    '',
    'https://' + 'a'.repeat(3000) + '.example',
    undefined,
    null,
    42,
    { toString: () => 'https://x.example' },
  ];
  for (const raw of hostile) assert.equal(externalLinkTarget(raw), null, String(raw));
});

test('dispatch parses requests with the channel schema and refuses bad ones before the handler', async () => {
  let called = 0;
  const handlers = Object.fromEntries(
    channels.map((c) => [
      c,
      async () => {
        called++;
        return { diff: 'x' };
      },
    ]),
  ) as unknown as ApiHandlers;
  await assert.rejects(dispatch(handlers, 'config.edit', { edits: [] }), ApiError);
  await assert.rejects(dispatch(handlers, 'config.open', { path: 1 }), /config\.open.*path/);
  await assert.rejects(dispatch(handlers, 'config.open', { path: '/a', extra: 1 }), ApiError);
  await assert.rejects(
    dispatch(handlers, 'config.edit', { edits: [{ path: 'a', value: 1, delete: true }] }),
    ApiError,
  );
  assert.equal(called, 0);
  assert.deepEqual(await dispatch(handlers, 'config.diff', {}), { diff: 'x' });
  // A handler answering outside the contract is caught too.
  await assert.rejects(dispatch(handlers, 'app.info', {}));
  assert.ok(Object.keys(contract).includes('config.save'));
});

test('enableSsl is edited where the file has it (top level or under jetty)', () => {
  assert.equal(effectivePath('enableSsl', { enableSsl: false }), 'enableSsl');
  assert.equal(effectivePath('enableSsl', { jetty: { enableSsl: false } }), 'jetty.enableSsl');
  assert.equal(effectivePath('enableSsl', {}), 'enableSsl');
  assert.equal(effectivePath('ssl.port', { jetty: { enableSsl: true } }), 'ssl.port');
});

test('uncovered leaves: everything outside the catalog, nothing inside it', () => {
  const values = {
    ssl: { port: 1, extra: 'x' },
    logging: { file: 'a' },
    jetty: { enableSsl: true },
    list: [1],
  };
  assert.deepEqual(uncoveredLeaves(values, ['ssl.port', 'jetty.enableSsl']).sort(), [
    'list',
    'logging.file',
    'ssl.extra',
  ]);
});

test('unified diff: hunks with context, exact +/- lines and line numbers', () => {
  const before = Array.from({ length: 20 }, (_, i) => `line${i + 1}`).join('\n') + '\n';
  const after = before.replace('line5\n', 'LINE5\n').replace('line18\n', '');
  const diff = unifiedDiff(before, after, 'f.yaml');
  assert.equal(
    diff,
    [
      '--- f.yaml',
      '+++ f.yaml (unsaved)',
      '@@ -2,7 +2,7 @@',
      ' line2',
      ' line3',
      ' line4',
      '-line5',
      '+LINE5',
      ' line6',
      ' line7',
      ' line8',
      '@@ -15,6 +15,5 @@',
      ' line15',
      ' line16',
      ' line17',
      '-line18',
      ' line19',
      ' line20',
      '',
    ].join('\n'),
  );
  assert.equal(unifiedDiff('a\n', 'a\n', 'f'), '');
  assert.match(unifiedDiff('', 'x\n', 'f'), /@@ -0,0 \+1,1 @@\n\+x/);
});
