import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  makeCertFiles,
  pure,
  tempDir,
  validateIn,
  withRule,
  type CertFiles,
} from './rules-support';

const tmp = tempDir('cass');
let certs: CertFiles | undefined;
before(() => {
  certs = makeCertFiles(tmp.dir);
});
after(() => tmp.cleanup());

test('useSSL without trustStore and truststorePassword: two errors at the keys to add', () => {
  const found = pure('cassandraCluster:\n  keyspace: sipfs\n  useSSL: yes\n');
  assert.deepEqual(
    found.map((d) => [d.rule, d.severity, d.path]),
    [
      ['cassandra-truststore-missing', 'error', 'cassandraCluster.trustStore'],
      ['cassandra-truststore-password-missing', 'error', 'cassandraCluster.truststorePassword'],
    ],
  );
});

test('useSSL false: no truststore needed', () => {
  assert.deepEqual(pure('cassandraCluster:\n  useSSL: false\n'), []);
});

test('useSSL with a missing trustStore file: error', async () => {
  const found = await validateIn(
    tmp.dir,
    'cassandraCluster:\n  useSSL: true\n  trustStore: client.jks\n  truststorePassword: CRYPT:x\n',
  );
  assert.deepEqual(
    found.map((d) => [d.rule, d.path]),
    [['cassandra-truststore-not-found', 'cassandraCluster.trustStore']],
  );
});

test('useSSL with a real JKS truststore: no findings; with a PEM: format error', async (t) => {
  if (!certs) return t.skip('openssl or keytool not installed');
  const ok = await validateIn(
    tmp.dir,
    'cassandraCluster:\n  useSSL: true\n  trustStore: trust.jks\n  truststorePassword: CRYPT:x\n',
  );
  // A CRYPT: password cannot be checked here: an info finding only.
  assert.deepEqual(
    ok.filter((d) => d.severity !== 'info'),
    [],
  );
  const pem = await validateIn(
    tmp.dir,
    'cassandraCluster:\n  useSSL: true\n  trustStore: ca.pem\n  truststorePassword: CRYPT:x\n',
  );
  assert.deepEqual(
    pem.map((d) => d.rule),
    ['cassandra-truststore-format'],
  );
});

test('userName without password and the reverse are errors; both or neither are fine', () => {
  const userOnly = withRule(
    pure('cassandraCluster:\n  userName: gir\n'),
    'cassandra-credentials-incomplete',
  );
  assert.equal(userOnly[0]?.path, 'cassandraCluster.password');
  assert.equal(userOnly[0]?.severity, 'error');
  const passOnly = withRule(
    pure('cassandraCluster:\n  password: CRYPT:x\n'),
    'cassandra-credentials-incomplete',
  );
  assert.equal(passOnly[0]?.path, 'cassandraCluster.userName');
  assert.deepEqual(pure('cassandraCluster:\n  userName: gir\n  password: CRYPT:x\n'), []);
  assert.deepEqual(pure('cassandraCluster:\n  keyspace: sipfs\n'), []);
});
