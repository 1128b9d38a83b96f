// The kit CA's private key as an encrypted PKCS#8 PEM that OpenSSL, keytool-adjacent tools and
// Node read (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC), with OWASP's iteration count for
// PBKDF2-HMAC-SHA256 instead of OpenSSL's default 2048: the CA key signs every node's
// certificate, and its file may be copied around. The derivation runs on libuv's thread pool.
import { createCipheriv, pbkdf2, randomBytes, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { integer, nullValue, octetString, oid, seq } from '../der/asn1';

/** OWASP Password Storage Cheat Sheet: PBKDF2-HMAC-SHA256, 600,000 iterations. */
export const CA_KEY_PBKDF2_ITERATIONS = 600_000;

const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
};

const derive = promisify(pbkdf2);

/** The key-encryption key: PBKDF2 of the CA key password with a fresh salt. */
export interface CaKeyKek {
  salt: Buffer;
  iterations: number;
  secret: Buffer;
}

/**
 * Derives the key-encryption key on libuv's thread pool. It needs only the password, not the CA
 * key, so a new kit starts it together with its key generation instead of after it: at the OWASP
 * count it is about 150 ms of one core, which at the end would be the kit's last 150 ms.
 */
export async function deriveCaKeyKek(
  password: string,
  iterations = CA_KEY_PBKDF2_ITERATIONS,
): Promise<CaKeyKek> {
  const salt = randomBytes(16);
  const secret = await derive(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  return { salt, iterations, secret };
}

/** The CA key encrypted under a derived key (one key, one fresh IV). */
export function caKeyPem(key: KeyObject, kek: CaKeyKek): string {
  const { salt, iterations, secret } = kek;
  const iv = randomBytes(16);
  const plain = key.export({ type: 'pkcs8', format: 'der' });
  const cipher = createCipheriv('aes-256-cbc', secret, iv);
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  const algorithm = seq(
    oid(OID.pbes2),
    seq(
      seq(
        oid(OID.pbkdf2),
        seq(octetString(salt), integer(iterations), seq(oid(OID.hmacSha256), nullValue())),
      ),
      seq(oid(OID.aes256Cbc), octetString(iv)),
    ),
  );
  const der = seq(algorithm, octetString(encrypted));
  const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${b64}-----END ENCRYPTED PRIVATE KEY-----\n`;
}

export async function encryptedCaKeyPem(
  key: KeyObject,
  password: string,
  iterations = CA_KEY_PBKDF2_ITERATIONS,
): Promise<string> {
  return caKeyPem(key, await deriveCaKeyKek(password, iterations));
}
