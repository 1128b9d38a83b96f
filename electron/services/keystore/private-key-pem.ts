// Private keys read from PEM files (PKCS#8, PKCS#1 or SEC1, encrypted or not), with a message that
// names the file and what to give when the key cannot be read.
import { UserFacingError } from '../../../shared/user-error';
import { createPrivateKey, type KeyObject } from 'node:crypto';

export class KeyFileError extends UserFacingError {
  constructor(message: string) {
    super('unreadable', message);
  }
}

/** The private key of a PEM file: PKCS#8, PKCS#1 or SEC1, encrypted or not. */
export function parsePrivateKeyPem(
  text: string,
  passphrase?: string,
  file = 'the key file',
): KeyObject {
  const block =
    /-----BEGIN ((?:ENCRYPTED |RSA |EC )?PRIVATE KEY)-----[\s\S]*?-----END \1-----/.exec(text);
  if (!block) {
    throw new KeyFileError(`${file} holds no PEM private key (BEGIN PRIVATE KEY / RSA / EC).`);
  }
  const encrypted = block[1] === 'ENCRYPTED PRIVATE KEY' || /Proc-Type: 4,ENCRYPTED/.test(block[0]);
  if (encrypted && passphrase === undefined) {
    throw new KeyFileError(`${file} is encrypted: give its password (--keypass or --keypass-env).`);
  }
  try {
    return createPrivateKey({ key: block[0], format: 'pem', passphrase });
  } catch {
    throw new KeyFileError(
      encrypted
        ? `Cannot decrypt the key in ${file}: wrong password, or an unsupported cipher.`
        : `${file}: the private key is corrupt or of an unsupported type.`,
    );
  }
}
