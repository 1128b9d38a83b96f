// Issue 13 items 3 and 9: rules that read HTTPS together with the rest of the node, and the
// session timeout and cookie flags. Every quick fix is applied to the real sample, validated
// again, and the written file is read back by SnakeYAML with the values we report.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { Diagnostic } from '../../shared/diagnostics';
import { runPureRules } from '../../shared/rules/index';
import { RwsDocument } from '../../shared/yaml/document';
import { snakeValue, snakeYamlMissing } from '../helpers/snake-yaml';
import { sampleConfig } from '../helpers/paths';
import { pure, withRule } from './rules-support';

const sample = readFileSync(sampleConfig, 'utf8');
const httpsOn = (text: string) => text.replace('enableSsl: false', 'enableSsl: true');
const dir = mkdtempSync(join(tmpdir(), 'rwsec-cross-field-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Applies the quick fix, and returns the document, its findings, and SnakeYAML's reading. */
function applyFix(text: string, d: Diagnostic | undefined) {
  assert.ok(d?.quickFix, `no quick fix on ${d?.rule ?? 'nothing'}`);
  const doc = RwsDocument.parse(text).withEdits(d.quickFix.edits);
  const file = join(dir, `${d.rule}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, doc.toString());
  return { doc, after: runPureRules(doc), file };
}

const skipSnake = snakeYamlMissing();
function snakeAt(file: string, path: string): unknown {
  let node = snakeValue(file);
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return node;
}

describe('HTTPS on while a URL of this node says http:// or the plain port', () => {
  test('the sample with HTTPS on: each node URL is a warning with a scheme-and-port fix', () => {
    const text = httpsOn(sample).replace('  port: 443\n', '  port: 9443\n');
    const found = withRule(pure(text), 'https-url-plain');
    assert.deepEqual(
      found.map((d) => [d.path, d.severity, d.quickFix?.edits]),
      [
        [
          'serverSettings.externalApiUrlV2',
          'warning',
          [
            {
              path: 'serverSettings.externalApiUrlV2',
              value: 'https://rws-01.example.internal:9443/api/v2',
            },
          ],
        ],
        [
          'serverSettings.internalApiUrlV2',
          'warning',
          [
            {
              path: 'serverSettings.internalApiUrlV2',
              value: 'https://rws-01.example.internal:9443/internal-api',
            },
          ],
        ],
        [
          'serverSettings.undocumentedExternalApiUrl',
          'warning',
          [
            {
              path: 'serverSettings.undocumentedExternalApiUrl',
              value: 'https://rws-01.example.internal:9443/internal-api',
            },
          ],
        ],
      ],
    );
    const first = found[0];
    const fixed = applyFix(text, first);
    assert.deepEqual(
      withRule(fixed.after, 'https-url-plain').map((d) => d.path),
      ['serverSettings.internalApiUrlV2', 'serverSettings.undocumentedExternalApiUrl'],
    );
    assert.equal(
      fixed.doc.get('serverSettings.externalApiUrlV2'),
      'https://rws-01.example.internal:9443/api/v2',
    );
    // Only that line changed; comments and other sections are byte-for-byte the same.
    const before = text.split('\n');
    const changed = fixed.doc
      .toString()
      .split('\n')
      .filter((line, i) => line !== before[i]);
    assert.deepEqual(changed, ['  externalApiUrlV2: https://rws-01.example.internal:9443/api/v2']);
    if (!skipSnake) {
      assert.equal(
        snakeAt(fixed.file, 'serverSettings.externalApiUrlV2'),
        'https://rws-01.example.internal:9443/api/v2',
      );
    }
  });

  test('https:// on the plain-HTTP port is flagged; https on 443 drops the port; HTTPS off says nothing', () => {
    const base = (url: string, sslPort: number) =>
      `enableSsl: true\njetty:\n  port: 8090\nssl:\n  port: ${sslPort}\n  keyStorePath: ks\nserverSettings:\n  externalApiUrlV2: ${url}\n`;
    const onPlain = withRule(
      pure(base('https://rws.example.com:8090/api/v2', 9443)),
      'https-url-plain',
    );
    assert.equal(onPlain.length, 1);
    assert.match(onPlain[0]?.message ?? '', /plain-HTTP port 8090/);
    assert.deepEqual(onPlain[0]?.quickFix?.edits, [
      { path: 'serverSettings.externalApiUrlV2', value: 'https://rws.example.com:9443/api/v2' },
    ]);
    const to443 = withRule(
      pure(base('http://rws.example.com:8090/api/v2', 443)),
      'https-url-plain',
    );
    assert.deepEqual(to443[0]?.quickFix?.edits, [
      { path: 'serverSettings.externalApiUrlV2', value: 'https://rws.example.com/api/v2' },
    ]);
    assert.deepEqual(
      withRule(pure(base('https://rws.example.com:9443/api/v2', 9443)), 'https-url-plain'),
      [],
    );
    assert.deepEqual(
      withRule(
        pure(
          base('http://rws.example.com:8090/api/v2', 9443).replace(
            'enableSsl: true',
            'enableSsl: false',
          ),
        ),
        'https-url-plain',
      ),
      [],
    );
    // Another host's URL on another port is not this node's.
    const other = `${base('https://rws.example.com:9443/api/v2', 9443)}  crUrl: http://es.example.com:9200/\n`;
    assert.deepEqual(withRule(pure(other), 'https-url-plain'), []);
  });
});

describe('ssl.port equal to a port this file binds', () => {
  test('ssl.port = jetty.port is an error with a fix to a free port', () => {
    const text = httpsOn(sample).replace('  port: 443\n', '  port: 8090\n');
    const found = withRule(pure(text), 'ssl-port-conflict');
    assert.deepEqual(
      found.map((d) => [d.path, d.severity]),
      [['ssl.port', 'error']],
    );
    assert.match(found[0]?.message ?? '', /ssl\.port 8090 is also jetty\.port/);
    const fixed = applyFix(text, found[0]);
    assert.deepEqual(withRule(fixed.after, 'ssl-port-conflict'), []);
    assert.equal(fixed.doc.get('ssl.port'), 9443);
    if (!skipSnake) assert.equal(snakeAt(fixed.file, 'ssl.port'), 9443);
    // While the ports clash, URLs are not rewritten to the clashing port.
    assert.ok(withRule(pure(text), 'https-url-plain').every((d) => d.quickFix === undefined));
  });

  test('another listener in jetty counts; a free port does not; HTTPS off binds no ssl.port', () => {
    const yaml = (ssl: number, on: boolean) =>
      `enableSsl: ${on}\njetty:\n  port: 8090\n  stopPort: 9443\nssl:\n  port: ${ssl}\n  keyStorePath: ks\n`;
    const clash = withRule(pure(yaml(9443, true)), 'ssl-port-conflict');
    assert.match(clash[0]?.message ?? '', /jetty\.stopPort/);
    assert.deepEqual(clash[0]?.quickFix?.edits, [{ path: 'ssl.port', value: 8443 }]);
    assert.deepEqual(withRule(pure(yaml(8443, true)), 'ssl-port-conflict'), []);
    assert.deepEqual(withRule(pure(yaml(9443, false)), 'ssl-port-conflict'), []);
  });
});

test('HTTPS on with the plain-HTTP connector open: one note at jetty.port, as the guide closes nothing', () => {
  const found = withRule(pure(httpsOn(sample)), 'https-plain-http-open');
  assert.deepEqual(
    found.map((d) => [d.path, d.severity]),
    [['jetty.port', 'info']],
  );
  assert.match(found[0]?.message ?? '', /jetty\.port 8090/);
  assert.match(found[0]?.fix ?? '', /block port 8090/);
  assert.deepEqual(withRule(pure(sample), 'https-plain-http-open'), []);
});

describe('session timeout and cookies (issue 13 item 9)', () => {
  test('jetty.sessionMaxInactiveInterval is in the catalog, on the HTTPS page', async () => {
    const { findOption } = await import('../../shared/catalog/options');
    const spec = findOption('jetty.sessionMaxInactiveInterval');
    assert.equal(spec?.section, 'https');
    assert.equal(spec?.type, 'integer');
    assert.equal(spec?.example, 1800);
    for (const key of ['httpOnly', 'secure', 'sameSite']) {
      assert.equal(findOption(`jetty.cookies.${key}`)?.onlyWhenPresent, 'jetty.cookies');
    }
  });

  test('0 or negative means sessions never expire: a warning with a fix to 1800', () => {
    for (const value of ['0', '-1']) {
      const text = sample.replace(
        'sessionMaxInactiveInterval: 1800',
        `sessionMaxInactiveInterval: ${value}`,
      );
      const found = withRule(pure(text), 'session-never-expires');
      assert.deepEqual(
        found.map((d) => [d.path, d.severity]),
        [['jetty.sessionMaxInactiveInterval', 'warning']],
        value,
      );
      const fixed = applyFix(text, found[0]);
      assert.deepEqual(withRule(fixed.after, 'session-never-expires'), []);
      assert.match(fixed.doc.toString(), /sessionMaxInactiveInterval: 1800 {3}# 30 minutes/);
      if (!skipSnake) assert.equal(snakeAt(fixed.file, 'jetty.sessionMaxInactiveInterval'), 1800);
    }
    assert.deepEqual(withRule(pure(sample), 'session-never-expires'), []);
  });

  test('HTTPS on with jetty.cookies.secure false: a warning with a fix; no cookies block, no warning', () => {
    const text = httpsOn(sample);
    const found = withRule(pure(text), 'session-cookie-not-secure');
    assert.deepEqual(
      found.map((d) => [d.path, d.severity]),
      [['jetty.cookies.secure', 'warning']],
    );
    const fixed = applyFix(text, found[0]);
    assert.deepEqual(withRule(fixed.after, 'session-cookie-not-secure'), []);
    if (!skipSnake) assert.equal(snakeAt(fixed.file, 'jetty.cookies.secure'), true);
    assert.deepEqual(withRule(pure(sample), 'session-cookie-not-secure'), [], 'HTTPS off');
    assert.deepEqual(
      withRule(pure('enableSsl: true\njetty:\n  port: 8090\n'), 'session-cookie-not-secure'),
      [],
    );
  });
});

test(
  'the sample in SnakeYAML carries the session values the catalog reports',
  { skip: skipSnake },
  () => {
    const doc = RwsDocument.parse(sample);
    assert.equal(
      snakeAt(sampleConfig, 'jetty.sessionMaxInactiveInterval'),
      doc.get('jetty.sessionMaxInactiveInterval'),
    );
    assert.equal(snakeAt(sampleConfig, 'jetty.cookies.secure'), doc.get('jetty.cookies.secure'));
  },
);
