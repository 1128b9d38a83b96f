// PEM block scanning is one pass: text full of unterminated BEGIN lines (hostile or a mangled
// paste) is refused quickly with the truncation message, and valid bundles read as before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePem, PemError } from '../../electron/services/keystore/pem';
import { issue } from '../helpers/chain-pki';

// Each one like the head of a real block cut short: a BEGIN line and six lines of base64.
const cutShort = (i: number): string =>
  `-----BEGIN X${i % 7}-----\n` + `${'QUFB'.repeat(16)}\n`.repeat(6);
const unterminated = (n: number): string =>
  Array.from({ length: n }, (_, i) => cutShort(i)).join('');

function assertTruncated(fn: () => unknown): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof PemError);
    assert.equal(error.reason, 'corrupt');
    assert.match(error.message, /no matching END line/);
    return true;
  });
}

test('20,000 unterminated BEGIN lines are refused as truncated, quickly', () => {
  const text = unterminated(20_000);
  const started = performance.now();
  assertTruncated(() => parsePem(text));
  // Generous bound: the old lazy regex took seconds here, the scan takes milliseconds.
  assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
});

test('unterminated BEGIN lines among valid blocks are still refused, quickly', async () => {
  const leaf = await issue({ subject: 'CN=scan.example' });
  const text = leaf.certPem + unterminated(20_000) + leaf.certPem;
  const started = performance.now();
  assertTruncated(() => parsePem(text));
  assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
});

test('a valid bundle reads every block, with friendly names and CRLF line ends', async () => {
  const ca = await issue({ subject: 'CN=Scan CA', ca: true });
  const leaf = await issue({ subject: 'CN=scan.example', issuer: ca, dns: ['scan.example'] });
  const text = [
    'Bag Attributes\n    friendlyName: rws\n',
    leaf.keyPem,
    'Bag Attributes\n    friendlyName: rws\n',
    leaf.certPem,
    '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n',
    ca.certPem.replace(/\n/g, '\r\n'),
  ].join('');
  const contents = parsePem(text);
  assert.equal(contents.keys.length, 1);
  assert.equal(contents.keys[0]!.alias, 'rws');
  assert.equal(contents.keys[0]!.key.asymmetricKeyType, 'ec');
  assert.deepEqual(
    contents.certs.map((c) => [c.cert.subject, c.alias]),
    [
      ['CN=scan.example', 'rws'],
      ['CN=Scan CA', undefined],
    ],
  );
});

test('a block whose END names another label is truncated, not silently skipped', async () => {
  const leaf = await issue({ subject: 'CN=scan.example' });
  const mislabelled = leaf.certPem.replace('-----END CERTIFICATE-----', '-----END X509 CRL-----');
  assertTruncated(() => parsePem(mislabelled));
});
