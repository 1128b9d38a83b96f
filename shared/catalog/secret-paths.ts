// Which configuration values are secrets: never printed, never put on a command line, never
// hashed into output. Options the catalog types as secret, every key whose name says password,
// passphrase or secret (clientSecret of an OAuth client), and cryptoSecurityKey (the key RWS
// encrypts with).
import { splitPath } from '../yaml/apply-edits';
import { findOption } from './options';

export function isSecretPath(path: string): boolean {
  const leaf = splitPath(path).pop() ?? '';
  return (
    findOption(path)?.type === 'secret' ||
    /password|passphrase|secret|cryptoSecurityKey/i.test(leaf.replace(/\[\d+\]$/, ''))
  );
}

/** What every output shows instead of a secret value. */
export const SECRET_MASK = '********';
