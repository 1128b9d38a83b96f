// Which configuration values are secrets: never printed, never put on a command line, never
// hashed into output. Options the catalog types as secret, every key whose name says password,
// and cryptoSecurityKey (the key RWS encrypts with).
import { splitPath } from '../yaml/apply-edits';
import { findOption } from './options';

export function isSecretPath(path: string): boolean {
  const leaf = splitPath(path).pop() ?? '';
  return findOption(path)?.type === 'secret' || /password|cryptoSecurityKey/i.test(leaf);
}
