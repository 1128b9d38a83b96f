// The one list of failures a user can act on, shared by the CLI (exit codes) and the app API
// (messages shown as they are). Each error's message already names the file or option and what to
// do. `unreadable`: the input cannot be used (broken YAML, wrong password, corrupt or missing
// file, bad options), exit 2. `refused`: the input is fine but the operation would overwrite or
// break something (alias or kit exists, file changed on disk, chain does not verify), exit 1.
// Anything not listed is a bug: the caller treats it as internal. The CLI adds its own option and
// password-input errors (electron/cli/cli-errors.ts), so services never depend on the CLI.
import { YamlSyntaxError, DocumentEditError } from '../../shared/yaml/errors';
import { ObfFormatError } from '../../shared/secrets/obf';
import { ImportError } from './keystore/import-material';
import { CertificateFileError } from './chain/cert-input';
import { FileReadError, SaveError } from './files/file-errors';
import { KeystoreError, type KeystoreErrorCode } from './keystore/model';
import { KeyFileError } from './keystore/private-key-pem';
import { ConfigFileError } from './kits/config-values';
import { EncryptError } from './kits/encrypt';
import { KitError } from './kits/kit-error';
import { TransactionError } from './kits/transaction';
import { CaReplyError } from './x509/ca-reply';
import { CsrError } from './x509/csr';
import { ValidityError } from './x509/extensions';
import { KeySpecError } from './x509/keys';
import { NameSyntaxError } from './x509/names';
import { SignError } from './x509/sign';

export type UserErrorKind = 'refused' | 'unreadable';

export interface UserError {
  kind: UserErrorKind;
  message: string;
}

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

type ErrorClass = abstract new (...args: never[]) => Error;

const unreadableClasses: readonly ErrorClass[] = [
  FileReadError,
  YamlSyntaxError,
  ConfigFileError,
  CertificateFileError,
  KeyFileError,
  CsrError,
  ImportError,
  ObfFormatError,
  NameSyntaxError,
  KeySpecError,
  ValidityError,
  // No gir.jar or java where given, or a jar that is not RWS's: the --gir-jar/--java input.
  EncryptError,
];

const refusedClasses: readonly ErrorClass[] = [
  // A chain that does not verify / a signer that is not a CA: the files were read fine.
  SignError,
  CaReplyError,
  // Changed on disk since read, or the write failed: nothing was changed.
  SaveError,
  TransactionError,
  DocumentEditError,
];

function kindOf(error: Error): UserErrorKind | undefined {
  if (error instanceof KeystoreError) return keystoreKinds[error.code];
  if (error instanceof KitError) return error.kind;
  if (unreadableClasses.some((c) => error instanceof c)) return 'unreadable';
  if (refusedClasses.some((c) => error instanceof c)) return 'refused';
  return undefined;
}

/** The user-facing form of `error`, or undefined when it is a bug (keep its details internal). */
export function userError(error: unknown): UserError | undefined {
  if (!(error instanceof Error)) return undefined;
  const kind = kindOf(error);
  return kind === undefined ? undefined : { kind, message: error.message };
}
