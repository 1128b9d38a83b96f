// A key pair's self-signed certificate (keytool -genkeypair), for servers or as a private root CA.
import type { X509Certificate } from 'node:crypto';
import type { KeyPair } from './keys';
import { toWebPrivateKey, toWebPublicKey, signingAlgorithmFor } from './keys';
import { dnameToJsonName, type SanEntry } from './names';
import {
  randomSerial,
  toNodeCertificate,
  usageExtensions,
  validity,
  x509,
  type UsageOptions,
} from './extensions';

export interface SelfSignedOptions {
  /** keytool-style dname, e.g. "CN=rws.example.com, O=Example, C=US". */
  dname: string;
  san?: readonly SanEntry[];
  days?: number;
  /** Default: a TLS server and client certificate, not a CA. */
  usage?: Partial<UsageOptions>;
  now?: Date;
}

export async function createSelfSigned(
  keys: KeyPair,
  options: SelfSignedOptions,
): Promise<X509Certificate> {
  const usage: UsageOptions = { serverAuth: true, clientAuth: true, ca: false, ...options.usage };
  const publicKey = await toWebPublicKey(keys.publicKey);
  const name = dnameToJsonName(options.dname);
  const extensions: x509.Extension[] = [
    ...usageExtensions(usage, keys.publicKey),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
  ];
  if (options.san && options.san.length > 0) {
    extensions.push(new x509.SubjectAlternativeNameExtension([...options.san], false));
  }
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: name,
    issuer: name,
    ...validity(options.days ?? 365, options.now),
    publicKey,
    signingKey: await toWebPrivateKey(keys.privateKey),
    signingAlgorithm: signingAlgorithmFor(keys.privateKey),
    extensions,
  });
  return toNodeCertificate(cert);
}
