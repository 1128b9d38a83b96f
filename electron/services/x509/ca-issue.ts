// A certificate signed by a CA entry: the one issuing step behind `keystore sign` (a CSR from
// elsewhere) and the kits' node certificates (a key made in this process, so no CSR round trip:
// a request only proves the requester holds the key). Written by cert-der.ts.
import type { KeyObject, X509Certificate } from 'node:crypto';
import { buildCertificate, subjectNameDer } from './cert-der';
import { randomSerial, requireCaCertificate, validityUnder, type UsageOptions } from './cert-terms';
import { readCertificateFields } from './cert-fields';
import {
  authorityKeyIdDer,
  keyIdentifier,
  subjectAltNameDer,
  subjectKeyIdDer,
  usageExtensionsDer,
} from './extensions-der';
import type { SanEntry } from './names';

export interface IssueRequest {
  /** The subject's encoded Name (name-der.ts, or a CSR's). */
  subject: Buffer;
  publicKey: KeyObject;
  /** SAN entries, or a request's own encoded subjectAltName extension (copied as it is). */
  san: readonly SanEntry[] | { extension: Buffer } | undefined;
}

export interface IssueOptions {
  days?: number;
  /** Default: serverAuth and clientAuth, not a CA. */
  usage?: Partial<UsageOptions>;
  now?: Date;
  serial?: string;
}

export interface CaEntry {
  cert: X509Certificate;
  key: KeyObject;
}

function sanExtension(san: IssueRequest['san']): Buffer | undefined {
  if (san === undefined) return undefined;
  if ('extension' in san) return san.extension;
  return san.length > 0 ? subjectAltNameDer(san) : undefined;
}

/** The CA's key identifier: from its certificate, else computed from its key. */
function authorityKeyId(ca: X509Certificate): Buffer {
  const hex = readCertificateFields(ca).subjectKeyId;
  return hex
    ? Buffer.from(hex, 'hex')
    : keyIdentifier(ca.publicKey.export({ type: 'spki', format: 'der' }));
}

/** Issues the certificate; notes say what the user should know (shortened validity, no SAN). */
export function issueFromCa(
  request: IssueRequest,
  ca: CaEntry,
  options: IssueOptions = {},
): { certificate: X509Certificate; notes: string[] } {
  requireCaCertificate(ca.cert);
  const notes: string[] = [];
  const usage: UsageOptions = { serverAuth: true, clientAuth: true, ca: false, ...options.usage };
  const { note, ...range } = validityUnder(ca.cert, options.days ?? 365, options.now);
  if (note) notes.push(note);
  const san = sanExtension(request.san);
  if (!san) {
    notes.push(
      'The certificate has no subjectAltName: clients that check host names will reject it.',
    );
  }
  const spki = request.publicKey.export({ type: 'spki', format: 'der' });
  const extensions = [
    ...usageExtensionsDer(usage, request.publicKey),
    subjectKeyIdDer(keyIdentifier(spki)),
    authorityKeyIdDer(authorityKeyId(ca.cert)),
    ...(san ? [san] : []),
  ];
  const certificate = buildCertificate({
    serial: options.serial ?? randomSerial(),
    subject: request.subject,
    issuer: subjectNameDer(ca.cert),
    ...range,
    publicKey: request.publicKey,
    signingKey: ca.key,
    extensions,
  });
  return { certificate, notes };
}
