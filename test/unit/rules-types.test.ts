import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pure } from './rules-support';

const mismatch = (yaml: string) =>
  pure(yaml)
    .filter((d) => d.rule === 'type-mismatch')
    .map((d) => [d.path, d.severity, d.line]);

test('wrong scalar types are errors at the key', () => {
  assert.deepEqual(mismatch('ssl:\n  port: abc\n'), [['ssl.port', 'error', 2]]);
  assert.deepEqual(mismatch('cassandraCluster:\n  useSSL: maybe\n'), [
    ['cassandraCluster.useSSL', 'error', 2],
  ]);
  assert.deepEqual(mismatch('onPremiseSettings:\n  cmePort: 20.5\n'), [
    ['onPremiseSettings.cmePort', 'error', 2],
  ]);
  assert.deepEqual(mismatch('enableSsl: 1\n'), [['enableSsl', 'error', 1]]);
});

test('a mapping or list where a scalar is expected is an error', () => {
  assert.deepEqual(mismatch('ssl:\n  keyStorePath:\n    file: k\n'), [
    ['ssl.keyStorePath', 'error', 2],
  ]);
  assert.deepEqual(mismatch('serverSettings:\n  webDAVTrustedCA: [a, b]\n'), [
    ['serverSettings.webDAVTrustedCA', 'error', 2],
  ]);
});

test('a scalar where a section is expected is an error', () => {
  assert.deepEqual(mismatch('ssl: on\n'), [['ssl', 'error', 1]]);
  assert.deepEqual(mismatch('serverSettings:\n  crossOriginSettings: "*"\n'), [
    ['serverSettings.crossOriginSettings', 'error', 2],
  ]);
});

test('YAML 1.1 values and quoted numbers are accepted as Java binds them', () => {
  assert.deepEqual(
    pure(
      'enableSsl: no\nssl:\n  port: "9443"\n  keyStorePath: k\ncassandraCluster:\n  useSSL: off\n  thrift_port: 9160\nserverSettings:\n  enableCsrfProtection: "false"\n  webDAVTrustedCA: /etc/ca.pem\n  rcsTrustedCA: false\n',
    ).filter((d) => d.rule === 'type-mismatch'),
    [],
  );
});

test('empty values are not type errors', () => {
  assert.deepEqual(mismatch('ssl:\n  port:\n  keyStorePath:\n'), []);
});

test('a YAML list for a comma-separated option warns with the string to write', () => {
  const found = pure('serverSettings:\n  crossOriginSettings:\n    allowedMethods: [GET, POST]\n');
  assert.deepEqual(
    found.map((d) => [d.rule, d.severity]),
    [['type-list-sequence', 'warning']],
  );
  assert.match(found[0]?.fix ?? '', /"GET,POST"/);
});
