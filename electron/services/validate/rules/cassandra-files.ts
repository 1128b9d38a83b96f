// The Cassandra client truststore: present and a Java keystore by content.
import type { Diagnostic } from '../../../../shared/diagnostics';
import { diagnostic, isTrue, presentText } from '../../../../shared/rules/rule';
import { describeFormat } from '../../files/detect-format';
import { probeProblem, shownPath, type FileRuleModule } from '../file-rule';

const PATH = 'cassandraCluster.trustStore';

export const cassandraFiles: FileRuleModule = {
  info: [
    {
      id: 'cassandra-truststore-not-found',
      severity: 'error',
      summary: 'useSSL is true but the trustStore file does not exist',
    },
    {
      id: 'cassandra-truststore-format',
      severity: 'error',
      summary: 'the trustStore file is not a Java keystore by content',
    },
  ],
  async rule(ctx): Promise<Diagnostic[]> {
    const { view } = ctx;
    const path = presentText(view, PATH);
    if (!isTrue(view, 'cassandraCluster.useSSL') || path === undefined) return [];
    const probe = await ctx.probe(path);
    if (probe.kind !== 'file') {
      const what = probeProblem(probe);
      return [
        diagnostic(
          view,
          'error',
          'cassandra-truststore-not-found',
          PATH,
          `cassandraCluster.trustStore ${shownPath(path, probe)} ${what}: RWS cannot connect to Cassandra over TLS.`,
          'Copy the client truststore (client.jks) to that path on this node, or correct trustStore.',
        ),
      ];
    }
    const { format } = probe.guess;
    if (format === 'JKS' || format === 'PKCS12' || format === 'JCEKS') return [];
    return [
      diagnostic(
        view,
        'error',
        'cassandra-truststore-format',
        PATH,
        `cassandraCluster.trustStore ${shownPath(path, probe)} is ${describeFormat(format)}, not a Java truststore.`,
        'Import the Cassandra root CA or node certificates into a JKS truststore (keytool -importcert -keystore client.jks) and point trustStore at it.',
      ),
    ];
  },
};
