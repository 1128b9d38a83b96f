// Test stores: RSA and EC key entries with 2-3 certificate chains plus trusted entries, built
// with native WebCrypto keys (never pure-JS RSA) and @peculiar/x509 certificates.
import { px } from '../../electron/services/x509/peculiar';
import { KeyObject, webcrypto, X509Certificate } from 'node:crypto';
import type { KeyEntry, Keystore, TrustedEntry } from '../../electron/services/keystore/model';

px.cryptoProvider.set(webcrypto as unknown as Crypto);

const DAY = 86_400_000;
const ALGORITHMS = {
  RSA: {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
  },
  EC: { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
} as const;

interface Issued {
  cert: X509Certificate;
  keys: CryptoKeyPair;
  subject: string;
}

let serial = 0x1000;

async function issue(
  kind: keyof typeof ALGORITHMS,
  subject: string,
  issuer?: Issued,
  dns?: string,
): Promise<Issued> {
  const alg = ALGORITHMS[kind];
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const ca = !dns;
  const extensions: px.Extension[] = [
    new px.BasicConstraintsExtension(ca, undefined, true),
    new px.KeyUsagesExtension(
      ca
        ? px.KeyUsageFlags.keyCertSign | px.KeyUsageFlags.cRLSign
        : px.KeyUsageFlags.digitalSignature,
      true,
    ),
  ];
  if (dns) extensions.push(new px.SubjectAlternativeNameExtension([{ type: 'dns', value: dns }]));
  const signer = issuer ?? { keys, subject };
  const cert = await px.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16),
    subject,
    issuer: signer.subject,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 365 * DAY),
    // The issuer's key decides the signature algorithm.
    signingAlgorithm:
      signer.keys.privateKey.algorithm.name === 'ECDSA' ? ALGORITHMS.EC : ALGORITHMS.RSA,
    publicKey: keys.publicKey,
    signingKey: signer.keys.privateKey,
    extensions,
  });
  return { cert: new X509Certificate(Buffer.from(cert.rawData)), keys, subject };
}

export interface Fixture {
  store: Keystore;
  /** The private keys by alias, for signature checks. */
  aliases: { key: string[]; trusted: string[] };
}

/**
 * "rsa-server": RSA leaf -> RSA intermediate -> RSA root (3); "ec-server": EC leaf -> EC root (2);
 * "root-ca" and "ec-root" trusted. Aliases are given mixed-case on purpose when `mixedCase`.
 */
export async function sampleStore(mixedCase = false): Promise<Fixture> {
  const rsaRoot = await issue('RSA', 'CN=Test RSA Root, O=RWS Studio Tests');
  const rsaInter = await issue('RSA', 'CN=Test RSA Intermediate, O=RWS Studio Tests', rsaRoot);
  const rsaLeaf = await issue('RSA', 'CN=rws.example.com', rsaInter, 'rws.example.com');
  const ecRoot = await issue('EC', 'CN=Test EC Root', undefined);
  const ecLeaf = await issue('EC', 'CN=ec.example.com', ecRoot, 'ec.example.com');
  const created = new Date(Math.floor(Date.now() / 1000) * 1000 - 3600_000);
  const key = (alias: string, chain: Issued[]): KeyEntry => ({
    kind: 'key',
    alias,
    created,
    chain: chain.map((c) => c.cert),
    privateKey: KeyObject.from(chain[0]!.keys.privateKey),
  });
  const trusted = (alias: string, c: Issued): TrustedEntry => ({
    kind: 'trusted',
    alias,
    created,
    chain: [c.cert],
  });
  const entries = [
    key(mixedCase ? 'RSA-Server' : 'rsa-server', [rsaLeaf, rsaInter, rsaRoot]),
    key('ec-server', [ecLeaf, ecRoot]),
    trusted(mixedCase ? 'Root-CA' : 'root-ca', rsaRoot),
    trusted('ec-root', ecRoot),
  ];
  return {
    store: { type: 'JKS', entries },
    aliases: { key: ['ec-server', 'rsa-server'], trusted: ['ec-root', 'root-ca'] },
  };
}
