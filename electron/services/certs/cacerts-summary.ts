// The JVM's cacerts, which RWS trusts wherever a `*TrustedCA: true` flag says so. It holds a
// hundred or more public CAs maintained by the JDK's vendor: the inventory counts them and names
// the earliest expiry instead of listing each.
import type { CacertsSummary, InventoryReadError } from '../../../shared/certs/inventory';
import { JDK_CACERTS_PASSWORD, jdkCacertsPath } from '../chain/jdk-cacerts';
import { MAX_STORE_BYTES, readRegularFile } from '../files/bounded-read';
import { KeystoreError } from '../keystore/model';
import { readKeystore } from '../keystore/read';

export async function summariseCacerts(
  configKeys: string[],
  node: string,
  now: number,
  env: NodeJS.ProcessEnv,
  where?: { file: string; read: (path: string) => Promise<Buffer> },
): Promise<{ summary?: CacertsSummary; error?: InventoryReadError }> {
  const file = where ? where.file : jdkCacertsPath(env);
  const keys = configKeys.join(', ');
  if (file === undefined) {
    return {
      error: {
        node,
        file: '$JAVA_HOME/lib/security/cacerts',
        configKey: configKeys[0] ?? '',
        kind: 'missing',
        message: `${keys} true means the JVM's cacerts, but none was found (looked in $JAVA_HOME/lib/security and /etc/ssl/certs/java): set JAVA_HOME to the JDK RWS runs on.`,
      },
    };
  }
  try {
    const store = readKeystore(
      await (where ? where.read(file) : readRegularFile(file, MAX_STORE_BYTES)),
      {
        file,
        password: JDK_CACERTS_PASSWORD,
      },
    );
    const ends = store.entries.flatMap((e) => (e.chain[0] ? [Date.parse(e.chain[0].validTo)] : []));
    const earliest = ends.length > 0 ? Math.min(...ends) : undefined;
    return {
      summary: {
        node,
        file,
        configKeys,
        count: ends.length,
        expired: ends.filter((t) => t <= now).length,
        ...(earliest !== undefined ? { earliestNotAfter: new Date(earliest).toISOString() } : {}),
      },
    };
  } catch (error) {
    const message = error instanceof KeystoreError ? error.message : (error as Error).message;
    return {
      error: {
        node,
        file,
        configKey: configKeys[0] ?? '',
        kind:
          error instanceof KeystoreError && error.code === 'wrong-password'
            ? 'wrong-password'
            : 'unreadable',
        message: `${keys} (JVM cacerts): ${message}`,
      },
    };
  }
}
