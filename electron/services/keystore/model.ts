// The one entry model for every store format (JKS, JCEKS, PKCS12, PEM, DER, PKCS#7).
// Certificates and keys are node:crypto objects: they parse RSA and EC alike.
import { UserFacingError, type UserErrorKind } from '../../../shared/user-error';
import type { KeyObject, X509Certificate } from 'node:crypto';

import type { StoreType } from '../../../shared/store-formats';

export type { StoreType, WritableStoreType } from '../../../shared/store-formats';
/** PKCS12 profiles: `strong` as JDK 17 writes it, `compatible` for old JREs and appliances. */
export type Pkcs12Profile = 'strong' | 'compatible';

export interface KeyEntry {
  kind: 'key';
  /** Stored lower-case, as the JDK does. */
  alias: string;
  created: Date;
  /** Leaf first. */
  chain: X509Certificate[];
  privateKey: KeyObject;
}

export interface TrustedEntry {
  kind: 'trusted';
  alias: string;
  created: Date;
  /** A trusted entry's chain is its one certificate. */
  chain: [X509Certificate];
}

export type StoreEntry = KeyEntry | TrustedEntry;

export interface Keystore {
  type: StoreType;
  entries: StoreEntry[];
  /**
   * Certificates in the file that Java does not see as entries: PKCS12 certificate bags that are
   * neither in a key's chain nor marked trusted (e.g. `openssl pkcs12 -export -nokeys` output).
   * A truststore whose certificates are all here looks empty to Java.
   */
  hiddenCertificates?: X509Certificate[];
}

export type KeystoreErrorCode =
  | 'wrong-password'
  | 'password-required'
  | 'corrupt'
  | 'unsupported'
  | 'not-found'
  | 'alias-exists'
  | 'alias-missing';

const keystoreKinds: Record<KeystoreErrorCode, UserErrorKind> = {
  'wrong-password': 'unreadable',
  'password-required': 'unreadable',
  corrupt: 'unreadable',
  'not-found': 'unreadable',
  // Mostly an operation the store cannot take (write JCEKS, export a trusted entry as a key, a
  // non-ASCII PKCS12 password): the store itself was read.
  unsupported: 'refused',
  // Also "output file exists" from export/convert: the store was read fine.
  'alias-exists': 'refused',
  'alias-missing': 'refused',
};

/** Every failure to read or change a store; the message names the file and what to do. */
export class KeystoreError extends UserFacingError {
  constructor(
    readonly code: KeystoreErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(keystoreKinds[code], message);
  }
}
