// A key pair's self-signed certificate (keytool -genkeypair), for servers or as a private root CA.
// Written by cert-der.ts: no @peculiar/x509 on this path.
import type { X509Certificate } from 'node:crypto';
import type { KeyPair } from './keys';
import type { SanEntry } from './names';
import { buildCertificate } from './cert-der';
import { randomSerial, validity, type UsageOptions } from './cert-terms';
import {
  keyIdentifier,
  subjectAltNameDer,
  subjectKeyIdDer,
  usageExtensionsDer,
} from './extensions-der';
import { dnameToDer } from './name-der';

export interface SelfSignedOptions {
  /** keytool-style dname, e.g. "CN=rws.example.com, O=Example, C=US". */
  dname: string;
  san?: readonly SanEntry[];
  days?: number;
  /** Default: a TLS server and client certificate, not a CA. */
  usage?: Partial<UsageOptions>;
  now?: Date;
}

/** Sync underneath (one signature); async for the callers written against the old builder. */
export async function createSelfSigned(
  keys: KeyPair,
  options: SelfSignedOptions,
): Promise<X509Certificate> {
  return selfSignedCertificate(keys, options);
}

export function selfSignedCertificate(
  keys: KeyPair,
  options: SelfSignedOptions,
  serial = randomSerial(),
): X509Certificate {
  const usage: UsageOptions = { serverAuth: true, clientAuth: true, ca: false, ...options.usage };
  const name = dnameToDer(options.dname);
  const spki = keys.publicKey.export({ type: 'spki', format: 'der' });
  const extensions = [
    ...usageExtensionsDer(usage, keys.publicKey),
    subjectKeyIdDer(keyIdentifier(spki)),
  ];
  if (options.san && options.san.length > 0) extensions.push(subjectAltNameDer(options.san));
  return buildCertificate({
    serial,
    subject: name,
    issuer: name,
    ...validity(options.days ?? 365, options.now),
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    extensions,
  });
}
