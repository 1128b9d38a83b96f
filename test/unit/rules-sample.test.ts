import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { validateConfig } from '../../electron/services/validate/validate-config';
import { RwsDocument } from '../../shared/yaml/document';
import { sampleConfig } from '../helpers/paths';

test('the built-in sample has no errors, and exactly these warnings', async () => {
  const doc = RwsDocument.parse(readFileSync(sampleConfig, 'utf8'));
  const found = await validateConfig(doc, sampleConfig);
  assert.deepEqual(
    found.map((d) => [d.severity, d.rule, d.path]),
    [
      ['warning', 'secret-plain-text', 'ssl.keyStorePassword'],
      ['warning', 'secret-plain-text', 'cassandraCluster.password'],
      // /opt/genesys/gir/etc/ca_cert.jks does not exist here; tlsEnabled is false.
      ['warning', 'ca-certificate-not-found', 'serverSettings.caCertificate'],
      ['warning', 'secret-plain-text', 'serverSettings.jksPassword'],
      ['warning', 'trust-ca-disabled', 'serverSettings.speechMinerTrustedCA'],
      [
        'warning',
        'cors-origin-http-credentials',
        'serverSettings.crossOriginSettings.allowedOrigins',
      ],
    ],
  );
  for (const d of found) {
    assert.ok(d.line > 1 && d.column >= 1, `${d.rule} has a position`);
    assert.ok(d.fix && d.fix.length > 10, `${d.rule} says how to fix it`);
  }
});
