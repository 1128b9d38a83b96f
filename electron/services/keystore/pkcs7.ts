// PKCS#7 certificate bundles (.p7b/.p7c, "certs-only" SignedData), DER or PEM.
import { children, expect, parseDer, readOid, seqOf, type Asn1 } from '../der/asn1';
import { P12 } from '../der/oids';

/** The certificates' DER encodings, in file order. Throws Asn1Error on malformed input. */
export function pkcs7Certificates(der: Buffer): Buffer[] {
  const [typeNode, wrapped] = seqOf(parseDer(der), 'ContentInfo');
  if (readOid(typeNode) !== P12.signedData) throw new TypeError('not a PKCS#7 SignedData');
  const signedData = children(expect(wrapped, 0xa0, 'content'))[0];
  const certSet = seqOf(signedData, 'SignedData').find((n: Asn1) => n.tag === 0xa0);
  return certSet ? children(certSet).map((c) => c.der) : [];
}
