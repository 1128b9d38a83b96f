// Outbound trust files: which certificates are kept, and the file + config written together.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readKeystoreFile } from '../../electron/services/keystore/read';
import {
  chooseAnchors,
  formatFromName,
  planTrustKit,
} from '../../electron/services/kits/trust-kit';
import { commitFiles } from '../../electron/services/kits/transaction';
import { RwsDocument } from '../../shared/yaml/document';
import { makeTestPki, type TestPki } from '../helpers/chain-pki';
import { sampleConfig } from '../helpers/paths';

describe('trust kit', () => {
  let pki: TestPki;
  let dir = '';
  before(async () => {
    pki = await makeTestPki();
    dir = mkdtempSync(join(tmpdir(), 'kit-trust-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps only the root of a full chain', () => {
    const { anchors, warnings } = chooseAnchors({
      target: 'webdav',
      certificates: [pki.good.cert, pki.intermediate.cert, pki.root.cert],
      origin: 'chain.pem',
      fromServer: false,
    });
    assert.deepEqual(
      anchors.map((c) => c.subject),
      [pki.root.cert.subject],
    );
    assert.deepEqual(warnings, []);
  });

  it('warns when a server does not send its root, and offers the top certificate it sent', () => {
    const { anchors, warnings } = chooseAnchors({
      target: 'rcs',
      certificates: [pki.good.cert, pki.intermediate.cert],
      origin: 'rcs.example:443',
      fromServer: true,
    });
    assert.deepEqual(
      anchors.map((c) => c.subject),
      [pki.intermediate.cert.subject],
    );
    assert.match(warnings.join(' '), /does not send its root CA.*Test Root CA/);
  });

  it('config-server takes ONE CA: the first root, with a warning; others may keep several', () => {
    const certificates = [pki.root.cert, pki.foreignRoot.cert];
    const one = chooseAnchors({
      target: 'config-server',
      certificates,
      origin: 'cas.pem',
      fromServer: false,
    });
    assert.equal(one.anchors.length, 1);
    assert.match(one.warnings.join(' '), /only ONE CA/);
    const many = chooseAnchors({
      target: 'speechminer',
      certificates,
      origin: 'cas.pem',
      fromServer: false,
    });
    assert.equal(many.anchors.length, 2);
    assert.deepEqual(many.warnings, []);
  });

  it('writes a JKS trust file and the config option with its password, together', async () => {
    const config = join(dir, 'application.yaml');
    copyFileSync(sampleConfig, config);
    const out = join(dir, 'ca_cert.jks');
    const plan = await planTrustKit({
      target: 'config-server',
      certificates: [pki.good.cert, pki.intermediate.cert, pki.root.cert],
      origin: 'chain.pem',
      fromServer: false,
      out,
      format: formatFromName(out),
      storepass: 'trust-pass',
      config,
    });
    await commitFiles(plan.files);
    const { store } = readKeystoreFile(out, { password: 'trust-pass' });
    assert.deepEqual(
      store.entries.map((e) => [e.kind, e.alias]),
      [['trusted', 'test-root-ca']],
    );
    const doc = RwsDocument.parse(readFileSync(config, 'utf8'));
    assert.equal(doc.get('serverSettings.caCertificate'), out);
    assert.equal(doc.get('serverSettings.jksPassword'), 'trust-pass');
  });

  it('writes PEM without a password option', async () => {
    const out = join(dir, 'webdav-ca.pem');
    assert.equal(formatFromName(out), 'pem');
    const plan = await planTrustKit({
      target: 'webdav',
      certificates: [pki.root.cert],
      origin: 'root.pem',
      fromServer: false,
      out,
      format: 'pem',
    });
    await commitFiles(plan.files);
    assert.equal(readFileSync(out, 'utf8'), pki.root.cert.toString());
    await assert.rejects(
      planTrustKit({
        target: 'webdav',
        certificates: [pki.root.cert],
        origin: 'r',
        fromServer: false,
        out: join(dir, 'x.jks'),
        format: 'jks',
      }),
      /store password/,
    );
  });
});
