// SAN syntax as a pure function in shared/ (issue 13 item 7): the wizard can judge SANs on the
// step where they are typed, with the same words the CLI and the certificate builder use.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIpAddress, sanListProblems } from '../../shared/tls/san-syntax';
import { parseSanList } from '../../electron/services/x509/names';

test('a list without prefixes (as typed in the issue) gets one message per bad entry', () => {
  assert.deepEqual(sanListProblems('rws-01.example.internal, 10.0.0.5'), [
    "'rws-01.example.internal' is not a SAN entry: write dns:NAME, ip:ADDRESS, email:ADDRESS or uri:URI.",
    "'10.0.0.5' is not a SAN entry: write dns:NAME, ip:ADDRESS, email:ADDRESS or uri:URI.",
  ]);
});

test('good lists have no problems; bad addresses and names are named', () => {
  assert.deepEqual(
    sanListProblems('dns:rws-01.example.internal, ip:10.0.0.5, ip:::1, dns:*.example.com'),
    [],
  );
  assert.deepEqual(sanListProblems(''), []);
  assert.deepEqual(sanListProblems('ip:10.0.0.300'), [
    "'10.0.0.300' is not an IPv4 or IPv6 address (SAN ip:).",
  ]);
  assert.deepEqual(sanListProblems('dns:bad_name-.'), [
    "'bad_name-.' is not a DNS name (SAN dns:).",
  ]);
  assert.equal(isIpAddress('fe80::1'), true);
  assert.equal(isIpAddress('1.2.3'), false);
});

test('the CLI and the certificate builder refuse exactly what the wizard flags', () => {
  for (const list of ['rws-01.example.internal', 'ip:10.0.0.300', 'dns:bad_name-.']) {
    const [problem] = sanListProblems(list);
    assert.throws(
      () => parseSanList(list),
      (e: Error) => e.message === problem,
      list,
    );
  }
  assert.deepEqual(parseSanList('dns:a.example.com,ip:10.0.0.5'), [
    { type: 'dns', value: 'a.example.com' },
    { type: 'ip', value: '10.0.0.5' },
  ]);
});
