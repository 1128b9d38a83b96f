// The DER certificate writer (cert-der.ts and its parts) against @peculiar/x509, which wrote every
// certificate we issued before: given the same keys, serial and dates, an RSA certificate must come
// out byte for byte the same (PKCS#1 v1.5 signatures are deterministic), and an EC one the same
// up to its randomised signature. So keytool, JSSE and OpenSSL see exactly what they saw before.
import { px } from '../../electron/services/x509/peculiar';
import assert from 'node:assert/strict';
import { generateKeyPairSync, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { children, parseDer } from '../../electron/services/der/asn1';
import { issueFromCa } from '../../electron/services/x509/ca-issue';
import { validity, type UsageOptions } from '../../electron/services/x509/cert-terms';
import { signingAlgorithmFor, type KeyPair } from '../../electron/services/x509/keys';
import { dnameToJsonName, parseSanList } from '../../electron/services/x509/names';
import { dnameToDer } from '../../electron/services/x509/name-der';
import { selfSignedCertificate } from '../../electron/services/x509/self-signed';

px.cryptoProvider.set(webcrypto as unknown as Crypto);
const NOW = new Date('2026-03-04T05:06:07.890Z');
const SERIAL = '4a1b2c3d4e5f60718293a4b5c6d7e8f9';

const webPrivate = (key: KeyObject) =>
  webcrypto.subtle.importKey(
    'pkcs8',
    key.export({ type: 'pkcs8', format: 'der' }),
    signingAlgorithmFor(key),
    false,
    ['sign'],
  );
const webPublic = (key: KeyObject) =>
  webcrypto.subtle.importKey(
    'spki',
    key.export({ type: 'spki', format: 'der' }),
    signingAlgorithmFor(key),
    true,
    ['verify'],
  );

/** The extensions the @peculiar/x509 builder wrote for these usages (the reference). */
function usageReference(usage: UsageOptions, key: KeyObject): px.Extension[] {
  const exts: px.Extension[] = [];
  let ku = px.KeyUsageFlags.digitalSignature;
  if (key.asymmetricKeyType === 'rsa') ku |= px.KeyUsageFlags.keyEncipherment;
  if (usage.ca) {
    ku |= px.KeyUsageFlags.keyCertSign | px.KeyUsageFlags.cRLSign;
    exts.push(new px.BasicConstraintsExtension(true, usage.pathLength, true));
  }
  exts.push(new px.KeyUsagesExtension(ku, true));
  const eku = [
    ...(usage.serverAuth ? [px.ExtendedKeyUsage.serverAuth] : []),
    ...(usage.clientAuth ? [px.ExtendedKeyUsage.clientAuth] : []),
  ];
  if (eku.length > 0) exts.push(new px.ExtendedKeyUsageExtension(eku, false));
  return exts;
}

async function referenceCertificate(o: {
  subject: string;
  issuer?: X509Certificate;
  keys: KeyPair;
  signingKey: KeyObject;
  usage: UsageOptions;
  san: string;
  days: number;
}): Promise<X509Certificate> {
  const publicKey = await webPublic(o.keys.publicKey);
  const exts = [
    ...usageReference(o.usage, o.keys.publicKey),
    await px.SubjectKeyIdentifierExtension.create(publicKey),
  ];
  const issuer = o.issuer ? new px.X509Certificate(o.issuer.raw) : undefined;
  if (issuer) {
    const ski = issuer.getExtension(px.SubjectKeyIdentifierExtension);
    assert.ok(ski);
    exts.push(new px.AuthorityKeyIdentifierExtension(ski.keyId));
  }
  const san = parseSanList(o.san);
  if (san.length > 0) exts.push(new px.SubjectAlternativeNameExtension(san, false));
  const name = dnameToJsonName(o.subject);
  const cert = await px.X509CertificateGenerator.create({
    serialNumber: SERIAL,
    subject: name,
    issuer: issuer ? issuer.subjectName : name,
    ...validity(o.days, NOW),
    publicKey,
    signingKey: await webPrivate(o.signingKey),
    signingAlgorithm: signingAlgorithmFor(o.signingKey),
    extensions: exts,
  });
  return new X509Certificate(Buffer.from(cert.rawData));
}

const tbsOf = (cert: X509Certificate) => children(parseDer(cert.raw))[0]?.der;

const rsaKeys = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const CA_USAGE = { ca: true, serverAuth: false, clientAuth: false };
const TLS_USAGE = { ca: false, serverAuth: true, clientAuth: true };
const CA_DNAME = 'CN=RWS Cassandra Root CA, OU=Cassandra, O=RWS Security Studio';

describe('DER certificate writer', () => {
  const caKeys = rsaKeys();
  const ca = selfSignedCertificate(
    caKeys,
    { dname: CA_DNAME, days: 3650, usage: CA_USAGE, now: NOW },
    SERIAL,
  );

  it('writes a kit root CA byte for byte as @peculiar/x509 did', async () => {
    const reference = await referenceCertificate({
      subject: CA_DNAME,
      keys: caKeys,
      signingKey: caKeys.privateKey,
      usage: CA_USAGE,
      san: '',
      days: 3650,
    });
    assert.equal(ca.raw.toString('hex'), reference.raw.toString('hex'));
    assert.ok(ca.ca && ca.verify(caKeys.publicKey));
  });

  it('writes a server certificate with every SAN kind and non-ASCII names the same way', async () => {
    const keys = rsaKeys();
    const dname =
      'CN=Zürich rws, OU=IT+OU=Ops, O="Example, Inc.", L=Genève, C=CH, EMAILADDRESS=ops@example.com, DC=example';
    const san =
      'dns:rws.example.com,dns:*.rws.example.com,ip:10.0.0.5,ip:::1,ip:fe80::1:2,ip:2001:db8:0:0:1::,email:ops@example.com,uri:https://rws.example.com/x';
    const ours = selfSignedCertificate(
      keys,
      { dname, san: parseSanList(san), days: 825, now: NOW },
      SERIAL,
    );
    const reference = await referenceCertificate({
      subject: dname,
      keys,
      signingKey: keys.privateKey,
      usage: TLS_USAGE,
      san,
      days: 825,
    });
    assert.equal(ours.raw.toString('hex'), reference.raw.toString('hex'));
    assert.match(ours.subjectAltName ?? '', /IP Address:FE80:0:0:0:0:0:1:2/i);
  });

  it('writes an IPv6 SAN with an embedded IPv4 tail as its 16 bytes', () => {
    // @peculiar/x509 wrote ::ffff:192.0.2.7 as ::ffff:192 (it read "192" as a hex group).
    const cert = selfSignedCertificate(rsaKeys(), {
      dname: 'CN=mapped',
      san: parseSanList('ip:::ffff:192.0.2.7,ip:64:ff9b::10.1.2.3'),
      now: NOW,
    });
    assert.equal(
      cert.subjectAltName,
      'IP Address:0:0:0:0:0:FFFF:C000:207, IP Address:64:FF9B:0:0:0:0:A01:203',
    );
  });

  it('issues a node certificate from the CA as the CSR signing did', async () => {
    const keys = rsaKeys();
    const { certificate, notes } = issueFromCa(
      {
        subject: dnameToDer('CN=cass-01.example.internal, OU=Cassandra'),
        publicKey: keys.publicKey,
        san: parseSanList('dns:cass-01.example.internal'),
      },
      { cert: ca, key: caKeys.privateKey },
      { days: 730, now: NOW, serial: SERIAL },
    );
    const reference = await referenceCertificate({
      subject: 'CN=cass-01.example.internal, OU=Cassandra',
      issuer: ca,
      keys,
      signingKey: caKeys.privateKey,
      usage: TLS_USAGE,
      san: 'dns:cass-01.example.internal',
      days: 730,
    });
    assert.equal(certificate.raw.toString('hex'), reference.raw.toString('hex'));
    assert.deepEqual(notes, []);
    assert.ok(certificate.verify(caKeys.publicKey) && certificate.checkIssued(ca));
  });

  it('ends a certificate with its CA and says so when days are lost', () => {
    const keys = rsaKeys();
    const { certificate, notes } = issueFromCa(
      { subject: dnameToDer('CN=late'), publicKey: keys.publicKey, san: [] },
      { cert: ca, key: caKeys.privateKey },
      { days: 36500, now: NOW },
    );
    assert.equal(certificate.validTo, ca.validTo);
    assert.match(notes.join('\n'), /shortened to end with the CA certificate/);
    assert.match(notes.join('\n'), /no subjectAltName/);
  });

  for (const curve of ['P-256', 'P-384'] as const) {
    it(`signs with an EC ${curve} CA as @peculiar/x509 did (same to-be-signed bytes)`, async () => {
      const ecCa = generateKeyPairSync('ec', { namedCurve: curve });
      const usage = { ...CA_USAGE, pathLength: 0 };
      const ours = selfSignedCertificate(
        ecCa,
        { dname: 'CN=EC CA', days: 100, usage, now: NOW },
        SERIAL,
      );
      const reference = await referenceCertificate({
        subject: 'CN=EC CA',
        keys: ecCa,
        signingKey: ecCa.privateKey,
        usage,
        san: '',
        days: 100,
      });
      assert.equal(tbsOf(ours)?.toString('hex'), tbsOf(reference)?.toString('hex'));
      assert.ok(ours.verify(ecCa.publicKey));
    });
  }

  it('writes GeneralizedTime from 2050 on, as RFC 5280 asks', () => {
    const cert = selfSignedCertificate(rsaKeys(), { dname: 'CN=long', days: 36500, now: NOW });
    assert.equal(new Date(cert.validTo).getUTCFullYear(), 2126);
  });
});
