// cassandraCluster: TLS to Cassandra and Cassandra authentication.
import { defineRule, isTrue, presentText } from './rule';

export const cassandraRule = defineRule({
  name: 'cassandra',
  findings: {
    'cassandra-truststore-missing': {
      severity: 'error',
      summary: 'useSSL is true but trustStore is not set',
    },
    'cassandra-truststore-password-missing': {
      severity: 'error',
      summary: 'useSSL is true but truststorePassword is not set',
    },
    'cassandra-credentials-incomplete': {
      severity: 'error',
      summary: 'userName without password, or password without userName',
    },
  },
  check(view, report) {
    if (isTrue(view, 'cassandraCluster.useSSL')) {
      if (presentText(view, 'cassandraCluster.trustStore') === undefined) {
        report({
          id: 'cassandra-truststore-missing',
          path: 'cassandraCluster.trustStore',
          message:
            'cassandraCluster.useSSL is true but trustStore is not set: RWS cannot verify the Cassandra nodes.',
          fix: 'Set cassandraCluster.trustStore to the JKS truststore holding the Cassandra node certificates or their root CA.',
        });
      }
      if (presentText(view, 'cassandraCluster.truststorePassword') === undefined) {
        report({
          id: 'cassandra-truststore-password-missing',
          path: 'cassandraCluster.truststorePassword',
          message:
            'cassandraCluster.useSSL is true but truststorePassword is not set: the truststore cannot be opened.',
          fix: 'Add cassandraCluster.truststorePassword (spelled with a lower-case s) with the truststore password, ideally as CRYPT: from gir.jar --encrypt.',
        });
      }
    }
    const user = presentText(view, 'cassandraCluster.userName');
    const password = presentText(view, 'cassandraCluster.password');
    if (user !== undefined && password === undefined) {
      report({
        id: 'cassandra-credentials-incomplete',
        path: 'cassandraCluster.password',
        message:
          'cassandraCluster.userName is set without password: Cassandra authentication needs both.',
        fix: 'Add cassandraCluster.password, or remove userName to connect anonymously.',
      });
    } else if (user === undefined && password !== undefined) {
      report({
        id: 'cassandra-credentials-incomplete',
        path: 'cassandraCluster.userName',
        message:
          'cassandraCluster.password is set without userName: Cassandra authentication needs both.',
        fix: 'Add cassandraCluster.userName, or remove password to connect anonymously.',
      });
    }
  },
});
