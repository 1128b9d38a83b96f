// `fleet status --probe` and `certs -i --probe`: the TLS endpoints a node's config names, probed
// from this machine as `rwsec validate --probe` probes them, but judged with the node's own trust
// files (read from the node over SSH) and with the node's own HTTPS port reached at the node's
// address (ansible_host), the name of externalApiUrlV2 being sent and checked.
import type { Diagnostic } from '../../../shared/diagnostics';
import { CertificateFileError } from '../chain/cert-input';
import { JDK_CACERTS_PASSWORD } from '../chain/jdk-cacerts';
import { trustFromBytes, type TrustSource } from '../chain/trust-source';
import { probeConfigDiagnostics, type ConfigProbeOptions } from '../probe/config-probe';
import type { NodeFiles } from './node-files';
import type { NodeRead } from './node-read';

/** Debian's JVM trust store; a node's JAVA_HOME is not known from here. */
export const NODE_CACERTS = '/etc/ssl/certs/java/cacerts';

/** A trust file of the node, read over SSH, as RWS on the node would read it. */
export function nodeTrustReader(
  files: NodeFiles,
  node: string,
): (path: string, password?: string) => Promise<TrustSource> {
  return async (path, password) => {
    const file = await files.get(path);
    if (file.kind === 'file') return trustFromBytes(file.bytes, path, password, `${node}:${path}`);
    const why =
      file.kind === 'missing'
        ? 'does not exist on the node'
        : file.kind === 'folder'
          ? 'is a folder on the node'
          : `cannot be read on the node (${file.reason})`;
    throw new CertificateFileError(
      `${node}:${path} ${why}. Check the path.`,
      path,
      file.kind === 'missing' ? 'not-found' : 'unreadable',
    );
  };
}

/** Probe options that make a config's probe see the node's files and address. */
export function nodeProbeOptions(node: NodeRead, files: NodeFiles): ConfigProbeOptions {
  const readTrust = nodeTrustReader(files, node.host.name);
  return {
    readTrust,
    jdkTrust: () => readTrust(NODE_CACERTS, JDK_CACERTS_PASSWORD),
    rwsAddress: node.host.host,
  };
}

/** The probe diagnostics of a node that was read (none for a node whose config is unread). */
export async function probeNode(
  node: NodeRead,
  options: Pick<ConfigProbeOptions, 'timeoutMs' | 'cassandraPort'> = {},
): Promise<Diagnostic[]> {
  if (!node.doc || !node.files) return [];
  return probeConfigDiagnostics(node.doc, node.host.config as string, {
    ...options,
    ...nodeProbeOptions(node, node.files),
  });
}
