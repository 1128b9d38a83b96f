// Where the JDK keeps its default trust store, and its well-known password. Kept apart from
// trust-source.ts so that readers needing only the path (the certificate inventory) do not load
// the chain code and its X.509 library.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const JDK_CACERTS_PASSWORD = 'changeit';

/** The JDK cacerts path: $JAVA_HOME/lib/security/cacerts (or jre/lib/... on Java 8), else Debian's. */
export function jdkCacertsPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates: string[] = [];
  if (env.JAVA_HOME) {
    candidates.push(join(env.JAVA_HOME, 'lib', 'security', 'cacerts'));
    candidates.push(join(env.JAVA_HOME, 'jre', 'lib', 'security', 'cacerts'));
  }
  candidates.push('/etc/ssl/certs/java/cacerts');
  return candidates.find((path) => existsSync(path));
}
