import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  makeCertFiles,
  pure,
  tempDir,
  validateIn,
  withRule,
  type CertFiles,
} from './rules-support';

const tmp = tempDir('ssl');
let certs: CertFiles | undefined;
before(() => {
  certs = makeCertFiles(tmp.dir);
});
after(() => tmp.cleanup());

test('enableSsl true without ssl.keyStorePath: error pointing at the key to add', () => {
  const found = withRule(pure('enableSsl: true\nssl:\n  port: 9443\n'), 'ssl-keystore-missing');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'error');
  assert.equal(found[0]?.path, 'ssl.keyStorePath');
  assert.deepEqual([found[0]?.line, found[0]?.column], [2, 1]);
});

test('the older layout jetty.enableSsl counts too; enableSsl false does not', () => {
  const old = pure('jetty:\n  port: 8090\n  enableSsl: yes\n');
  assert.equal(withRule(old, 'ssl-keystore-missing').length, 1);
  assert.match(withRule(old, 'ssl-keystore-missing')[0]?.message ?? '', /jetty\.enableSsl/);
  assert.deepEqual(pure('enableSsl: false\nssl:\n  port: 443\n'), []);
});

test('HTTPS port below 1024 warns (suggesting 9443); above does not', () => {
  const low = withRule(
    pure('enableSsl: true\nssl:\n  port: 443\n  keyStorePath: k\n'),
    'ssl-port-privileged',
  );
  assert.equal(low[0]?.severity, 'warning');
  assert.match(low[0]?.fix ?? '', /9443/);
  assert.equal(
    withRule(
      pure('enableSsl: true\nssl:\n  port: 9443\n  keyStorePath: k\n'),
      'ssl-port-privileged',
    ).length,
    0,
  );
});

test('port outside 1..65535 is an error', () => {
  for (const port of ['0', '70000', '-5']) {
    const found = withRule(pure(`ssl:\n  port: ${port}\n`), 'port-range');
    assert.equal(found.length, 1, port);
    assert.equal(found[0]?.path, 'ssl.port');
  }
  assert.deepEqual(withRule(pure('ssl:\n  port: 65535\n'), 'port-range'), []);
});

test('keystore file: missing relative path is resolved against the yaml folder', async () => {
  const found = await validateIn(
    tmp.dir,
    'enableSsl: true\nssl:\n  port: 9443\n  keyStorePath: nope.jks\n  keyStorePassword: OBF:1ri7\n',
  );
  const missing = withRule(found, 'ssl-keystore-not-found');
  assert.equal(missing.length, 1);
  assert.ok(missing[0]?.message.includes(join(tmp.dir, 'nope.jks')));
  assert.equal(missing[0]?.line, 4);
});

test('keystore file: an existing JKS (by content, whatever its name) passes', async (t) => {
  if (!certs) return t.skip('openssl or keytool not installed');
  const found = await validateIn(
    tmp.dir,
    'enableSsl: true\nssl:\n  port: 9443\n  keyStorePath: trust.jks\n  keyStorePassword: OBF:1ri7\n',
  );
  // Its content (password, key entry) is judged by other rules: rules-keystore-files.test.ts.
  assert.deepEqual(
    found.filter((d) => d.rule === 'ssl-keystore-not-found' || d.rule === 'ssl-keystore-format'),
    [],
  );
});

test('keystore file: a PEM named like a keystore is an error', async (t) => {
  if (!certs) return t.skip('openssl or keytool not installed');
  writeFileSync(
    join(tmp.dir, 'keystore'),
    '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
  );
  const found = await validateIn(
    tmp.dir,
    'enableSsl: true\nssl:\n  port: 9443\n  keyStorePath: keystore\n  keyStorePassword: OBF:1ri7\n',
  );
  const errors = found.filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => d.rule),
    ['ssl-keystore-format'],
  );
  assert.match(errors[0]?.message ?? '', /PEM/);
});

test('keystore file is not checked while HTTPS is off', async () => {
  const found = await validateIn(tmp.dir, 'enableSsl: false\nssl:\n  keyStorePath: nope.jks\n');
  assert.deepEqual(withRule(found, 'ssl-keystore-not-found'), []);
});
