import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editDistance, nearMiss } from '../../shared/rules/unknown-keys';
import { pure } from './rules-support';

const unknown = (yaml: string) =>
  pure(yaml)
    .filter((d) => d.rule === 'unknown-key')
    .map((d) => [d.path, d.message.match(/did you mean '([^']+)'/)?.[1] ?? null]);

test('near misses of our keys are suggested, casing included', () => {
  assert.deepEqual(unknown('cassandraCluster:\n  trustStorePassword: x\n  useSSL: false\n'), [
    ['cassandraCluster.trustStorePassword', 'truststorePassword'],
  ]);
  assert.deepEqual(unknown('serverSettings:\n  webDavTrustedCA: true\n'), [
    ['serverSettings.webDavTrustedCA', 'webDAVTrustedCA'],
  ]);
  assert.deepEqual(unknown('ssl:\n  keystorePath: k\n'), [['ssl.keystorePath', 'keyStorePath']]);
  assert.deepEqual(unknown('enableSSL: true\n'), [['enableSSL', 'enableSsl']]);
  assert.deepEqual(unknown('onPremiseSettings:\n  tlsEnable: true\n'), [
    ['onPremiseSettings.tlsEnable', 'tlsEnabled'],
  ]);
});

test('any unknown key in ssl or crossOriginSettings is reported', () => {
  assert.deepEqual(unknown('ssl:\n  certAlias: jetty\n'), [['ssl.certAlias', null]]);
  assert.deepEqual(
    unknown('serverSettings:\n  crossOriginSettings:\n    allowedOrigin: https://a.b\n'),
    [['serverSettings.crossOriginSettings.allowedOrigin', 'allowedOrigins']],
  );
});

test('legitimate keys we do not own are left alone', () => {
  const yaml = [
    'logging:\n  file: rws.log',
    'jetty:\n  host:\n  port: 8090\n  enableWorkerName: true\n  enableRequestLog: true',
    'serverSettings:\n  internalApiUrlV2: http://a/b\n  webDAVMaxConnection: 20\n  crRegion: r\n  nodePath: /US/node1\n  cryptoSecurityKey: k',
    'cassandraCluster:\n  keyspace: sipfs\n  nodes: a,b\n  replication_factor: 3\n  read_consistency_level: ONE',
    'onPremiseSettings:\n  countryCode: US',
    'cometDSettings:\n  cookieSecure: false',
  ].join('\n');
  assert.deepEqual(unknown(yaml + '\n'), []);
});

test('edit distance counts transpositions as one edit', () => {
  assert.equal(editDistance('useSLS', 'useSSL'), 1);
  assert.equal(editDistance('abc', 'abc'), 0);
  assert.equal(nearMiss('nodes', ['useSSL', 'password'], false), undefined);
});
