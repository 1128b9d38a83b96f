// The object identifiers this tool knows, in one table per kind: PKCS#12 / PKCS#7 / PKCS#9 for the
// keystore codecs, and the certificate fields both certificate readers (x509/describe.ts for
// keytool-style listings, chain/cert-facts.ts for the chain verifier) name.
export const P12 = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  /** Java's "trusted key usage": a cert bag carrying it is a trusted-certificate entry for Java. */
  javaTrustedKeyUsage: '2.16.840.1.113894.746875.1.1',
  anyExtendedKeyUsage: '2.5.29.37.0',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

export const MAC_HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithms under both names this tool prints: Java's (keytool) and OpenSSL's. */
export const SIGNATURE_ALGORITHMS: Record<string, { java: string; openssl: string }> = {
  '1.2.840.113549.1.1.2': { java: 'MD2withRSA', openssl: 'md2WithRSAEncryption' },
  '1.2.840.113549.1.1.4': { java: 'MD5withRSA', openssl: 'md5WithRSAEncryption' },
  '1.2.840.113549.1.1.5': { java: 'SHA1withRSA', openssl: 'sha1WithRSAEncryption' },
  '1.2.840.113549.1.1.10': { java: 'RSASSA-PSS', openssl: 'rsassaPss' },
  '1.2.840.113549.1.1.11': { java: 'SHA256withRSA', openssl: 'sha256WithRSAEncryption' },
  '1.2.840.113549.1.1.12': { java: 'SHA384withRSA', openssl: 'sha384WithRSAEncryption' },
  '1.2.840.113549.1.1.13': { java: 'SHA512withRSA', openssl: 'sha512WithRSAEncryption' },
  '1.2.840.113549.1.1.14': { java: 'SHA224withRSA', openssl: 'sha224WithRSAEncryption' },
  '1.2.840.10045.4.1': { java: 'SHA1withECDSA', openssl: 'ecdsa-with-SHA1' },
  '1.2.840.10045.4.3.1': { java: 'SHA224withECDSA', openssl: 'ecdsa-with-SHA224' },
  '1.2.840.10045.4.3.2': { java: 'SHA256withECDSA', openssl: 'ecdsa-with-SHA256' },
  '1.2.840.10045.4.3.3': { java: 'SHA384withECDSA', openssl: 'ecdsa-with-SHA384' },
  '1.2.840.10045.4.3.4': { java: 'SHA512withECDSA', openssl: 'ecdsa-with-SHA512' },
  '1.2.840.10040.4.3': { java: 'SHA1withDSA', openssl: 'dsa-with-SHA1' },
  '2.16.840.1.101.3.4.3.2': { java: 'SHA256withDSA', openssl: 'dsa_with_SHA256' },
  '1.3.101.112': { java: 'Ed25519', openssl: 'Ed25519' },
  '1.3.101.113': { java: 'Ed448', openssl: 'Ed448' },
};

/** Distinguished-name attribute types, as keytool names them. */
export const NAME_ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SURNAME',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.42': 'GIVENNAME',
  '1.2.840.113549.1.9.1': 'EMAILADDRESS',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

export const EXTENDED_KEY_USAGES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};

/** KeyUsage bits in their order (bit 0 first). */
export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/** Named curves (OpenSSL's names, as node:crypto reports them): Java's name and the key size. */
export const CURVES: Record<string, { java: string; bits: number }> = {
  prime256v1: { java: 'secp256r1', bits: 256 },
  secp256k1: { java: 'secp256k1', bits: 256 },
  secp384r1: { java: 'secp384r1', bits: 384 },
  secp521r1: { java: 'secp521r1', bits: 521 },
  prime192v1: { java: 'secp192r1', bits: 192 },
  secp224r1: { java: 'secp224r1', bits: 224 },
  secp192k1: { java: 'secp192k1', bits: 192 },
};
