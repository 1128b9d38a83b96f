// cassandraCluster: TLS to Cassandra and Cassandra authentication.
import type { ConfigView } from '../config-view';
import type { Diagnostic } from '../diagnostics';
import { diagnostic, isTrue, presentText, type RuleInfo } from './rule';

export const cassandraRuleInfo: RuleInfo[] = [
  {
    id: 'cassandra-truststore-missing',
    severity: 'error',
    summary: 'useSSL is true but trustStore is not set',
  },
  {
    id: 'cassandra-truststore-password-missing',
    severity: 'error',
    summary: 'useSSL is true but truststorePassword is not set',
  },
  {
    id: 'cassandra-credentials-incomplete',
    severity: 'error',
    summary: 'userName without password, or password without userName',
  },
];

export function cassandraRule(view: ConfigView): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (isTrue(view, 'cassandraCluster.useSSL')) {
    if (presentText(view, 'cassandraCluster.trustStore') === undefined) {
      out.push(
        diagnostic(
          view,
          'error',
          'cassandra-truststore-missing',
          'cassandraCluster.trustStore',
          'cassandraCluster.useSSL is true but trustStore is not set: RWS cannot verify the Cassandra nodes.',
          'Set cassandraCluster.trustStore to the JKS truststore holding the Cassandra node certificates or their root CA.',
        ),
      );
    }
    if (presentText(view, 'cassandraCluster.truststorePassword') === undefined) {
      out.push(
        diagnostic(
          view,
          'error',
          'cassandra-truststore-password-missing',
          'cassandraCluster.truststorePassword',
          'cassandraCluster.useSSL is true but truststorePassword is not set: the truststore cannot be opened.',
          'Add cassandraCluster.truststorePassword (spelled with a lower-case s) with the truststore password, ideally as CRYPT: from gir.jar --encrypt.',
        ),
      );
    }
  }
  const user = presentText(view, 'cassandraCluster.userName');
  const password = presentText(view, 'cassandraCluster.password');
  if (user !== undefined && password === undefined) {
    out.push(
      diagnostic(
        view,
        'error',
        'cassandra-credentials-incomplete',
        'cassandraCluster.password',
        'cassandraCluster.userName is set without password: Cassandra authentication needs both.',
        'Add cassandraCluster.password, or remove userName to connect anonymously.',
      ),
    );
  } else if (user === undefined && password !== undefined) {
    out.push(
      diagnostic(
        view,
        'error',
        'cassandra-credentials-incomplete',
        'cassandraCluster.userName',
        'cassandraCluster.password is set without userName: Cassandra authentication needs both.',
        'Add cassandraCluster.userName, or remove password to connect anonymously.',
      ),
    );
  }
  return out;
}
