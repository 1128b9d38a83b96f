// The messages a user sees when a store cannot be opened: they name the file, say what to do,
// and say the file was left as it was.
import { KeystoreError } from './model';

const name = (file?: string): string => file ?? 'The keystore';
const inner = (file?: string): string => file ?? 'the keystore';

export function corrupt(file: string | undefined, what: string, detail: string): KeystoreError {
  return new KeystoreError(
    'corrupt',
    `${name(file)} is damaged or truncated: it is not a complete ${what} file (${detail}). ` +
      'It was not modified; restore it from a backup or create it again.',
    file,
  );
}

export function wrongPassword(file: string | undefined, detail = ''): KeystoreError {
  return new KeystoreError(
    'wrong-password',
    `The password for ${inner(file)} is wrong${detail}. The file was not modified.`,
    file,
  );
}

export function passwordRequired(file: string | undefined, why: string): KeystoreError {
  return new KeystoreError(
    'password-required',
    `${name(file)} needs a password ${why}. Give the store password.`,
    file,
  );
}

export function unsupported(file: string | undefined, detail: string): KeystoreError {
  return new KeystoreError('unsupported', `${name(file)}: ${detail}.`, file);
}
