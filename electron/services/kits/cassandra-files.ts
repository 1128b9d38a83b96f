// The text files of a Cassandra TLS kit: each node's cassandra.yaml snippet, cqlsh's cqlshrc and
// the README that says what goes where. Pure text builders: the kit decides paths and writes them.

/** Where the admin copies a node's stores on that node (the snippet and README use it). */
export const defaultNodeTlsDir = '/etc/cassandra/tls';

export interface NodeYamlInput {
  node: string;
  /** Folder on the Cassandra host holding keystore.jks and truststore.jks. */
  nodeDir: string;
  storepass: string;
}

/** Quotes a YAML scalar only when plain style would change its meaning (YAML 1.1 rules). */
function yamlScalar(value: string): string {
  const plainSafe =
    /^[A-Za-z0-9_./-][A-Za-z0-9_./@%+=-]*$/.test(value) &&
    !/^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/.test(
      value,
    ) &&
    !/^[-+]?(\.[0-9]|[0-9])/.test(value);
  return plainSafe ? value : `'${value.replace(/'/g, "''")}'`;
}

/** `client_encryption_options` + `server_encryption_options` for one node (Cassandra 4). */
export function nodeEncryptionYaml(input: NodeYamlInput): string {
  const keystore = yamlScalar(`${input.nodeDir}/keystore.jks`);
  const truststore = yamlScalar(`${input.nodeDir}/truststore.jks`);
  const pass = yamlScalar(input.storepass);
  return [
    `# TLS settings for Cassandra node ${input.node}, made by rwsec kit cassandra.`,
    `# Replace the two sections of the same names in conf/cassandra.yaml on ${input.node}, copy`,
    `# keystore.jks and truststore.jks from this folder to ${input.nodeDir}/ on that host, then restart`,
    '# Cassandra. This file holds the store password: keep it readable by the cassandra user only.',
    '',
    '# Clients (RWS, cqlsh) -> this node. The node presents its own certificate, signed by the kit CA.',
    'client_encryption_options:',
    '  enabled: true',
    '  optional: false',
    `  keystore: ${keystore}`,
    `  keystore_password: ${pass}`,
    '  store_type: JKS',
    '  require_client_auth: false',
    '',
    '# Node <-> node. Every node trusts the kit CA only and presents its certificate both ways.',
    'server_encryption_options:',
    '  internode_encryption: all',
    `  keystore: ${keystore}`,
    `  keystore_password: ${pass}`,
    `  truststore: ${truststore}`,
    `  truststore_password: ${pass}`,
    '  store_type: JKS',
    '  require_client_auth: true',
    '  # Nodes usually reach each other by IP address: turn this on only when every certificate',
    '  # names the address its peers use (add the node by IP, or both name and IP).',
    '  require_endpoint_verification: false',
    '',
  ].join('\n');
}

export interface CqlshrcInput {
  /** The node cqlsh connects to by default. */
  hostname: string;
  /** Absolute path of the CA certificate (PEM) on the machine running cqlsh. */
  caPem: string;
}

/** cqlsh settings: TLS with the kit CA as the only trust, host name validated. */
export function cqlshrc(input: CqlshrcInput): string {
  return [
    '; cqlsh settings made by rwsec kit cassandra: copy to ~/.cassandra/cqlshrc.',
    '; certfile is the kit CA certificate (never a private key); cqlsh checks that the node',
    '; certificate is signed by it and names the host it connects to (validate = true).',
    '[connection]',
    `hostname = ${input.hostname}`,
    'port = 9042',
    'ssl = true',
    'factory = cqlshlib.ssl.ssl_transport_factory',
    '',
    '[ssl]',
    `certfile = ${input.caPem}`,
    'validate = true',
    '',
  ].join('\n');
}

export interface ReadmeInput {
  outDir: string;
  nodes: readonly string[];
  nodeDir: string;
  legacy: boolean;
  keyDescription: string;
  days: number;
}

/** OUT/README.txt: what goes where on which host, and how to check it. */
export function kitReadme(input: ReadmeInput): string {
  const out = input.outDir;
  const lines = [
    'Cassandra TLS kit (made by rwsec kit cassandra)',
    '================================================',
    '',
    `Nodes: ${input.nodes.join(', ')}`,
    `Keys: ${input.keyDescription}; certificates valid ${input.days} days.`,
    input.legacy
      ? 'Procedure: LEGACY (one self-signed certificate per node; the truststores list every node).\n' +
        'Adding a node later means replacing every truststore and restarting every node and RWS.'
      : 'Procedure: one private root CA signs a certificate for each node; every truststore holds\n' +
        'only the root, so a node added later (rwsec kit cassandra --out DIR --add-node NAME) is\n' +
        'trusted without touching the other nodes or RWS.',
    'All stores use the store password given to rwsec (JKS).',
    '',
    'What goes where',
    '---------------',
  ];
  if (!input.legacy) {
    lines.push(
      `ca/root-ca.pem, ca/root-ca.key.pem`,
      '    Keep OFF the servers, in a safe place. The key is encrypted with its own CA password',
      '    (not the store password, which every node holds in plain text) and is only needed to',
      '    add nodes. Anyone holding the key and the CA password can join the cluster.',
    );
  }
  for (const node of input.nodes) {
    lines.push(
      `nodes/${node}/  ->  Cassandra host ${node}`,
      `    keystore.jks, truststore.jks  ->  ${input.nodeDir}/ (owner cassandra, mode 600)`,
      `    cassandra-encryption.yaml     ->  merge into conf/cassandra.yaml, then restart Cassandra`,
    );
  }
  lines.push(
    'client/  ->  every RWS host and the machines running cqlsh',
    '    truststore.jks  ->  RWS: cassandraCluster.trustStore (with truststorePassword, useSSL: true)',
    '    ca.pem, cqlshrc ->  cqlsh: ~/.cassandra/cqlshrc (certfile points at ca.pem)',
    '',
    'Checks',
    '------',
    'List a store (asks for the store password):',
    `    keytool -list -v -keystore ${out}/nodes/${input.nodes[0] ?? 'NODE'}/keystore.jks`,
    'Check a node certificate against the CA (after the restart, from any host):',
    `    openssl s_client -connect ${input.nodes[0] ?? 'NODE'}:9042 -CAfile ${out}/client/ca.pem -verify_hostname ${input.nodes[0] ?? 'NODE'} </dev/null`,
    '    ("Verify return code: 0 (ok)" means RWS and cqlsh will trust it)',
    'Connect with cqlsh over TLS:',
    '    cqlsh --ssl',
    'In RWS, after a restart: no SSLHandshakeException in the RWS log.',
    '',
  );
  return lines.join('\n');
}
