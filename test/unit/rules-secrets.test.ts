import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pure, withRule } from './rules-support';

test('plain keyStorePassword: warning suggesting OBF via rwsec obf', () => {
  const found = pure('ssl:\n  keyStorePassword: storepwd\n');
  assert.deepEqual(
    found.map((d) => [d.rule, d.severity, d.path]),
    [['secret-plain-text', 'warning', 'ssl.keyStorePassword']],
  );
  assert.match(found[0]?.fix ?? '', /OBF:.*rwsec obf/);
});

test('plain CRYPT-capable passwords: warning suggesting gir.jar --encrypt', () => {
  for (const path of [
    'serverSettings:\n  webDAVJksPassword: x',
    'serverSettings:\n  jksPassword: x',
    'cassandraCluster:\n  truststorePassword: x',
  ]) {
    const found = pure(path + '\n');
    assert.deepEqual(
      found.map((d) => d.rule),
      ['secret-plain-text'],
      path,
    );
    assert.match(found[0]?.fix ?? '', /CRYPT:.*gir\.jar --encrypt/, path);
  }
});

test('encrypted or obfuscated in the right form: nothing to say', () => {
  assert.deepEqual(pure('ssl:\n  keyStorePassword: OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v\n'), []);
  assert.deepEqual(pure('serverSettings:\n  rcsJksPassword: CRYPT:an03xPrxLAu9p==\n'), []);
  assert.deepEqual(pure('serverSettings:\n  rcsJksPassword: ""\n'), []);
});

test('Jetty MD5: or CRYPT: on keyStorePassword is an error explaining plain/OBF only', () => {
  for (const value of ['MD5:5f4dcc3b5aa765d61d8327deb882cf99', 'CRYPT:an03xPrxLAu9p==']) {
    const found = withRule(pure(`ssl:\n  keyStorePassword: ${value}\n`), 'secret-one-way-hash');
    assert.equal(found.length, 1, value);
    assert.equal(found[0]?.severity, 'error');
    assert.match(found[0]?.message ?? '', /plain text or OBF: only/);
  }
});

test('MD5: on a password the server needs is an error; OBF: where only CRYPT: is decoded too', () => {
  const md5 = pure('cassandraCluster:\n  userName: u\n  password: MD5:abc\n');
  assert.deepEqual(
    md5.map((d) => [d.rule, d.severity]),
    [['secret-one-way-hash', 'error']],
  );
  const obf = pure('serverSettings:\n  speechMinerJksPassword: OBF:1ri7\n');
  assert.deepEqual(
    obf.map((d) => [d.rule, d.severity]),
    [['secret-form-unsupported', 'error']],
  );
});

test('a password YAML reads as a number is flagged (leading zeros change it)', () => {
  const found = pure('serverSettings:\n  jksPassword: 0123\n');
  assert.deepEqual(found.map((d) => d.rule).sort(), ['secret-not-text', 'secret-plain-text']);
  assert.deepEqual(
    withRule(pure('serverSettings:\n  jksPassword: "0123"\n'), 'secret-not-text'),
    [],
  );
});
