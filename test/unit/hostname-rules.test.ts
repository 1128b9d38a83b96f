import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  checkHostnameRfc6125,
  checkHostnameRws,
  parseIpAddress,
  type PresentedNames,
} from '../../shared/tls/hostname';

const names = (n: Partial<PresentedNames>): PresentedNames => ({
  subjectCN: [],
  issuerCN: [],
  sanDns: [],
  sanIp: [],
  ...n,
});

const rfc = (host: string, n: Partial<PresentedNames>): string =>
  checkHostnameRfc6125(host, names(n)).status;
const rws = (host: string, n: Partial<PresentedNames>): string =>
  checkHostnameRws(host, names(n)).status;

test('RFC 6125: SAN DNS, case-insensitive, one trailing dot ignored', () => {
  assert.equal(rfc('Cfg-01.Example.COM', { sanDns: ['cfg-01.example.com'] }), 'match');
  assert.equal(rfc('cfg-01.example.com.', { sanDns: ['CFG-01.example.com'] }), 'match');
  assert.equal(rfc('cfg-02.example.com', { sanDns: ['cfg-01.example.com'] }), 'mismatch');
});

test('RFC 6125: wildcard only as the whole left-most label, exactly one label', () => {
  const w = { sanDns: ['*.example.com'] };
  assert.equal(rfc('a.example.com', w), 'match');
  assert.equal(rfc('a.b.example.com', w), 'mismatch');
  assert.equal(rfc('example.com', w), 'mismatch');
  assert.equal(rfc('.example.com', w), 'mismatch');
  assert.equal(rfc('ab.example.com', { sanDns: ['a*.example.com'] }), 'mismatch');
  assert.equal(rfc('a.b.example.com', { sanDns: ['a.*.example.com'] }), 'mismatch');
  assert.equal(rfc('x.com', { sanDns: ['*.com'] }), 'mismatch');
  assert.equal(rfc('a.b.example.com', { sanDns: ['*.*.example.com'] }), 'mismatch');
  assert.equal(rfc('anything', { sanDns: ['*'] }), 'mismatch');
  assert.equal(rfc('127.0.0.1', { sanDns: ['*.0.0.1'] }), 'mismatch');
});

test('RFC 6125: CN is ignored once any SAN DNS or IP exists, used only without SANs', () => {
  assert.equal(rfc('cfg-01', { subjectCN: ['cfg-01'], sanDns: ['other'] }), 'mismatch');
  assert.equal(rfc('cfg-01', { subjectCN: ['cfg-01'], sanIp: ['10.0.0.1'] }), 'mismatch');
  assert.equal(rfc('cfg-01', { subjectCN: ['cfg-01'] }), 'match');
  assert.equal(
    checkHostnameRfc6125('cfg-01', names({ subjectCN: ['cfg-01'] })).matchedBy,
    'subject-cn',
  );
  assert.equal(rfc('cfg-01', { issuerCN: ['cfg-01'] }), 'mismatch');
});

test('RFC 6125: IP hosts match SAN IP as addresses only, never DNS names or CN', () => {
  assert.equal(rfc('127.0.0.1', { sanIp: ['127.0.0.1'] }), 'match');
  assert.equal(rfc('127.0.0.1', { sanDns: ['127.0.0.1'] }), 'mismatch');
  assert.equal(rfc('127.0.0.1', { subjectCN: ['127.0.0.1'] }), 'mismatch');
  assert.equal(rfc('::1', { sanIp: ['0:0:0:0:0:0:0:1'] }), 'match');
  assert.equal(rfc('[2001:DB8::1]', { sanIp: ['2001:db8:0:0:0:0:0:1'] }), 'match');
  assert.equal(rfc('::ffff:10.0.0.1', { sanIp: ['::ffff:a00:1'] }), 'match');
  assert.equal(rfc('127.0.0.2', { sanIp: ['127.0.0.1'] }), 'mismatch');
  assert.equal(rfc('localhost', { sanIp: ['127.0.0.1'] }), 'mismatch');
});

test('IP parsing refuses ambiguous or malformed literals', () => {
  for (const bad of [
    '010.0.0.1',
    '256.0.0.1',
    '1.2.3',
    '1::2::3',
    ':::',
    '1:2:3:4:5:6:7:8:9',
    '12345::',
    'a.b.c.d',
  ]) {
    assert.equal(parseIpAddress(bad), undefined, bad);
  }
  assert.deepEqual(parseIpAddress('::'), new Array(16).fill(0));
});

test('hostile input never matches and never throws', () => {
  const n = { sanDns: ['good.example.com'], subjectCN: ['good.example.com'] };
  for (const host of [
    'good.example.com\0.evil',
    'good.example.com ',
    ' good.example.com',
    'good..example.com',
    '',
    '.',
    'a'.repeat(300),
    'gööd.example.com',
    'good.example.com/x',
  ]) {
    assert.equal(rfc(host, n), 'mismatch', JSON.stringify(host));
    assert.equal(rws(host, n), 'mismatch', JSON.stringify(host));
  }
  // Presented names with embedded NUL (the classic CA-issued `paypal.com\0.evil` trick).
  assert.equal(rfc('good.example.com', { sanDns: ['good.example.com\0.evil.net'] }), 'mismatch');
  assert.equal(rws('good.example.com', { sanDns: ['good.example.com\0.evil.net'] }), 'mismatch');
  // Non-ASCII case folding must not turn a Kelvin sign (U+212A) into a "k".
  assert.equal(rfc('k.example.com', { sanDns: ['\u212A.example.com'] }), 'mismatch');
  assert.equal(rws('k.example.com', { sanDns: ['\u212A.example.com'] }), 'mismatch');
});

test('property: random hosts and names never throw; an exact SAN match always matches', () => {
  fc.assert(
    fc.property(fc.string(), fc.array(fc.string()), (host, dns) => {
      checkHostnameRfc6125(host, names({ sanDns: dns, subjectCN: dns, sanIp: dns }));
      checkHostnameRws(host, names({ sanDns: dns, issuerCN: dns }));
    }),
  );
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
  fc.assert(
    fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), (labels) => {
      const host = labels.join('.');
      // Four numeric labels make an IP address, which RFC 6125 matches only against SAN IPs.
      fc.pre(parseIpAddress(host) === undefined);
      assert.equal(rfc(host, { sanDns: [host.toUpperCase()] }), 'match');
      assert.equal(rws(host, { sanDns: [host] }), 'match');
    }),
  );
});

test('RWS rule: Issuer CN, Subject CN or SAN DNS, even when SANs exist', () => {
  assert.equal(rws('cfg-01', { subjectCN: ['cfg-01'], sanDns: ['other'] }), 'match');
  assert.equal(
    checkHostnameRws('ca.example', names({ issuerCN: ['CA.example'] })).matchedBy,
    'issuer-cn',
  );
  assert.equal(rws('cfg-01.example.com', { sanDns: ['cfg-01.example.com'] }), 'match');
  // SAN IP is not part of the rule stated by the guide.
  assert.equal(rws('10.0.0.5', { sanIp: ['10.0.0.5'] }), 'mismatch');
  assert.equal(rws('10.0.0.5', { subjectCN: ['10.0.0.5'] }), 'match');
});

test('RWS rule: a wildcard-only match is UNKNOWN, never a match', () => {
  const v = checkHostnameRws('cfg-01.example.com', names({ sanDns: ['*.example.com'] }));
  assert.equal(v.status, 'unknown');
  assert.match(v.message, /UNKNOWN/);
  assert.equal(rws('a.b.example.com', { sanDns: ['*.example.com'] }), 'mismatch');
  assert.equal(rfc('cfg-01.example.com', { sanDns: ['*.example.com'] }), 'match');
});
