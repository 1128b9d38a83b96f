// The connection map model: each link's state from the settings the guide names, fed real
// configuration text and the diagnostics the pure rules report for it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { deriveConnectionMap } from '../../shared/connections/derive';
import { linkStateText, type ConnectionLink, type LinkId } from '../../shared/connections/types';
import type { Diagnostic } from '../../shared/diagnostics';
import { runPureRules } from '../../shared/rules';
import { RwsDocument } from '../../shared/yaml/document';
import { sampleConfig } from '../helpers/paths';

function mapOf(text: string, extra: Diagnostic[] = []) {
  const doc = RwsDocument.parse(text);
  return deriveConnectionMap(doc, [...runPureRules(doc), ...extra]);
}

function link(text: string, id: LinkId, extra: Diagnostic[] = []): ConnectionLink {
  const found = mapOf(text, extra).links.find((l) => l.id === id);
  assert.ok(found, `no ${id} link`);
  return found;
}

const fileError = (path: string, rule: Diagnostic['rule']): Diagnostic => ({
  severity: 'error',
  rule,
  path,
  line: 1,
  column: 1,
  message: `${path}: file not found.`,
});

describe('connection map', () => {
  test('lists inbound HTTPS and the seven outbound links of the guide, in a stable order', () => {
    const map = mapOf('{}');
    assert.deepEqual(
      map.links.map((l) => l.id),
      [
        'inbound-https',
        'config-server',
        'sip-server',
        'interaction-server',
        'webdav',
        'rcs',
        'speechminer',
        'cassandra',
      ],
    );
    assert.deepEqual(
      map.links.map((l) => l.direction),
      ['inbound', ...Array<string>(7).fill('outbound')],
    );
  });

  test('the sample: HTTPS and Cassandra plain; WebDAV, RCS and SpeechMiner not known from this file', () => {
    const text = readFileSync(sampleConfig, 'utf8');
    const states = Object.fromEntries(mapOf(text).links.map((l) => [l.id, l.state]));
    assert.deepEqual(states, {
      'inbound-https': 'plain',
      'config-server': 'plain',
      'sip-server': 'unknown',
      'interaction-server': 'unknown',
      webdav: 'unknown',
      rcs: 'unknown',
      speechminer: 'unknown',
      cassandra: 'plain',
    });
  });

  describe('inbound HTTPS', () => {
    test('enableSsl true while plain HTTP is still served is never "encrypted, validated"', () => {
      const l = link(
        'enableSsl: true\njetty:\n  port: 8090\nssl:\n  port: 9443\n  keyStorePath: etc/keystore\n  keyStorePassword: x\n',
        'inbound-https',
      );
      assert.equal(l.state, 'partly-plain');
      assert.notEqual(linkStateText[l.state], linkStateText.validated);
      assert.match(l.summary, /plain HTTP is still served on jetty\.port 8090/);
      assert.ok(l.diagnostics.some((d) => d.rule === 'https-plain-http-open'));
      assert.match(l.summary, /9443/);
      assert.match(l.summary, /etc\/keystore/);
      assert.deepEqual(l.target, { section: 'https', path: 'enableSsl' });
    });

    test('enableSsl true without ssl.keyStorePath is misconfigured, and the link opens that field', () => {
      const l = link('enableSsl: true\nssl:\n  port: 9443\n', 'inbound-https');
      assert.equal(l.state, 'misconfigured');
      assert.ok(l.diagnostics.some((d) => d.rule === 'ssl-keystore-missing'));
      assert.equal(l.target.path, 'ssl.keyStorePath');
    });

    test('the older jetty.enableSsl layout is read, and the link opens the primary field', () => {
      const on = link(
        'jetty:\n  enableSsl: yes\nssl:\n  keyStorePath: ks\n  keyStorePassword: x\n',
        'inbound-https',
      );
      assert.equal(on.state, 'partly-plain', 'YAML 1.1: yes is true');
      assert.deepEqual(on.target, { section: 'https', path: 'enableSsl' });
      const off = link('jetty:\n  enableSsl: false\n  port: 8090\n', 'inbound-https');
      assert.equal(off.state, 'plain');
      assert.match(off.summary, /jetty\.enableSsl is false/);
      assert.match(off.summary, /8090/);
    });

    test('a warning (port below 1024) is listed but does not make the link misconfigured', () => {
      const l = link(
        'enableSsl: true\nssl:\n  port: 443\n  keyStorePath: ks\n  keyStorePassword: x\n',
        'inbound-https',
      );
      assert.equal(l.state, 'partly-plain');
      assert.ok(l.diagnostics.some((d) => d.rule === 'ssl-port-privileged'));
    });

    test('errors on the ssl section do not count while HTTPS is off', () => {
      const l = link('enableSsl: false\nssl:\n  keyStorePath: ks\n', 'inbound-https', [
        fileError('ssl.keyStorePath', 'ssl-keystore-not-found'),
      ]);
      assert.equal(l.state, 'plain');
      assert.equal(l.diagnostics.length, 1, 'still shown');
    });
  });

  describe('Configuration Server', () => {
    test('tlsEnabled with caCertificate: validated by that CA', () => {
      const l = link(
        'onPremiseSettings:\n  tlsEnabled: true\nserverSettings:\n  caCertificate: /opt/ca.pem\n',
        'config-server',
      );
      assert.equal(l.state, 'validated');
      assert.match(l.validation, /\/opt\/ca\.pem/);
      assert.equal(l.target.path, 'serverSettings.caCertificate');
    });

    test('tlsEnabled without caCertificate: encrypted, not validated (the minimal configuration)', () => {
      const l = link('onPremiseSettings:\n  tlsEnabled: true\n', 'config-server');
      assert.equal(l.state, 'not-validated');
      assert.deepEqual(l.target, { section: 'on-premise', path: 'onPremiseSettings.tlsEnabled' });
    });

    test('tlsEnabled with a CA file that is missing: misconfigured with the diagnostic', () => {
      const l = link(
        'onPremiseSettings:\n  tlsEnabled: true\nserverSettings:\n  caCertificate: /nope.jks\n',
        'config-server',
        [fileError('serverSettings.caCertificate', 'ca-certificate-not-found')],
      );
      assert.equal(l.state, 'misconfigured');
      assert.match(l.summary, /file not found/);
    });

    test('tlsEnabled false is plain; absent is unknown and says why', () => {
      const plain = link(
        'onPremiseSettings:\n  tlsEnabled: false\n  cmeHost: cs\n  cmePort: 2020\n',
        'config-server',
      );
      assert.equal(plain.state, 'plain');
      assert.match(plain.summary, /cs:2020/);
      const unknown = link('onPremiseSettings:\n  cmeHost: cs\n', 'config-server');
      assert.equal(unknown.state, 'unknown');
      assert.match(unknown.reason ?? '', /no default/);
    });
  });

  test('SIP and Interaction Server: unknown ("set in Configuration Server"), validation follows caCertificate', () => {
    for (const id of ['sip-server', 'interaction-server'] as const) {
      const without = link('onPremiseSettings:\n  tlsEnabled: true\n', id);
      assert.equal(without.state, 'unknown');
      assert.match(without.summary, /Set in Configuration Server/);
      assert.match(without.reason ?? '', /cluster application/);
      assert.match(without.validation, /Not checked/);
      const withCa = link('serverSettings:\n  caCertificate: /opt/ca.jks\n', id);
      assert.equal(withCa.state, 'unknown');
      assert.match(withCa.validation, /\/opt\/ca\.jks/);
    }
  });

  describe('WebDAV, RCS and SpeechMiner trust', () => {
    const cases = [
      ['webdav', 'webDAV'],
      ['rcs', 'rcs'],
      ['speechminer', 'speechMiner'],
    ] as const;
    for (const [id, prefix] of cases) {
      test(`${id}: "not known from this file" unless a URL there says TLS; trust settings shown`, () => {
        const absent = link('serverSettings: {}\n', id);
        assert.equal(absent.state, 'unknown');
        assert.match(absent.reason ?? '', /does not say whether/);
        assert.match(absent.validation, /^When TLS is used: .*default true.*cacerts/);
        const offUnknown = link(`serverSettings:\n  ${prefix}TrustedCA: false\n`, id);
        assert.equal(offUnknown.state, 'unknown');
        assert.match(offUnknown.validation, /any certificate is accepted/);
        assert.ok(offUnknown.diagnostics.some((d) => d.rule === 'trust-ca-disabled'));
        // The file says TLS: an https:// URL for this peer.
        const url = `  ${prefix}Url: https://${id}.example.com:8443/\n`;
        const tls = (trust: string) => link(`serverSettings:\n${url}${trust}`, id);
        const withDefault = tls('');
        assert.equal(withDefault.state, 'validated');
        assert.match(withDefault.summary, /over TLS/);
        assert.match(withDefault.validation, /default true.*cacerts/);
        assert.equal(tls(`  ${prefix}TrustedCA: true\n`).state, 'validated');
        assert.equal(tls(`  ${prefix}TrustedCA: false\n`).state, 'not-validated');
        const file = tls(`  ${prefix}TrustedCA: /etc/ca/${id}.pem\n`);
        assert.equal(file.state, 'validated');
        assert.match(file.validation, new RegExp(`/etc/ca/${id}\\.pem`));
        assert.deepEqual(file.target, {
          section: 'outbound',
          path: `serverSettings.${prefix}TrustedCA`,
        });
        // A plain http:// URL does not say TLS.
        const plainUrl = link(`serverSettings:\n  ${prefix}Url: http://${id}.example.com/\n`, id);
        assert.equal(plainUrl.state, 'unknown');
        // A missing trust file stops RWS at startup, TLS or not.
        const missing = link(`serverSettings:\n  ${prefix}TrustedCA: /nope.jks\n`, id, [
          fileError(`serverSettings.${prefix}TrustedCA`, 'trust-ca-not-found'),
        ]);
        assert.equal(missing.state, 'misconfigured');
      });
    }
    test('a password error on one peer does not touch the others', () => {
      const map = mapOf('serverSettings:\n  rcsTrustedCA: /x.jks\n', [
        fileError('serverSettings.rcsJksPassword', 'trust-store-password-missing'),
      ]);
      const states = Object.fromEntries(map.links.map((l) => [l.id, l.state]));
      assert.equal(states.rcs, 'misconfigured');
      assert.equal(states.webdav, 'unknown');
      assert.equal(states.speechminer, 'unknown');
    });
  });

  describe('Cassandra', () => {
    test('useSSL with truststore and password: validated by that truststore', () => {
      const l = link(
        'cassandraCluster:\n  useSSL: true\n  trustStore: /opt/client.jks\n  truststorePassword: secret1\n',
        'cassandra',
      );
      assert.equal(l.state, 'validated');
      assert.match(l.validation, /\/opt\/client\.jks/);
    });

    test('useSSL without a truststore: misconfigured, opens the trustStore field', () => {
      const l = link('cassandraCluster:\n  useSSL: true\n', 'cassandra');
      assert.equal(l.state, 'misconfigured');
      assert.ok(l.diagnostics.some((d) => d.rule === 'cassandra-truststore-missing'));
      assert.deepEqual(l.target, { section: 'cassandra', path: 'cassandraCluster.trustStore' });
    });

    test('useSSL false or absent: plain; toggling it changes the state', () => {
      assert.equal(link('cassandraCluster:\n  useSSL: false\n', 'cassandra').state, 'plain');
      assert.equal(link('cassandraCluster: {}\n', 'cassandra').state, 'plain');
      assert.notEqual(
        link('cassandraCluster:\n  useSSL: "true"\n', 'cassandra').state,
        'plain',
        'a quoted "true" binds as true in Spring',
      );
    });

    test('a diagnostic on a mistyped key (other casing) is attached to the link', () => {
      const l = link(
        'cassandraCluster:\n  useSSL: true\n  trustStore: /c.jks\n  truststorePassword: pw1234\n',
        'cassandra',
        [fileError('cassandraCluster.TrustStore', 'unknown-key')],
      );
      assert.equal(l.state, 'misconfigured');
    });
  });

  test('misconfigured always carries at least one error diagnostic; unknown always says why', () => {
    const texts = [
      'enableSsl: true\n',
      'cassandraCluster:\n  useSSL: true\n',
      'onPremiseSettings: {}\n',
      readFileSync(sampleConfig, 'utf8'),
    ];
    for (const text of texts) {
      for (const l of mapOf(text).links) {
        if (l.state === 'misconfigured')
          assert.ok(
            l.diagnostics.some((d) => d.severity === 'error'),
            l.id,
          );
        if (l.state === 'unknown') assert.ok((l.reason ?? '').length > 10, l.id);
      }
    }
  });
});
