// Jetty's password forms, byte-for-byte as Jetty 9.4's org.eclipse.jetty.util.security.Password
// and Credential read them. `OBF:` is reversible obfuscation (not encryption): anyone can decode it.
import { UserFacingError } from '../user-error';

export const OBF_PREFIX = 'OBF:';

/**
 * Java's String.getBytes(UTF_8) replaces an unpaired surrogate with '?', where TextEncoder writes
 * U+FFFD. Jetty obfuscates Java's bytes, so we do the same replacement first.
 */
function javaUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text.replace(/\p{Surrogate}/gu, '?'));
}

function base36(value: number, width: number): string {
  return value.toString(36).padStart(width, '0');
}

/** Jetty's `Password.obfuscate`: the `OBF:` form of a password (any Unicode text). */
export function obfuscate(plain: string): string {
  const b = javaUtf8(plain);
  let out = OBF_PREFIX;
  for (let i = 0; i < b.length; i++) {
    const b1 = b[i] ?? 0;
    const b2 = b[b.length - 1 - i] ?? 0;
    if (b1 >= 0x80 || b2 >= 0x80) {
      // A Java byte is signed: Jetty takes this branch for any non-ASCII byte of the pair.
      out += 'U' + base36(b1 * 256 + b2, 4);
    } else {
      out += base36((127 + b1 + b2) * 256 + (127 + b1 - b2), 4);
    }
  }
  return out;
}

export class ObfFormatError extends UserFacingError {
  constructor(message: string) {
    super('unreadable', message);
  }
}

/**
 * Jetty's `Password.deobfuscate`. The `OBF:` prefix is optional, as in Jetty. Jetty throws on a
 * malformed value (and then fails to start); we say which part is wrong instead.
 */
export function deobfuscate(obf: string): string {
  const body = obf.startsWith(OBF_PREFIX) ? obf.slice(OBF_PREFIX.length) : obf;
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    const wide = body[i] === 'U';
    const start = wide ? i + 1 : i;
    const group = body.slice(start, start + 4);
    if (!/^[0-9a-zA-Z]{4}$/.test(group)) {
      throw new ObfFormatError(
        `Not a valid OBF: value: expected 4 base-36 digits at position ${start + OBF_PREFIX.length}.`,
      );
    }
    const value = parseInt(group, 36);
    if (wide) {
      bytes.push((value >> 8) & 0xff);
    } else {
      // Java's int division truncates toward zero; (byte) keeps the low 8 bits.
      bytes.push(Math.trunc((Math.floor(value / 256) + (value % 256) - 254) / 2) & 0xff);
    }
    i = start + 4;
  }
  return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
}

export type SecretForm = 'plain' | 'OBF' | 'CRYPT' | 'MD5' | 'empty';

/**
 * The form of a password value as written in application.yaml. Prefixes are case-sensitive, as
 * Jetty and RWS test them.
 *
 * `CRYPT:` means two different things depending on WHO reads the field:
 * - `ssl.keyStorePassword` is read by Jetty: `CRYPT:` there is Jetty's one-way UnixCrypt hash
 *   (like `MD5:`), which can never open a keystore (Jetty would use the literal text).
 * - the other secrets (`jksPassword`, `*JksPassword`, `truststorePassword`, ...) are read by RWS,
 *   which decrypts `CRYPT:` values made by `gir.jar --encrypt` (reversible, algorithm unpublished).
 * So callers decide by the field; this function only names the prefix.
 */
export function classifySecret(value: string): SecretForm {
  if (value === '') return 'empty';
  if (value.startsWith(OBF_PREFIX)) return 'OBF';
  if (value.startsWith('CRYPT:')) return 'CRYPT';
  if (value.startsWith('MD5:')) return 'MD5';
  return 'plain';
}

/**
 * The password Jetty opens `ssl.keyStorePath` with for a `ssl.keyStorePassword` value: plain text as
 * is, `OBF:` decoded. `undefined` for `MD5:`/`CRYPT:`: Jetty treats those as one-way hashes, so no
 * keystore password can be recovered from them (Jetty would try the literal text and fail).
 */
export function jettyKeystorePassword(value: string): string | undefined {
  switch (classifySecret(value)) {
    case 'empty':
    case 'plain':
      return value;
    case 'OBF':
      return deobfuscate(value);
    case 'MD5':
    case 'CRYPT':
      return undefined;
  }
}
