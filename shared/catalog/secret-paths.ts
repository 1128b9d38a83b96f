// Which configuration values are secrets: never printed, never put on a command line, never
// hashed into output, masked in the UI. The catalog decides (its secret type, and the secret keys
// it knows but does not edit), not the look of a key's name: temporaryAuthenticationTokenTTL is a
// number of seconds, not a token.
import { findOption, knownSecretKeys } from './options';

const known = new Set<string>(knownSecretKeys.map((k) => k.path));

export function isSecretPath(path: string): boolean {
  return findOption(path)?.type === 'secret' || known.has(path);
}
