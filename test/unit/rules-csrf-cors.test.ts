import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { originProblem } from '../../shared/rules/csrf-cors';
import { runPureRules } from '../../shared/rules/index';
import { RwsDocument } from '../../shared/yaml/document';
import { snakeValue, snakeYamlMissing } from '../helpers/snake-yaml';
import { pure, withRule } from './rules-support';

function cors(lines: Record<string, string>, csrf = 'false'): string {
  const body = Object.entries(lines)
    .map(([k, v]) => `    ${k}: ${v}`)
    .join('\n');
  return `serverSettings:\n  enableCsrfProtection: ${csrf}\n  crossOriginSettings:\n${body}\n`;
}

const good = {
  allowedOrigins: 'https://*.example.com, https://portal.example.com:8443',
  allowedMethods: 'GET,POST,PUT,DELETE,OPTIONS',
  allowedHeaders: '"X-Requested-With,Content-Type,X-CSRF-TOKEN"',
  allowCredentials: 'true',
  exposedHeaders: '"X-CSRF-HEADER,X-CSRF-TOKEN"',
  corsFilterCacheTimeToLive: '120',
};

test('CSRF on with the guide headers: only the SpeechMiner warning', () => {
  const found = pure(cors(good, 'true'));
  assert.deepEqual(
    found.map((d) => d.rule),
    ['csrf-speechminer'],
  );
  assert.equal(found[0]?.path, 'serverSettings.enableCsrfProtection');
  assert.equal(found[0]?.line, 2);
});

test('CSRF off: no CSRF findings even without the headers', () => {
  const found = pure(cors({ ...good, exposedHeaders: 'X-Other', allowedHeaders: 'Accept' }));
  assert.deepEqual(found, []);
});

test('CSRF on without X-CSRF-TOKEN exposed: error on exposedHeaders, naming the header', () => {
  const found = withRule(
    pure(cors({ ...good, exposedHeaders: 'X-CSRF-HEADER' }, 'yes')),
    'csrf-exposed-headers',
  );
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'error');
  assert.equal(found[0]?.path, 'serverSettings.crossOriginSettings.exposedHeaders');
  assert.match(found[0]?.message ?? '', /X-CSRF-TOKEN/);
  assert.doesNotMatch(found[0]?.message ?? '', /X-CSRF-HEADER and/);
});

test('CSRF on and no crossOriginSettings at all: the error points at the key to add', () => {
  const found = pure('serverSettings:\n  enableCsrfProtection: true\n');
  const exposed = withRule(found, 'csrf-exposed-headers');
  assert.equal(exposed[0]?.path, 'serverSettings.crossOriginSettings.exposedHeaders');
  assert.match(exposed[0]?.message ?? '', /X-CSRF-HEADER and X-CSRF-TOKEN/);
  assert.equal(withRule(found, 'csrf-allowed-headers').length, 1);
});

test('header names compare case-insensitively and may span lines inside quotes', () => {
  const yaml = cors(
    {
      ...good,
      exposedHeaders: '"x-csrf-header,\n      X-Csrf-Token"',
      allowedHeaders: '"Accept,\n      x-csrf-token"',
    },
    'true',
  );
  assert.deepEqual(
    pure(yaml).map((d) => d.rule),
    ['csrf-speechminer'],
  );
});

test('CSRF on without X-CSRF-TOKEN in allowedHeaders: warning', () => {
  const found = withRule(
    pure(cors({ ...good, allowedHeaders: 'Accept' }, 'true')),
    'csrf-allowed-headers',
  );
  assert.equal(found[0]?.severity, 'warning');
  assert.equal(found[0]?.path, 'serverSettings.crossOriginSettings.allowedHeaders');
});

test('a bare * origin is an error; a wildcard label inside the host is fine', () => {
  const bare = withRule(
    pure(cors({ ...good, allowedOrigins: 'https://a.example.com, *' })),
    'cors-origin-wildcard',
  );
  assert.equal(bare.length, 1);
  assert.equal(bare[0]?.severity, 'error');
  assert.equal(
    withRule(pure(cors({ ...good, allowedOrigins: '"*"' })), 'cors-origin-wildcard').length,
    1,
  );
  assert.equal(
    withRule(pure(cors({ ...good, allowedOrigins: 'https://*' })), 'cors-origin-wildcard').length,
    1,
  );
  assert.deepEqual(pure(cors(good)), []);
});

test('origins must be scheme://host[:port]', () => {
  for (const bad of [
    'example.com',
    'https://example.com/',
    'https://example.com/app',
    'https://example.com:99999',
    'https://exa mple.com',
    'https://ex*ample.com',
    'https://user@example.com',
  ]) {
    assert.notEqual(originProblem(bad), undefined, bad);
    const found = withRule(
      pure(cors({ ...good, allowedOrigins: `"${bad}"` })),
      'cors-origin-format',
    );
    assert.equal(found.length, 1, bad);
    assert.equal(found[0]?.path, 'serverSettings.crossOriginSettings.allowedOrigins');
  }
  for (const ok of [
    'https://example.com',
    'http://*.example.com:8080',
    'https://[::1]:9443',
    'https://rws.*.example.com',
  ]) {
    assert.equal(originProblem(ok), undefined, ok);
  }
});

test('http:// origins with allowCredentials true: warning; with false: none', () => {
  const on = pure(cors({ ...good, allowedOrigins: 'http://*.example.com' }));
  assert.deepEqual(
    on.map((d) => [d.rule, d.severity]),
    [['cors-origin-http-credentials', 'warning']],
  );
  const off = pure(
    cors({ ...good, allowedOrigins: 'http://*.example.com', allowCredentials: 'false' }),
  );
  assert.deepEqual(off, []);
});

test('unknown HTTP methods are errors; known ones in any case are not', () => {
  const found = withRule(
    pure(cors({ ...good, allowedMethods: 'GET,POTS,FETCH' })),
    'cors-method-unknown',
  );
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'error');
  assert.match(found[0]?.message ?? '', /'POTS', 'FETCH'/);
  assert.deepEqual(pure(cors({ ...good, allowedMethods: 'get, Patch,HEAD' })), []);
});

test('corsFilterCacheTimeToLive: one plain-words message per mistake', () => {
  const ttl = (value: string) => pure(cors({ ...good, corsFilterCacheTimeToLive: value }));
  for (const bad of ['-1', '-5']) {
    const found = ttl(bad);
    assert.deepEqual(
      found.map((d) => [d.rule, d.severity, d.message]),
      [['number-below-min', 'error', 'corsFilterCacheTimeToLive must be zero or more.']],
      bad,
    );
  }
  for (const bad of ['1.5', 'abc', '"ten"', '94a3']) {
    const found = ttl(bad);
    assert.equal(found.length, 1, bad);
    assert.equal(found[0]?.rule, 'type-mismatch');
    assert.equal(found[0]?.severity, 'error');
    // Plain words: the value as typed, never "string \"94a3\"".
    assert.doesNotMatch(found[0]?.message ?? '', /\bstring\b|\bnumber "|\\"/, bad);
    assert.match(found[0]?.message ?? '', /must be a whole number such as 120/, bad);
  }
  assert.match(ttl('94a3')[0]?.message ?? '', /; "94a3" is not a whole number\.$/);
  assert.deepEqual(ttl('0'), []);
});

// Issue 16 item 4: "Add X-CSRF-TOKEN" is one click. The fix splices only the missing headers into
// the list in its own style (quotes, separator), the finding goes away, and SnakeYAML reads the
// header list the server will get.
describe('the CSRF header fixes', { skip: snakeYamlMissing() }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rwsec-csrf-fix-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function fixed(text: string, rule: string) {
    const d = withRule(pure(text), rule)[0];
    assert.ok(d?.quickFix, `no quick fix on ${rule}`);
    const doc = RwsDocument.parse(text).withEdits(d.quickFix.edits);
    const file = join(dir, `${rule}.yaml`);
    writeFileSync(file, doc.toString());
    const read = snakeValue(file) as {
      serverSettings: { crossOriginSettings: Record<string, string> };
    };
    return { label: d.quickFix.label, text: doc.toString(), read, after: runPureRules(doc) };
  }

  test('allowedHeaders without X-CSRF-TOKEN: "Add X-CSRF-TOKEN" keeps the quotes and the ", " style', () => {
    const r = fixed(
      cors({ ...good, allowedHeaders: '"X-Requested-With, Content-Type"' }, 'true'),
      'csrf-allowed-headers',
    );
    assert.equal(r.label, 'Add X-CSRF-TOKEN');
    assert.match(r.text, /^ {4}allowedHeaders: "X-Requested-With, Content-Type, X-CSRF-TOKEN"$/m);
    assert.equal(
      r.read.serverSettings.crossOriginSettings.allowedHeaders,
      'X-Requested-With, Content-Type, X-CSRF-TOKEN',
    );
    assert.deepEqual(withRule(r.after, 'csrf-allowed-headers'), []);
  });

  test('exposedHeaders with neither header: both added in one click, nothing else changes', () => {
    const text = cors({ ...good, exposedHeaders: 'X-Total-Count' }, 'true');
    const r = fixed(text, 'csrf-exposed-headers');
    assert.equal(r.label, 'Add X-CSRF-HEADER, X-CSRF-TOKEN');
    assert.equal(
      r.read.serverSettings.crossOriginSettings.exposedHeaders,
      'X-Total-Count,X-CSRF-HEADER,X-CSRF-TOKEN',
    );
    assert.equal(
      r.text,
      text.replace(
        'exposedHeaders: X-Total-Count',
        'exposedHeaders: X-Total-Count,X-CSRF-HEADER,X-CSRF-TOKEN',
      ),
    );
    assert.deepEqual(withRule(r.after, 'csrf-exposed-headers'), []);
  });
});
