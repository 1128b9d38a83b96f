// Which configuration values are secrets: never printed, never put on a command line, never
// hashed into output, masked in the UI. One function for every output. The catalog decides for
// the keys it knows: an option's type (secret or not) wins over how its name looks, so
// temporaryAuthenticationTokenTTL (seconds) is shown and a secret option is masked whatever its
// name. For keys outside the catalog, its list of known secret keys (cryptoSecurityKey), and as a
// safety net for keys nobody catalogued, a name that says password, passphrase or secret
// (clientSecret of an OAuth client).
import { splitPath } from '../yaml/apply-edits';
import { findOption, knownSecretKeys } from './options';

const known = new Set<string>(knownSecretKeys.map((k) => k.path));
const uncataloguedSecretName = /password|passphrase|secret/i;

export function isSecretPath(path: string): boolean {
  const option = findOption(path);
  if (option) return option.type === 'secret';
  if (known.has(path)) return true;
  const leaf = (splitPath(path).pop() ?? '').replace(/\[\d+\]$/, '');
  return uncataloguedSecretName.test(leaf);
}

/** What every output shows instead of a secret value. */
export const SECRET_MASK = '********';
