// Certificate signing requests (keytool -certreq), carrying the SANs so the CA can copy them.
import { UserFacingError } from '../../../shared/user-error';
import type { KeyObject } from 'node:crypto';
import { signingAlgorithmFor, toWebPrivateKey, toWebPublicKey } from './keys';
import { dnameToJsonName, type SanEntry } from './names';
import { x509 } from './extensions';

export interface CsrOptions {
  /** The subject: a keytool-style dname, or the exact encoded name of the entry's certificate. */
  subject: string | x509.Name;
  san?: readonly SanEntry[];
}

/** A PKCS#10 request signed with the entry's private key, as PEM (`-----BEGIN CERTIFICATE REQUEST-----`). */
export async function createCsr(
  privateKey: KeyObject,
  publicKey: KeyObject,
  options: CsrOptions,
): Promise<string> {
  const extensions: x509.Extension[] = [];
  if (options.san && options.san.length > 0) {
    extensions.push(new x509.SubjectAlternativeNameExtension([...options.san], false));
  }
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: typeof options.subject === 'string' ? dnameToJsonName(options.subject) : options.subject,
    keys: {
      privateKey: await toWebPrivateKey(privateKey),
      publicKey: await toWebPublicKey(publicKey),
    },
    signingAlgorithm: signingAlgorithmFor(privateKey),
    extensions,
  });
  return csr.toString('pem') + '\n';
}

export class CsrError extends UserFacingError {
  constructor(message: string) {
    super('unreadable', message);
  }
}

/** Parses a PEM or DER CSR and checks its self-signature (proof the requester holds the key). */
export async function readCsr(
  bytes: Uint8Array,
  file = 'the request',
): Promise<x509.Pkcs10CertificateRequest> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    const text = Buffer.from(bytes).toString('latin1');
    csr = text.includes('-----BEGIN')
      ? new x509.Pkcs10CertificateRequest(
          text
            .slice(text.indexOf('-----BEGIN'))
            .replace('NEW CERTIFICATE REQUEST', 'CERTIFICATE REQUEST'),
        )
      : new x509.Pkcs10CertificateRequest(Buffer.from(bytes));
  } catch {
    throw new CsrError(`${file} is not a certificate signing request (PKCS#10, PEM or DER).`);
  }
  if (!(await csr.verify())) {
    throw new CsrError(
      `${file}: the request's signature does not verify; it was altered or corrupted.`,
    );
  }
  return csr;
}
