// PKCS#12 writer. `strong` matches JDK 17 (PBES2: PBKDF2-HmacSHA256 + AES-256-CBC for keys and
// certificates, SHA-256 MAC, 10000 iterations); `compatible` matches old JREs and
// `openssl -legacy` (3DES keys, RC2-40 certificates, SHA-1 MAC, 2048 iterations).
// Trusted certificates carry Java's trusted-key-usage attribute, without which Java ignores them.
import { createHash, createHmac, randomBytes, type X509Certificate } from 'node:crypto';
import {
  bmpString,
  explicit,
  integer,
  nullValue,
  octetString,
  oid,
  seq,
  set,
  tlv,
} from '../der/asn1';
import { KeystoreError, type Keystore, type Pkcs12Profile } from './model';
import { bmpPassword, pbeEncrypt, pkcs12Kdf, type PbeScheme } from './pbe';
import { P12 } from '../der/oids';

interface Profile {
  keys: PbeScheme;
  certs: PbeScheme;
  iterations: number;
  mac: 'sha1' | 'sha256';
}

export const PKCS12_PROFILES: Record<Pkcs12Profile, Profile> = {
  strong: { keys: 'pbes2-aes256', certs: 'pbes2-aes256', iterations: 10_000, mac: 'sha256' },
  compatible: { keys: 'pkcs12-3des', certs: 'pkcs12-rc2-40', iterations: 2048, mac: 'sha1' },
};

const attribute = (type: string, value: Buffer): Buffer => seq(oid(type), set(value));
const friendlyName = (alias: string): Buffer => attribute(P12.friendlyName, bmpString(alias));
const localKeyId = (id: Buffer): Buffer => attribute(P12.localKeyId, octetString(id));
const javaTrusted = (): Buffer => attribute(P12.javaTrustedKeyUsage, oid(P12.anyExtendedKeyUsage));

function safeBag(type: string, value: Buffer, attributes: Buffer[]): Buffer {
  return seq(oid(type), explicit(0, value), ...(attributes.length ? [set(...attributes)] : []));
}

function certBag(cert: X509Certificate, attributes: Buffer[]): Buffer {
  return safeBag(
    P12.certBag,
    seq(oid(P12.x509Certificate), explicit(0, octetString(cert.raw))),
    attributes,
  );
}

export function writePkcs12(
  store: Keystore,
  password: string,
  profileName: Pkcs12Profile = 'strong',
): Buffer {
  const profile = PKCS12_PROFILES[profileName];
  const keyBags: Buffer[] = [];
  const certBags: Buffer[] = [];
  const chainCertsWritten = new Set<string>();
  const ids = new Set<string>();
  for (const entry of store.entries) {
    if (entry.kind === 'trusted') {
      certBags.push(certBag(entry.chain[0], [friendlyName(entry.alias), javaTrusted()]));
      continue;
    }
    const [leaf, ...issuers] = entry.chain;
    if (!leaf) {
      throw new KeystoreError(
        'unsupported',
        `The key "${entry.alias}" has no certificate; a PKCS12 key entry needs one.`,
      );
    }
    let id = createHash('sha1').update(leaf.raw).digest();
    while (ids.has(id.toString('hex'))) id = createHash('sha1').update(id).digest();
    ids.add(id.toString('hex'));
    const pkcs8 = entry.privateKey.export({ format: 'der', type: 'pkcs8' });
    const { algorithm, ciphertext } = pbeEncrypt(profile.keys, password, pkcs8, profile.iterations);
    keyBags.push(
      safeBag(P12.shroudedKeyBag, seq(algorithm, octetString(ciphertext)), [
        friendlyName(entry.alias),
        localKeyId(id),
      ]),
    );
    certBags.push(certBag(leaf, [friendlyName(entry.alias), localKeyId(id)]));
    for (const cert of issuers) {
      if (chainCertsWritten.has(cert.fingerprint256)) continue;
      chainCertsWritten.add(cert.fingerprint256);
      certBags.push(certBag(cert, []));
    }
  }
  const contents: Buffer[] = [];
  if (certBags.length) {
    const { algorithm, ciphertext } = pbeEncrypt(
      profile.certs,
      password,
      seq(...certBags),
      profile.iterations,
    );
    contents.push(
      seq(
        oid(P12.encryptedData),
        explicit(0, seq(integer(0), seq(oid(P12.data), algorithm, tlv(0x80, ciphertext)))),
      ),
    );
  }
  if (keyBags.length) contents.push(seq(oid(P12.data), explicit(0, octetString(seq(...keyBags)))));
  const authSafe = seq(...contents);
  const salt = randomBytes(20);
  const macLength = profile.mac === 'sha1' ? 20 : 32;
  const macKey = pkcs12Kdf(
    profile.mac,
    bmpPassword(password),
    salt,
    3,
    profile.iterations,
    macLength,
  );
  const mac = createHmac(profile.mac, macKey).update(authSafe).digest();
  const macOid = profile.mac === 'sha1' ? P12.sha1 : P12.sha256;
  return seq(
    integer(3),
    seq(oid(P12.data), explicit(0, octetString(authSafe))),
    seq(
      seq(seq(oid(macOid), nullValue()), octetString(mac)),
      octetString(salt),
      integer(profile.iterations),
    ),
  );
}
