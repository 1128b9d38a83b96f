import type { CliCommand } from '../cli-spec';

/**
 * Every subcommand, in the order `rwsec --help` lists them. Modules load only when their command
 * runs: the keystore, chain and app code (x509, zod, node-forge) would otherwise add ~0.1 s to every
 * start, `rwsec validate` included. The one-line summaries live here only (the modules do
 * not repeat them), so `rwsec --help` never loads a command module.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}

export const commands: CommandEntry[] = [
  {
    name: 'serve',
    summary: 'serve the editor UI to a browser on 127.0.0.1 (headless hosts, SSH tunnels)',
    load: async () => (await import('./serve')).serveCommand,
  },
  {
    name: 'validate',
    summary: 'check the security settings of an application.yaml (exit 1 on errors)',
    load: async () => (await import('./validate')).validateCommand,
  },
  {
    name: 'get',
    summary: 'print one value of an application.yaml as the server reads it',
    load: async () => (await import('./get')).getCommand,
  },
  {
    name: 'set',
    summary: 'change values in an application.yaml, keeping everything else byte for byte',
    load: async () => (await import('./set')).setCommand,
  },
  {
    name: 'schema',
    summary: 'print a JSON Schema for application.yaml (--list: the options and their help)',
    load: async () => (await import('./schema')).schemaCommand,
  },
  {
    name: 'certs',
    summary: 'inventory of every certificate a config depends on, by days left (+ Prometheus)',
    load: async () => (await import('./certs')).certsCommand,
  },
  {
    name: 'keystore',
    summary: 'list, create, sign, import, export and convert key stores',
    load: async () => (await import('./keystore')).keystoreCommand,
  },
  {
    name: 'chain',
    summary: 'build and judge the certificate chain of a file or keystore entry',
    load: async () => (await import('./chain')).chainCommand,
  },
  {
    name: 'probe',
    summary: 'connect to a TLS endpoint and judge the chain it serves (exit 1 untrusted, 2 no TLS)',
    load: async () => (await import('./probe')).probeCommand,
  },
  {
    name: 'kit',
    summary: 'certificate kits: HTTPS keystore, Cassandra TLS kit, outbound trust files (+ config)',
    load: async () => (await import('./kit')).kitCommand,
  },
  {
    name: 'fleet',
    summary: 'every RWS node of an Ansible inventory: status and drift, one change on all nodes',
    load: async () => (await import('./fleet')).fleetCommand,
  },
  {
    name: 'obf',
    summary: "encode a password in Jetty's OBF: form (or --decode one)",
    load: async () => (await import('./obf')).obfCommand,
  },
  {
    name: 'encrypt',
    summary: "encrypt a password to RWS's CRYPT: form with your gir.jar",
    load: async () => (await import('./encrypt')).encryptCommand,
  },
];
