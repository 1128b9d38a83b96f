import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, after, test } from 'node:test';
import { loadTrustFile, trustSourceOf } from '../../electron/services/chain/trust-source';
import { verifyChain } from '../../electron/services/chain/verify';
import { readCertificateFile } from '../../electron/services/chain/cert-input';
import type { ChainReport } from '../../shared/tls/verdicts';
import { makeTestPki, type TestPki } from '../helpers/chain-pki';

let pki: TestPki;
let dir: string;

before(async () => {
  pki = await makeTestPki();
  dir = mkdtempSync(join(tmpdir(), 'rwsec-chain-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const rootTrust = (): ReturnType<typeof trustSourceOf> =>
  trustSourceOf('root.pem', [pki.root.cert]);

function check(report: ChainReport, index: number, id: string): string | undefined {
  return report.certificates[index]?.checks.find((c) => c.id === id)?.mark;
}

test('a complete chain to a trusted root is trusted, each link verified', () => {
  const report = verifyChain({
    certificates: [pki.good.cert, pki.intermediate.cert],
    leafFirst: true,
    trust: [rootTrust()],
    host: 'localhost',
  });
  assert.equal(report.verdict.reason, 'trusted', report.verdict.message);
  assert.equal(report.verdict.trusted, true);
  assert.deepEqual(
    report.certificates.map((c) => [c.role, c.origin]),
    [
      ['leaf', 'given'],
      ['intermediate', 'given'],
      ['root', 'trust-source'],
    ],
  );
  assert.equal(report.anchor?.store, 'root.pem');
  assert.equal(check(report, 0, 'signature'), 'ok');
  assert.equal(check(report, 1, 'ca-flag'), 'ok');
  assert.equal(check(report, 2, 'trust-anchor'), 'ok');
  assert.equal(report.hostname?.rfc6125.status, 'match');
});

test('the leaf is found in an unordered bundle', () => {
  const report = verifyChain({
    certificates: [pki.intermediate.cert, pki.root.cert, pki.good.cert],
    trust: [rootTrust()],
  });
  assert.equal(report.certificates[0]?.subject, 'CN=localhost');
  assert.equal(report.verdict.reason, 'trusted');
});

test('a leaf without its intermediate is an incomplete chain', () => {
  const report = verifyChain({
    certificates: [pki.good.cert],
    leafFirst: true,
    trust: [rootTrust()],
  });
  assert.equal(report.verdict.reason, 'incomplete-chain');
  assert.match(report.verdict.message, /Test Intermediate CA/);
  assert.equal(check(report, 0, 'issuer'), 'fail');
});

test('a chain from another PKI is an unknown CA', () => {
  const report = verifyChain({
    certificates: [pki.foreignLeaf.cert, pki.foreignIntermediate.cert],
    leafFirst: true,
    trust: [rootTrust()],
  });
  assert.equal(report.verdict.reason, 'unknown-ca');
  assert.match(report.verdict.message, /Foreign Root CA/);
});

test('expired and not-yet-valid leaves fail; trusting the intermediate alone is enough (Java anchors)', () => {
  const interTrust = trustSourceOf('inter.pem', [pki.intermediate.cert]);
  const expired = verifyChain({
    certificates: [pki.expired.cert],
    leafFirst: true,
    trust: [interTrust],
  });
  assert.equal(expired.verdict.reason, 'expired');
  assert.equal(expired.anchor?.subject, 'CN=Test Intermediate CA, O=RWS Test');
  const future = verifyChain({
    certificates: [pki.notYetValid.cert],
    leafFirst: true,
    trust: [interTrust],
  });
  assert.equal(future.verdict.reason, 'not-yet-valid');
});

test('a self-signed leaf is reported as such, and trusted when it is itself in the trust file', () => {
  const untrusted = verifyChain({ certificates: [pki.selfSigned.cert], trust: [rootTrust()] });
  assert.equal(untrusted.verdict.reason, 'self-signed');
  const trusted = verifyChain({
    certificates: [pki.selfSigned.cert],
    trust: [trustSourceOf('node.pem', [pki.selfSigned.cert])],
  });
  assert.equal(trusted.verdict.reason, 'trusted');
});

test('a same-named CA with another key is not taken for the issuer', async () => {
  const { issue } = await import('../helpers/chain-pki');
  const impostor = await issue({ subject: 'CN=Test Root CA,O=RWS Test', ca: true });
  const report = verifyChain({
    certificates: [pki.intermediate.cert],
    trust: [trustSourceOf('impostor.pem', [impostor.cert])],
  });
  assert.equal(report.verdict.trusted, false);
  assert.equal(report.verdict.reason, 'unknown-ca');
});

test('a tampered certificate has a bad signature', () => {
  const der = Buffer.from(pki.good.cert.raw);
  der[der.length - 1] = (der[der.length - 1] ?? 0) ^ 0x01;
  const report = verifyChain({
    certificates: [new X509Certificate(der), pki.intermediate.cert],
    leafFirst: true,
    trust: [rootTrust()],
  });
  assert.equal(report.verdict.reason, 'bad-signature');
  assert.equal(check(report, 0, 'signature'), 'fail');
});

test('EKU is judged for the purpose: client-only cert fails as a server, passes as a client', () => {
  const asServer = verifyChain({
    certificates: [pki.clientOnly.cert, pki.intermediate.cert],
    leafFirst: true,
    trust: [rootTrust()],
  });
  assert.equal(asServer.verdict.reason, 'wrong-key-usage');
  const asClient = verifyChain({
    certificates: [pki.clientOnly.cert, pki.intermediate.cert],
    leafFirst: true,
    trust: [rootTrust()],
    purpose: 'client',
  });
  assert.equal(asClient.verdict.reason, 'trusted');
});

test('path length 0 on the intermediate forbids another CA below it', async () => {
  const { issue } = await import('../helpers/chain-pki');
  const subCa = await issue({ subject: 'CN=Sub CA', issuer: pki.intermediate, ca: true });
  const leaf = await issue({ subject: 'CN=localhost', dns: ['localhost'], issuer: subCa });
  const report = verifyChain({
    certificates: [leaf.cert, subCa.cert, pki.intermediate.cert],
    leafFirst: true,
    trust: [rootTrust()],
  });
  assert.equal(report.verdict.reason, 'path-length-exceeded');
  assert.equal(check(report, 2, 'path-length'), 'fail');
  // The CA issued by the root directly has no constraint, so the same depth is fine there.
  const ok = verifyChain({
    certificates: [pki.hostnamedCaLeaf.cert, pki.hostnamedCa.cert],
    leafFirst: true,
    trust: [rootTrust()],
  });
  assert.equal(ok.verdict.reason, 'trusted');
});

test('expiring within 30 days is a warning, not a failure', () => {
  const soon = new Date(new Date(pki.good.cert.validTo).getTime() - 5 * 24 * 3600 * 1000);
  const report = verifyChain({
    certificates: [pki.good.cert, pki.intermediate.cert],
    leafFirst: true,
    trust: [rootTrust()],
    now: soon,
  });
  assert.equal(report.verdict.reason, 'trusted');
  assert.equal(check(report, 0, 'validity'), 'warn');
});

test('host names: the RWS rule and RFC 6125 disagree, and the chosen rule decides', () => {
  const base = {
    certificates: [pki.cnOnlyMatch.cert, pki.intermediate.cert],
    leafFirst: true,
    trust: [rootTrust()],
    host: 'localhost',
  };
  const rfc = verifyChain(base);
  assert.equal(rfc.hostname?.rfc6125.status, 'mismatch');
  assert.equal(rfc.hostname?.rws.status, 'match');
  assert.equal(rfc.verdict.reason, 'name-mismatch');
  assert.equal(verifyChain({ ...base, hostnameRule: 'rws' }).verdict.reason, 'trusted');
  const issuerCase = verifyChain({
    certificates: [pki.hostnamedCaLeaf.cert, pki.hostnamedCa.cert],
    leafFirst: true,
    trust: [rootTrust()],
    host: 'cfg-ca.test',
    hostnameRule: 'rws',
  });
  assert.equal(issuerCase.hostname?.rws.matchedBy, 'issuer-cn');
  assert.equal(issuerCase.hostname?.rfc6125.status, 'mismatch');
  assert.equal(issuerCase.verdict.reason, 'trusted');
});

test('trust files: PEM bundle, DER and an empty or garbage file', () => {
  const bundle = join(dir, 'bundle.pem');
  writeFileSync(bundle, `# comment\n${pki.foreignRoot.certPem}${pki.root.certPem}`);
  const source = loadTrustFile(bundle);
  assert.equal(source.anchors.length, 2);
  const report = verifyChain({
    certificates: [pki.good.cert, pki.intermediate.cert],
    leafFirst: true,
    trust: [source],
  });
  assert.equal(report.anchor?.store, bundle);
  const der = join(dir, 'root.der');
  writeFileSync(der, pki.root.cert.raw);
  assert.equal(readCertificateFile(der).format, 'DER');
  const empty = join(dir, 'empty.pem');
  writeFileSync(empty, '');
  assert.throws(() => loadTrustFile(empty), /empty/);
  assert.throws(() => loadTrustFile(join(dir, 'missing.pem')), /does not exist/);
});

test('no trust source: the chain cannot be trusted and the message says what to pass', () => {
  const report = verifyChain({
    certificates: [pki.good.cert, pki.intermediate.cert],
    leafFirst: true,
    trust: [],
  });
  assert.equal(report.verdict.reason, 'no-trust-source');
  assert.match(report.verdict.message, /--trust/);
});
