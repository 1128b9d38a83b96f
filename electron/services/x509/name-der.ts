// A keytool-style dname ("CN=node, OU=Cassandra") as an encoded X.500 Name, the way
// @peculiar/x509 encoded the names we issued before cert-der.ts: the first RDN typed is the last
// one encoded (so keytool and Java read it back as typed), e-mail addresses and domain components
// as IA5String, other values as PrintableString when they fit it and UTF8String otherwise.
import { oid, set, seq, tlv, TAG } from '../der/asn1';
import { parseDname } from './names';

/** The OIDs of the short names parseDname() gives (it passes dotted OIDs through). */
const ATTRIBUTE_OIDS: Record<string, string> = {
  CN: '2.5.4.3',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  T: '2.5.4.12',
  E: '1.2.840.113549.1.9.1',
  DC: '0.9.2342.19200300.100.1.25',
};

const IA5_ATTRIBUTES = new Set([ATTRIBUTE_OIDS.E, ATTRIBUTE_OIDS.DC]);
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

function attributeValue(type: string, value: string): Buffer {
  const text = Buffer.from(value, 'utf8');
  if (IA5_ATTRIBUTES.has(type)) return tlv(TAG.IA5, text);
  return tlv(PRINTABLE.test(value) ? TAG.PRINTABLE : TAG.UTF8, text);
}

/** The DER of the dname's Name (throws NameSyntaxError as parseDname does). */
export function dnameToDer(dname: string): Buffer {
  const rdns = parseDname(dname)
    .reverse()
    .map((rdn) =>
      set(
        ...rdn.map(({ type, value }) => {
          const id = ATTRIBUTE_OIDS[type] ?? type;
          return seq(oid(id), attributeValue(id, value));
        }),
      ),
    );
  return seq(...rdns);
}
