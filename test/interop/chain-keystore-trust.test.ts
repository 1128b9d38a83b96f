// Honest chain verdicts for a keystore (issue: verdicts an administrator can trust): a Cassandra
// node keystore made by `rwsec kit cassandra` holds its CA too. Judged through the CLI and the
// app's API, the default trust source is the store it is used against in the config (the
// Cassandra truststore), not the config's missing ca_cert.jks, and the supplied copy of the root
// that the truststore anchors is not called "not part of this chain". keytool lists the kit's
// stores first, so the stores judged are ones Java reads.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApiHandlers } from '../../electron/api/api-handlers';
import { runCli } from '../../electron/cli/main';
import { jdkCacertsPath } from '../../electron/services/chain/trust-source';
import { defaultFileStore } from '../../electron/services/session/default-file-store';
import { EditingSession } from '../../electron/services/session/editing-session';
import { dispatch } from '../../shared/api/dispatch';
import type { ChainReport } from '../../shared/tls/verdicts';
import { keytoolListing } from '../helpers/java';
import { haveJava } from '../helpers/kit-peers';

const PASS = 'kit-Store-11';
const NODE = 'n1.cass.test';
const skip = haveJava() ? false : 'needs a JDK (java, javac, keytool): bash build/install-deps.sh';

let dir: string;
let config: string;
let nodeStore: string;
let truststore: string;

async function rwsec(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const env = { ...process.env, RWSEC_STOREPASS: PASS, RWSEC_CAPASS: 'kit-Ca-Pass-22' };
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

describe('chain of a keystore against the trust it is used against', { skip }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rwsec-chain-trust-'));
    const made = await rwsec('kit', 'cassandra', '--out', join(dir, 'kit'), '--nodes', NODE);
    assert.equal(made.code, 0, made.err);
    nodeStore = join(dir, 'kit', 'nodes', NODE, 'keystore.jks');
    truststore = join(dir, 'kit', 'client', 'truststore.jks');
    assert.match(keytoolListing(nodeStore, PASS), /PrivateKeyEntry/);
    assert.match(keytoolListing(truststore, PASS), /trustedCertEntry/);
    config = join(dir, 'application.yaml');
    // As in the guide's sample: caCertificate names a ca_cert.jks that is not there.
    writeFileSync(
      config,
      'serverSettings:\n  caCertificate: ca_cert.jks\n  jksPassword: changeit\n' +
        'cassandraCluster:\n  useSSL: true\n  trustStore: kit/client/truststore.jks\n' +
        `  truststorePassword: ${PASS}\n`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('CLI: --config judges a node keystore against the Cassandra truststore', async () => {
    const r = await rwsec('chain', nodeStore, '--config', config, '--json');
    assert.equal(r.code, 0, r.err + r.out);
    const report = JSON.parse(r.out) as ChainReport & { alias: string };
    assert.equal(report.alias, NODE);
    assert.equal(report.verdict.trusted, true);
    assert.deepEqual(report.trustSources, [`${truststore} (cassandraCluster.trustStore)`]);
    const text = await rwsec('chain', nodeStore, '--config', config);
    assert.match(
      text.out,
      /Trust source: .*client\/truststore\.jks \(cassandraCluster\.trustStore\)/,
    );
    assert.doesNotMatch(text.out, /ca_cert\.jks/);
  });

  test('CLI: the supplied root that the trust source anchors is part of the chain', async () => {
    const r = await rwsec(
      'chain',
      nodeStore,
      '--trust',
      truststore,
      '--trust-password',
      PASS,
      '--json',
    );
    assert.equal(r.code, 0, r.err + r.out);
    const report = JSON.parse(r.out) as ChainReport;
    // The node's entry carries its CA: two certificates supplied, both on the path.
    assert.equal(report.certificates.length, 2);
    assert.equal(report.certificates[1]?.role, 'root');
    assert.deepEqual(report.unused, []);
    const text = await rwsec('chain', nodeStore, '--trust', truststore, '--trust-password', PASS);
    assert.doesNotMatch(text.out, /not part of this chain/);
  });

  test('CLI: a store the config does not trust falls back to the JDK cacerts, not a missing file', async () => {
    const other = join(dir, 'other.p12');
    const made = await rwsec(
      'keystore',
      'selfsigned',
      other,
      '--alias',
      'x',
      '--dname',
      'CN=x.example',
    );
    assert.equal(made.code, 0, made.err);
    const r = await rwsec('chain', other, '--config', config, '--json');
    const report = JSON.parse(r.out) as ChainReport;
    assert.equal(report.verdict.trusted, false);
    assert.deepEqual(report.trustSources, jdkCacertsPath(process.env) ? ['JDK cacerts'] : []);
  });

  test('API: the preview of a node keystore entry prefers the Cassandra truststore', async () => {
    const session = new EditingSession(defaultFileStore);
    const handlers = createApiHandlers(session, { version: 'test', mode: 'browser' });
    await dispatch(handlers, 'config.open', { path: config });
    const plain = await dispatch(handlers, 'chain.trustChoices', {});
    // Without an entry: the first trust file that exists (ca_cert.jks does not).
    assert.equal(plain.preferred, 'config:cassandraCluster.trustStore');
    assert.ok(plain.choices.some((c) => c.key === 'serverSettings.caCertificate'));
    await dispatch(handlers, 'keystore.open', { path: nodeStore, password: PASS });
    const forEntry = await dispatch(handlers, 'chain.trustChoices', { alias: NODE });
    assert.equal(forEntry.preferred, 'config:cassandraCluster.trustStore');
    const verdict = await dispatch(handlers, 'chain.verify', {
      source: { kind: 'keystore', alias: NODE },
      trust: { kind: 'config', key: 'cassandraCluster.trustStore' },
    });
    assert.equal(verdict.report.verdict.trusted, true);
    assert.deepEqual(verdict.report.unused, []);
  });
});
