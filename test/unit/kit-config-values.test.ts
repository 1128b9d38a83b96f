// The application.yaml values a kit sets: where the file keeps them, and in a form the server reads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { deobfuscate } from '../../shared/secrets/obf';
import { RwsDocument } from '../../shared/yaml/document';
import {
  cassandraEdits,
  enableSslPath,
  httpsEdits,
  secretValueFor,
  trustEdits,
} from '../../electron/services/kits/config-values';
import { sampleConfig } from '../helpers/paths';

const sample = () => RwsDocument.parse(readFileSync(sampleConfig, 'utf8'));

describe('kit config values', () => {
  it('sets enableSsl where the file has it: top-level, or inside jetty in older files', () => {
    const top = sample();
    assert.equal(enableSslPath(top), 'enableSsl');
    const older = RwsDocument.parse(
      'jetty:\n  port: 8090\n  enableSsl: false # old layout\nssl:\n  port: 443\n',
    );
    assert.equal(enableSslPath(older), 'jetty.enableSsl');
    const edited = older.withEdits(
      httpsEdits(older, { port: 9443, keyStorePath: '/etc/rws/keystore', storepass: 'storepwd' }),
    );
    assert.equal(edited.get('jetty.enableSsl'), true);
    assert.equal(edited.has('enableSsl'), false, 'no second flag is added');
    assert.equal(edited.get('ssl.port'), 9443);
    assert.match(edited.text, /# old layout/);
  });

  it('writes ssl.keyStorePassword as OBF: (Jetty reads it), never plain or CRYPT:', () => {
    const doc = sample();
    const edited = doc.withEdits(
      httpsEdits(doc, { port: 9443, keyStorePath: '/k', storepass: 'storepwd' }),
    );
    assert.equal(edited.get('ssl.keyStorePassword'), 'OBF:1vny1zlo1x8e1vnw1vn61x8g1zlu1vn4');
    assert.equal(deobfuscate(String(edited.get('ssl.keyStorePassword'))), 'storepwd');
    // Even when a CRYPT: value is at hand, Jetty's field gets OBF: (vector from Jetty: a -> OBF:1ri7).
    assert.equal(secretValueFor('ssl.keyStorePassword', 'a', 'CRYPT:abc'), 'OBF:1ri7');
    assert.match(edited.text, /# --- HTTPS for clients/);
  });

  it('writes RWS-read passwords plain, or CRYPT: from gir.jar when given; refuses a non-CRYPT value', () => {
    assert.equal(secretValueFor('cassandraCluster.truststorePassword', 'pw'), 'pw');
    assert.equal(secretValueFor('serverSettings.jksPassword', 'pw', 'CRYPT:zz=='), 'CRYPT:zz==');
    assert.throws(() => secretValueFor('serverSettings.jksPassword', 'pw', 'OBF:1ri7'), /CRYPT/);
  });

  it('sets the Cassandra values, keeping a YAML-1.1-looking password a string', () => {
    const doc = sample();
    const edited = doc.withEdits(
      cassandraEdits({ trustStore: '/kit/client/truststore.jks', storepass: 'yes' }),
    );
    assert.equal(edited.get('cassandraCluster.useSSL'), true);
    assert.equal(edited.get('cassandraCluster.trustStore'), '/kit/client/truststore.jks');
    assert.equal(RwsDocument.parse(edited.text).get('cassandraCluster.truststorePassword'), 'yes');
  });

  it('points each trust target at its own option, and drops a stale JKS password for a PEM file', () => {
    const doc = sample();
    const jks = doc.withEdits(
      trustEdits(doc, { target: 'rcs', file: '/t/rcs.jks', storepass: 'changeit' }),
    );
    assert.equal(jks.get('serverSettings.rcsTrustedCA'), '/t/rcs.jks');
    assert.equal(jks.get('serverSettings.rcsJksPassword'), 'changeit');
    const pem = doc.withEdits(trustEdits(doc, { target: 'config-server', file: '/t/ca.pem' }));
    assert.equal(pem.get('serverSettings.caCertificate'), '/t/ca.pem');
    assert.equal(pem.has('serverSettings.jksPassword'), false);
    const sm = doc.withEdits(trustEdits(doc, { target: 'speechminer', file: '/t/sm.pem' }));
    assert.equal(sm.get('serverSettings.speechMinerTrustedCA'), '/t/sm.pem');
  });
});
