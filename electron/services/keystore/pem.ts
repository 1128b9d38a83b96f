// PEM bundles: certificates (also TRUSTED CERTIFICATE and PKCS7 blocks) and private keys in
// PKCS#8, PKCS#1 or SEC1 form, plain or encrypted (PKCS#8 PBES2 and legacy Proc-Type headers).
// OpenSSL's "Bag Attributes ... friendlyName: x" lines before a block name it.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { parseDer } from '../der/asn1';
import type { LooseCert, LooseKey } from './assemble';
import { pkcs7Certificates } from './pkcs7';

export class PemError extends Error {
  constructor(
    readonly reason: 'corrupt' | 'wrong-password' | 'password-required',
    message: string,
  ) {
    super(message);
  }
}

// One left-to-right pass over the BEGIN/END markers: a lazy BEGIN...END regex restarts its search
// at every BEGIN, which costs O(size x BEGINs) on text full of unterminated BEGIN lines.
// A marker's closing dashes stay unconsumed: they may open the next marker.
const MARKER = /-----(BEGIN|END) ([A-Z0-9 ]+)(?=-----)/g;
const DASHES = '-----'.length;
const LINE_BREAK = /\r?\n/y;
const KEY_LABELS = new Set([
  'PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
]);
const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);

export interface PemContents {
  keys: LooseKey[];
  certs: LooseCert[];
}

function base64Body(body: string): Buffer {
  const lines = body.split(/\r?\n/).filter((l) => l.trim() && !l.includes(':'));
  const text = lines.join('').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text))
    throw new PemError('corrupt', 'a block is not valid base64');
  return Buffer.from(text, 'base64');
}

function certificate(der: Buffer, what: string): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch {
    throw new PemError('corrupt', `${what} cannot be parsed`);
  }
}

function privateKey(
  block: string,
  label: string,
  password: string | undefined,
  n: number,
): KeyObject {
  const encrypted = label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(block);
  if (encrypted && password === undefined) {
    throw new PemError('password-required', `private key ${n} is encrypted`);
  }
  try {
    return createPrivateKey({
      key: block,
      format: 'pem',
      ...(encrypted ? { passphrase: password } : {}),
    });
  } catch {
    if (encrypted)
      throw new PemError('wrong-password', `private key ${n} does not decrypt with this password`);
    throw new PemError('corrupt', `private key ${n} cannot be decoded`);
  }
}

interface Block {
  /** Where the BEGIN line starts and the END marker ends. */
  start: number;
  end: number;
  label: string;
  body: string;
}

/**
 * Each BEGIN marker (followed by a line break) paired with the first END marker of the same
 * label, with no other BEGIN in between; `begins` counts every BEGIN marker, paired or not.
 */
function scanBlocks(text: string): { blocks: Block[]; begins: number } {
  const blocks: Block[] = [];
  let begins = 0;
  let open: { start: number; bodyStart: number; label: string } | undefined;
  for (const m of text.matchAll(MARKER)) {
    const [marker, kind, label = ''] = m;
    const at = m.index ?? 0;
    if (kind === 'BEGIN') {
      begins++;
      LINE_BREAK.lastIndex = at + marker.length + DASHES;
      open = LINE_BREAK.test(text)
        ? { start: at, bodyStart: LINE_BREAK.lastIndex, label }
        : undefined;
    } else if (open && open.label === label) {
      blocks.push({
        start: open.start,
        end: at + marker.length + DASHES,
        label,
        body: text.slice(open.bodyStart, at),
      });
      open = undefined;
    }
  }
  return { blocks, begins };
}

/** Parses every block; throws PemError. */
export function parsePem(text: string, password?: string): PemContents {
  const out: PemContents = { keys: [], certs: [] };
  let last = 0;
  const { blocks, begins } = scanBlocks(text);
  for (const { start, end, label, body } of blocks) {
    const block = text.slice(start, end);
    const before = text.slice(last, start);
    last = end;
    const alias = /friendlyName:\s*(.+)/.exec(before)?.[1]?.trim();
    const named = alias ? { alias } : {};
    if (KEY_LABELS.has(label)) {
      out.keys.push({ key: privateKey(block, label, password, out.keys.length + 1), ...named });
    } else if (CERT_LABELS.has(label)) {
      // A TRUSTED CERTIFICATE is the certificate followed by OpenSSL's trust settings.
      let der = base64Body(body);
      if (label === 'TRUSTED CERTIFICATE') {
        try {
          der = parseDer(der, true).der;
        } catch {
          throw new PemError('corrupt', 'a trusted certificate cannot be parsed');
        }
      }
      out.certs.push({ cert: certificate(der, `certificate ${out.certs.length + 1}`), ...named });
    } else if (label === 'PKCS7') {
      let ders: Buffer[];
      try {
        ders = pkcs7Certificates(base64Body(body));
      } catch {
        throw new PemError('corrupt', 'a PKCS7 block cannot be parsed');
      }
      for (const der of ders) out.certs.push({ cert: certificate(der, 'a PKCS7 certificate') });
    }
    // Other blocks (CSRs, public keys, EC parameters, CRLs) are not store entries.
  }
  if (begins !== blocks.length)
    throw new PemError('corrupt', 'a block has no matching END line (truncated?)');
  return out;
}

// ---- writing ----

function wrap(label: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----\n`;
}

export function certificatePem(cert: X509Certificate, alias?: string): string {
  const attrs = alias === undefined ? '' : `Bag Attributes\n    friendlyName: ${alias}\n`;
  const subject = `subject=${cert.subject.split('\n').reverse().join(', ')}\n`;
  const issuer = `issuer=${cert.issuer.split('\n').reverse().join(', ')}\n`;
  return attrs + subject + issuer + wrap('CERTIFICATE', cert.raw);
}

/** PKCS#8, encrypted (PBES2, AES-256-CBC) when a non-empty password is given. */
export function privateKeyPem(key: KeyObject, alias?: string, password?: string): string {
  const attrs = alias === undefined ? '' : `Bag Attributes\n    friendlyName: ${alias}\n`;
  const pem = password
    ? key.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: password })
    : key.export({ format: 'pem', type: 'pkcs8' });
  return attrs + pem.toString();
}
