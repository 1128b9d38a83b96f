// Helpers for the rule tests: run rules on YAML text, and make real certificate files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../../shared/diagnostics';
import { runPureRules } from '../../shared/rules/index';
import { RwsDocument } from '../../shared/yaml/document';
import { validateConfig } from '../../electron/services/validate/validate-config';

export function pure(yaml: string): Diagnostic[] {
  return runPureRules(RwsDocument.parse(yaml));
}

/** Writes `yaml` as application.yaml in `dir` and runs the whole validation on it. */
export async function validateIn(dir: string, yaml: string): Promise<Diagnostic[]> {
  const file = join(dir, 'application.yaml');
  writeFileSync(file, yaml);
  return validateConfig(RwsDocument.parse(yaml), file);
}

export function withRule(list: Diagnostic[], rule: string): Diagnostic[] {
  return list.filter((d) => d.rule === rule);
}

export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `rwsec-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CertFiles {
  /** Self-signed certificate, PEM. */
  pem: string;
  /** Its private key, PEM (no certificate inside). */
  keyPem: string;
  /** The certificate in DER. */
  der: string;
  /** JKS truststore holding the certificate, password changeit. */
  jks: string;
  /** PKCS12 truststore holding the certificate, password changeit. */
  p12: string;
  /** JCEKS truststore holding the certificate, password changeit. */
  jceks: string;
}

function run(tool: string, args: string[], cwd: string): void {
  const result = spawnSync(tool, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`);
}

/** Real files made by openssl and keytool in `dir`; undefined when those tools are missing. */
export function makeCertFiles(dir: string): CertFiles | undefined {
  const have = (tool: string, arg: string) =>
    spawnSync(tool, [arg], { stdio: 'ignore' }).status === 0;
  if (!have('openssl', 'version') || !have('keytool', '-help')) return undefined;
  const at = (name: string) => join(dir, name);
  run(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=x', '-days', '2'].concat([
      '-keyout',
      'key.pem',
      '-out',
      'ca.pem',
    ]),
    dir,
  );
  run('openssl', ['x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der'], dir);
  const store = (type: string, file: string) =>
    run(
      'keytool',
      ['-importcert', '-noprompt', '-alias', 'ca', '-file', 'ca.pem', '-keystore', file].concat([
        '-storepass',
        'changeit',
        '-storetype',
        type,
      ]),
      dir,
    );
  store('JKS', 'trust.jks');
  store('PKCS12', 'trust.p12');
  store('JCEKS', 'trust.jceks');
  return {
    pem: at('ca.pem'),
    keyPem: at('key.pem'),
    der: at('ca.der'),
    jks: at('trust.jks'),
    p12: at('trust.p12'),
    jceks: at('trust.jceks'),
  };
}
