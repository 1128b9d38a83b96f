// The Cassandra client truststore: present and a Java keystore by content.
import { isTrue } from '../../../../shared/rules/rule';
import { keystoreFileRule } from './keystore-file-rule';

export const cassandraFiles = keystoreFileRule({
  path: 'cassandraCluster.trustStore',
  enabled: (view) => isTrue(view, 'cassandraCluster.useSSL'),
  notFound: {
    id: 'cassandra-truststore-not-found' as const,
    summary: 'useSSL is true but the trustStore file does not exist',
    consequence: 'RWS cannot connect to Cassandra over TLS.',
    fix: 'Copy the client truststore (client.jks) to that path on this node, or correct trustStore.',
  },
  wrongFormat: {
    id: 'cassandra-truststore-format' as const,
    summary: 'the trustStore file is not a Java keystore by content',
    notKeystore: 'not a Java truststore.',
    fix: 'Import the Cassandra root CA or node certificates into a JKS truststore (keytool -importcert -keystore client.jks) and point trustStore at it.',
  },
});
