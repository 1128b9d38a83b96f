// PKCS#12 reader: JDK 17 default (PBES2/AES-256, SHA-256 MAC), legacy (3DES/RC2, SHA-1 MAC) and
// OpenSSL output. Entries follow Java's reading: key bags become key entries (chain from the cert
// bag with the same localKeyId, then issuers), cert bags with Java's trusted-key-usage attribute
// become trusted entries, other certificates are reported as hidden.
import {
  createHmac,
  createPrivateKey,
  timingSafeEqual,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import {
  Asn1Error,
  children,
  expect,
  octets,
  parseDer,
  readInt,
  readOid,
  readString,
  seqOf,
  TAG,
  type Asn1,
} from '../der/asn1';
import { certMatchesKey, chainFrom } from './chain-order';
import { corrupt, passwordRequired, unsupported, wrongPassword } from './errors';
import type { Keystore, StoreEntry } from './model';
import {
  bmpPassword,
  checkedIterations,
  DecryptError,
  pbeDecrypt,
  pkcs12Kdf,
  TooManyIterationsError,
  UnsupportedAlgorithmError,
} from './pbe';
import { MAC_HASHES, P12 } from '../der/oids';

interface Attributes {
  friendlyName?: string;
  localKeyId?: string;
  trusted: boolean;
}
interface KeyBag extends Attributes {
  pkcs8: Buffer;
}
interface CertBag extends Attributes {
  der: Buffer;
}

/** Thrown inside the reader; turned into KeystoreError at the edge. */
class Corrupt extends Error {}

function readAttributes(node: Asn1 | undefined): Attributes {
  const attrs: Attributes = { trusted: false };
  if (!node) return attrs;
  for (const attr of children(expect(node, TAG.SET, 'bag attributes'))) {
    const [typeNode, values] = seqOf(attr, 'attribute');
    const type = readOid(typeNode);
    const first = children(expect(values, TAG.SET, 'attribute values'))[0];
    if (type === P12.friendlyName && first) attrs.friendlyName = readString(first);
    else if (type === P12.localKeyId && first) attrs.localKeyId = octets(first).toString('hex');
    else if (type === P12.javaTrustedKeyUsage) attrs.trusted = true;
  }
  return attrs;
}

interface Collector {
  password: string;
  keys: KeyBag[];
  certs: CertBag[];
  /** Encrypted pieces that opened with the password / did not. */
  opened: number;
  failed: number;
  /** When the MAC failed we keep going to learn whether the password opens anything. */
  tolerant: boolean;
}

function decryptPiece(
  c: Collector,
  algorithm: Asn1,
  data: Buffer,
  parse: (plain: Buffer) => void,
): void {
  let plain: Buffer;
  try {
    plain = pbeDecrypt(algorithm, c.password, data);
    parseDer(plain);
  } catch (err) {
    if (err instanceof TooManyIterationsError) throw err;
    if (err instanceof UnsupportedAlgorithmError && !c.tolerant) throw err;
    c.failed++;
    if (c.tolerant) return;
    if (err instanceof DecryptError || err instanceof Asn1Error)
      throw new DecryptError('does not decrypt');
    throw err;
  }
  c.opened++;
  parse(plain);
}

function readSafeContents(c: Collector, der: Buffer): void {
  for (const bag of seqOf(parseDer(der), 'SafeContents')) {
    const [idNode, valueNode, attrsNode] = children(expect(bag, TAG.SEQUENCE, 'SafeBag'));
    const id = readOid(idNode);
    const value = children(expect(valueNode, 0xa0, 'bag value'))[0];
    const attrs = readAttributes(attrsNode);
    if (id === P12.keyBag) {
      c.keys.push({ ...attrs, pkcs8: expect(value, TAG.SEQUENCE, 'PrivateKeyInfo').der });
    } else if (id === P12.shroudedKeyBag) {
      const [alg, data] = seqOf(value, 'EncryptedPrivateKeyInfo');
      decryptPiece(c, alg!, octets(data), (plain) => c.keys.push({ ...attrs, pkcs8: plain }));
    } else if (id === P12.certBag) {
      const [typeNode, certValue] = seqOf(value, 'CertBag');
      if (readOid(typeNode) !== P12.x509Certificate) continue;
      const der = octets(children(expect(certValue, 0xa0, 'certificate value'))[0]);
      c.certs.push({ ...attrs, der });
    } else if (id === P12.safeContentsBag) {
      readSafeContents(c, expect(value, TAG.SEQUENCE, 'nested SafeContents').der);
    }
    // CRL and secret bags are not part of the entry model; Java ignores them for certificates too.
  }
}

function readAuthenticatedSafe(c: Collector, content: Buffer): void {
  for (const info of seqOf(parseDer(content), 'AuthenticatedSafe')) {
    const [typeNode, wrapped] = seqOf(info, 'ContentInfo');
    const type = readOid(typeNode);
    const inner = children(expect(wrapped, 0xa0, 'content'))[0];
    if (type === P12.data) {
      readSafeContents(c, octets(inner));
    } else if (type === P12.encryptedData) {
      const [, encryptedContentInfo] = seqOf(inner, 'EncryptedData');
      const [, alg, data] = seqOf(encryptedContentInfo, 'EncryptedContentInfo');
      if (!data) continue; // no content: nothing stored
      decryptPiece(c, alg!, octets(data, 0x80), (plain) => readSafeContents(c, plain));
    } else {
      throw new UnsupportedAlgorithmError(`content type ${type} (public-key protected PKCS12)`);
    }
  }
}

function macMatches(macData: Asn1, content: Buffer, password: string): boolean {
  const [digestInfo, saltNode, iterNode] = seqOf(macData, 'MacData');
  const [algId, digestNode] = seqOf(digestInfo, 'DigestInfo');
  const hashOid = readOid(seqOf(algId, 'digest algorithm')[0]);
  const hash = MAC_HASHES[hashOid];
  if (!hash) throw new UnsupportedAlgorithmError(`MAC digest ${hashOid}`);
  const salt = expect(saltNode, TAG.OCTET_STRING, 'MAC salt').value;
  const iterations = checkedIterations(iterNode ? readInt(iterNode) : 1, 'integrity check (MAC)');
  const expected = expect(digestNode, TAG.OCTET_STRING, 'MAC').value;
  const key = pkcs12Kdf(hash, bmpPassword(password), salt, 3, iterations, expected.length);
  const actual = createHmac(hash, key).update(content).digest();
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface Pkcs12ReadOptions {
  password?: string;
  file?: string;
}

/** Parses the PFX and verifies its MAC; throws KeystoreError. */
export function readPkcs12(bytes: Buffer, options: Pkcs12ReadOptions = {}): Keystore {
  const { file } = options;
  try {
    return readPkcs12Unsafe(bytes, options);
  } catch (err) {
    if (err instanceof Asn1Error || err instanceof Corrupt)
      throw corrupt(file, 'PKCS12', err.message);
    if (err instanceof DecryptError) throw wrongPassword(file);
    // Not "damaged": the file may be fine, only too costly to open (Java refuses it too).
    if (err instanceof TooManyIterationsError) throw unsupported(file, err.message);
    if (err instanceof UnsupportedAlgorithmError) {
      throw unsupported(file, `this PKCS12 file uses ${err.message}, which is not supported`);
    }
    throw err;
  }
}

function readPkcs12Unsafe(bytes: Buffer, options: Pkcs12ReadOptions): Keystore {
  const { file } = options;
  const [versionNode, authSafe, macData] = seqOf(parseDer(bytes), 'PFX');
  if (readInt(versionNode) !== 3) throw new Corrupt('version is not 3');
  const [typeNode, wrapped] = seqOf(authSafe, 'ContentInfo');
  if (readOid(typeNode) !== P12.data) {
    throw new UnsupportedAlgorithmError('public-key integrity (signed PKCS12)');
  }
  const content = octets(children(expect(wrapped, 0xa0, 'content'))[0]);
  const c: Collector = {
    password: options.password ?? '',
    keys: [],
    certs: [],
    opened: 0,
    failed: 0,
    tolerant: false,
  };
  if (macData) {
    if (options.password === undefined) throw passwordRequired(file, 'to check its integrity');
    if (!macMatches(macData, content, options.password)) {
      c.tolerant = true;
      try {
        readAuthenticatedSafe(c, content);
      } catch (err) {
        // The MAC failed and the unencrypted structure is unreadable: the bytes were damaged.
        if (err instanceof UnsupportedAlgorithmError)
          throw new Corrupt(`unknown algorithm: ${err.message}`);
        throw err;
      }
      if (c.opened > 0)
        throw corrupt(file, 'PKCS12', 'the integrity check failed although the password is right');
      throw wrongPassword(
        file,
        c.failed === 0 ? ' (or the file was modified: its integrity check failed)' : '',
      );
    }
  }
  try {
    readAuthenticatedSafe(c, content);
  } catch (err) {
    if (err instanceof DecryptError && options.password === undefined) {
      throw passwordRequired(file, 'to decrypt its contents');
    }
    throw err;
  }
  return toKeystore(c, file);
}

function toKeystore(c: Collector, file: string | undefined): Keystore {
  const certs = c.certs.map((bag) => {
    try {
      return { bag, cert: new X509Certificate(bag.der) };
    } catch {
      throw new Corrupt('a certificate cannot be parsed');
    }
  });
  const pool = certs.map((x) => x.cert);
  const used = new Set<X509Certificate>();
  const entries: StoreEntry[] = [];
  const created = new Date();
  let unnamed = 0;
  const aliasOf = (a: Attributes): string => (a.friendlyName ?? String(++unnamed)).toLowerCase();
  for (const key of c.keys) {
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: key.pkcs8, format: 'der', type: 'pkcs8' });
    } catch {
      throw corrupt(file, 'PKCS12', 'a private key cannot be decoded');
    }
    const leaf =
      certs.find((x) => key.localKeyId !== undefined && x.bag.localKeyId === key.localKeyId)
        ?.cert ?? pool.find((cert) => certMatchesKey(cert, privateKey));
    const chain = leaf ? chainFrom(leaf, pool) : [];
    chain.forEach((cert) => used.add(cert));
    entries.push({ kind: 'key', alias: aliasOf(key), created, chain, privateKey });
  }
  for (const { bag, cert } of certs) {
    if (!bag.trusted) continue;
    used.add(cert);
    entries.push({ kind: 'trusted', alias: aliasOf(bag), created, chain: [cert] });
  }
  const hidden = pool.filter((cert) => !used.has(cert));
  return { type: 'PKCS12', entries, ...(hidden.length ? { hiddenCertificates: hidden } : {}) };
}
