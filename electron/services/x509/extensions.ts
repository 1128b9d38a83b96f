// @peculiar/x509's views of certificates and requests, for the reading that still uses it (a
// request's or certificate's SANs as entries). Issuing is cert-der.ts's, without it.
import type { X509Certificate } from 'node:crypto';
import { px as x509 } from './peculiar';

export { x509 };
export { randomSerial, validity, ValidityError, type UsageOptions } from './cert-terms';

/** @peculiar/x509's view of a node:crypto certificate (for its extensions and names). */
export function toPeculiar(cert: X509Certificate): x509.X509Certificate {
  return new x509.X509Certificate(cert.raw);
}

/** The SANs a certificate carries, in @peculiar/x509's JSON form. */
export function sansOf(
  cert: x509.X509Certificate | x509.Pkcs10CertificateRequest,
): x509.JsonGeneralNames {
  const ext = cert.extensions.find((e) => e.type === '2.5.29.17');
  return ext ? new x509.SubjectAlternativeNameExtension(ext.rawData).names.toJSON() : [];
}
