// A throw-away test PKI (EC P-256, instant to make): root → intermediate → leaves, plus a foreign
// PKI and odd leaves (expired, wrong name, self-signed, IP-only SAN, CN/SAN split, weak key).
import { px } from '../../electron/services/x509/peculiar';
import { webcrypto, X509Certificate } from 'node:crypto';

px.cryptoProvider.set(webcrypto as unknown as Crypto);

const ec = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 24 * 60 * 60 * 1000;

export interface Issued {
  cert: X509Certificate;
  certPem: string;
  keyPem: string;
  keys: CryptoKeyPair;
  subject: string;
}

let serial = 1;

function pemKey(pkcs8: ArrayBuffer): string {
  const b64 = Buffer.from(pkcs8).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

export interface IssueOptions {
  subject: string;
  issuer?: Issued;
  ca?: boolean;
  pathLength?: number;
  dns?: string[];
  ips?: string[];
  notBefore?: Date;
  notAfter?: Date;
  keyUsage?: px.KeyUsageFlags;
  eku?: string[];
  /** Extra names issued with the SAN extension absent. */
  noSan?: boolean;
}

export async function issue(options: IssueOptions): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(ec, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const extensions: px.Extension[] = [];
  const isCA = options.ca === true;
  extensions.push(new px.BasicConstraintsExtension(isCA, options.pathLength, true));
  extensions.push(
    new px.KeyUsagesExtension(
      options.keyUsage ??
        (isCA
          ? px.KeyUsageFlags.keyCertSign | px.KeyUsageFlags.cRLSign
          : px.KeyUsageFlags.digitalSignature),
      true,
    ),
  );
  if (!isCA)
    extensions.push(new px.ExtendedKeyUsageExtension(options.eku ?? ['1.3.6.1.5.5.7.3.1']));
  const names = [
    ...(options.dns ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(options.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  if (names.length > 0 && !options.noSan)
    extensions.push(new px.SubjectAlternativeNameExtension(names));
  extensions.push(await px.SubjectKeyIdentifierExtension.create(keys.publicKey));
  if (options.issuer) {
    extensions.push(await px.AuthorityKeyIdentifierExtension.create(options.issuer.keys.publicKey));
  }
  const cert = await px.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(4, '0'),
    subject: options.subject,
    issuer: options.issuer?.subject ?? options.subject,
    notBefore: options.notBefore ?? new Date(now - DAY),
    notAfter: options.notAfter ?? new Date(now + 365 * DAY),
    signingAlgorithm: ec,
    publicKey: keys.publicKey,
    signingKey: (options.issuer?.keys ?? keys).privateKey,
    extensions,
  });
  const certPem = cert.toString('pem') + '\n';
  return {
    cert: new X509Certificate(certPem),
    certPem,
    keyPem: pemKey(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)),
    keys,
    subject: options.subject,
  };
}

export interface TestPki {
  root: Issued;
  intermediate: Issued;
  good: Issued;
  wrongName: Issued;
  expired: Issued;
  notYetValid: Issued;
  ipOnly: Issued;
  cnOnlyMatch: Issued;
  clientOnly: Issued;
  selfSigned: Issued;
  foreignRoot: Issued;
  foreignIntermediate: Issued;
  foreignLeaf: Issued;
  /** A CA whose CN is a host name, and a leaf it issued without that name: the Issuer-CN case. */
  hostnamedCa: Issued;
  hostnamedCaLeaf: Issued;
}

export async function makeTestPki(): Promise<TestPki> {
  const now = Date.now();
  const root = await issue({ subject: 'CN=Test Root CA,O=RWS Test', ca: true });
  const intermediate = await issue({
    subject: 'CN=Test Intermediate CA,O=RWS Test',
    issuer: root,
    ca: true,
    pathLength: 0,
  });
  const leaf = (o: Omit<IssueOptions, 'issuer'>): Promise<Issued> =>
    issue({ ...o, issuer: intermediate });
  const foreignRoot = await issue({ subject: 'CN=Foreign Root CA,O=Elsewhere', ca: true });
  const foreignIntermediate = await issue({
    subject: 'CN=Foreign Intermediate CA,O=Elsewhere',
    issuer: foreignRoot,
    ca: true,
  });
  const hostnamedCa = await issue({ subject: 'CN=cfg-ca.test,O=RWS Test', issuer: root, ca: true });
  return {
    root,
    intermediate,
    good: await leaf({ subject: 'CN=localhost', dns: ['localhost'], ips: ['127.0.0.1'] }),
    wrongName: await leaf({ subject: 'CN=wrong.example', dns: ['wrong.example'] }),
    expired: await leaf({
      subject: 'CN=localhost',
      dns: ['localhost'],
      ips: ['127.0.0.1'],
      notBefore: new Date(now - 400 * DAY),
      notAfter: new Date(now - 2 * DAY),
    }),
    notYetValid: await leaf({
      subject: 'CN=localhost',
      dns: ['localhost'],
      notBefore: new Date(now + 10 * DAY),
      notAfter: new Date(now + 400 * DAY),
    }),
    ipOnly: await leaf({ subject: 'CN=ip-only', ips: ['127.0.0.1'] }),
    cnOnlyMatch: await leaf({ subject: 'CN=localhost', dns: ['other.example'] }),
    clientOnly: await leaf({
      subject: 'CN=localhost',
      dns: ['localhost'],
      eku: ['1.3.6.1.5.5.7.3.2'],
    }),
    selfSigned: await issue({ subject: 'CN=localhost', dns: ['localhost'], ips: ['127.0.0.1'] }),
    foreignRoot,
    foreignIntermediate,
    foreignLeaf: await issue({
      subject: 'CN=localhost',
      dns: ['localhost'],
      ips: ['127.0.0.1'],
      issuer: foreignIntermediate,
    }),
    hostnamedCa,
    hostnamedCaLeaf: await issue({ subject: 'CN=cfg-01', dns: ['cfg-01'], issuer: hostnamedCa }),
  };
}
