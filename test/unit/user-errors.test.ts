// The one error model: each typed error carries the kind the README's exit codes promise
// (refused/conflict = 1, unreadable/bad request = 2) and keeps its message; the CLI and the app
// API translate the kind at their door; anything else is internal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../electron/cli/cli-parse';
import { SecretInputError } from '../../electron/cli/secret-input';
import { toApiError } from '../../electron/api/api-errors';
import { ImportError } from '../../electron/services/keystore/import-material';
import { CertificateFileError } from '../../electron/services/chain/cert-input';
import { FileReadError, SaveError } from '../../electron/services/files/file-errors';
import { KeystoreError, type KeystoreErrorCode } from '../../electron/services/keystore/model';
import { KeyFileError } from '../../electron/services/keystore/private-key-pem';
import { ConfigFileError } from '../../electron/services/kits/config-values';
import { EncryptError } from '../../electron/services/kits/encrypt';
import { KitError } from '../../electron/services/kits/kit-error';
import { TransactionError } from '../../electron/services/kits/transaction';
import { userError, type UserErrorKind } from '../../shared/user-error';
import { cliUserError, exitCodeOf } from '../../electron/cli/cli-errors';
import { CaReplyError } from '../../electron/services/x509/ca-reply';
import { CsrError } from '../../electron/services/x509/csr';
import { ValidityError } from '../../electron/services/x509/extensions';
import { KeySpecError } from '../../electron/services/x509/keys';
import { NameSyntaxError } from '../../electron/services/x509/names';
import { SignError } from '../../electron/services/x509/sign';
import { ApiError } from '../../shared/api/dispatch';
import { ObfFormatError } from '../../shared/secrets/obf';
import { DocumentEditError, YamlSyntaxError } from '../../shared/yaml/errors';
import { InventoryError } from '../../electron/services/fleet/inventory';
import { SshError } from '../../electron/services/fleet/ssh-transport';
import { KitPushError } from '../../electron/services/fleet/push-kit';
import { RemoteSaveError } from '../../electron/services/fleet/remote-save';

const ks = (code: KeystoreErrorCode) => new KeystoreError(code, `k.jks: ${code}`, 'k.jks');

const cases: [string, Error, UserErrorKind][] = [
  ['KeystoreError wrong-password', ks('wrong-password'), 'unreadable'],
  ['KeystoreError password-required', ks('password-required'), 'unreadable'],
  ['KeystoreError corrupt', ks('corrupt'), 'unreadable'],
  ['KeystoreError not-found', ks('not-found'), 'unreadable'],
  ['KeystoreError unsupported (e.g. JCEKS not written)', ks('unsupported'), 'refused'],
  ['KeystoreError alias-exists', ks('alias-exists'), 'refused'],
  ['KeystoreError alias-missing', ks('alias-missing'), 'refused'],
  ['KitError (bad input by default)', new KitError('Give at least one node.'), 'unreadable'],
  ['KitError refused', new KitError('k.jks already has an entry "jetty".', 'refused'), 'refused'],
  ['SaveError changed-on-disk', new SaveError('a changed', 'changed-on-disk', 'a'), 'conflict'],
  ['SaveError write-failed', new SaveError('a not written', 'write-failed', 'a'), 'refused'],
  ['TransactionError', new TransactionError('Could not write a.', 'a'), 'refused'],
  ['DocumentEditError', new DocumentEditError('would lose a comment', 'ssl.port'), 'refused'],
  ['SignError', new SignError('not a CA'), 'refused'],
  ['CaReplyError', new CaReplyError('does not chain'), 'refused'],
  ['FileReadError', new FileReadError('a is missing', 'missing', 'a'), 'unreadable'],
  ['YamlSyntaxError', new YamlSyntaxError('bad indentation', 3, 2), 'unreadable'],
  ['ConfigFileError', new ConfigFileError('Cannot read a.yaml', 'a.yaml'), 'unreadable'],
  ['CertificateFileError', new CertificateFileError('a.pem is empty', 'a.pem'), 'unreadable'],
  ['KeyFileError', new KeyFileError('a.pem holds no key'), 'unreadable'],
  ['CsrError', new CsrError('a.csr is not a CSR'), 'unreadable'],
  ['ImportError', new ImportError('a.pem holds no entry'), 'unreadable'],
  ['ObfFormatError', new ObfFormatError('not OBF'), 'unreadable'],
  ['NameSyntaxError', new NameSyntaxError('bad dname'), 'unreadable'],
  ['KeySpecError', new KeySpecError('bad key size'), 'unreadable'],
  ['ValidityError', new ValidityError('bad days'), 'unreadable'],
  ['EncryptError', new EncryptError('no-jar', 'No gir.jar at x'), 'unreadable'],
  ['SecretInputError', new SecretInputError('Give the password'), 'unreadable'],
  ['UsageError', new UsageError('--alias is required.'), 'bad-request'],
  // Fleet: an inventory or node that cannot be read is unreadable input (exit 2, as README says).
  ['InventoryError', new InventoryError('hosts:3: no rws_config'), 'unreadable'],
  ['SshError', new SshError('n1: unreachable (timeout)', 'unreachable', 'n1'), 'unreadable'],
  ['KitPushError', new KitPushError('kit: client/truststore.jks is missing'), 'unreadable'],
  ['RemoteSaveError changed', new RemoteSaveError('n1: changed', 'changed-on-disk'), 'conflict'],
  ['RemoteSaveError write', new RemoteSaveError('n1: not written', 'write-failed'), 'refused'],
];

describe('userError (as the CLI sees it: the services list plus its own input errors)', () => {
  for (const [name, error, kind] of cases) {
    it(`${name} is ${kind}, message kept`, () => {
      assert.deepEqual(cliUserError(error), { kind, message: error.message });
    });
  }

  it('anything else is internal (undefined): plain errors, errno errors, non-errors', () => {
    assert.equal(userError(new TypeError('x is undefined')), undefined);
    const errno = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    assert.equal(userError(errno), undefined);
    assert.equal(userError('a string'), undefined);
    assert.equal(userError(undefined), undefined);
  });

  it('a look-alike name is not enough: only the real classes count', () => {
    const fake = new Error('looks like a keystore error');
    fake.name = 'KeystoreError';
    assert.equal(userError(fake), undefined);
  });
});

describe('the doors translate the kind once', () => {
  it('CLI: refused and conflict exit 1; unreadable, bad request and unavailable exit 2', () => {
    assert.equal(exitCodeOf('refused'), 1);
    assert.equal(exitCodeOf('conflict'), 1);
    assert.equal(exitCodeOf('unreadable'), 2);
    assert.equal(exitCodeOf('bad-request'), 2);
    assert.equal(exitCodeOf('unavailable'), 2);
  });

  it('app: a bad request stays a bad request, the rest are failures shown as they are', () => {
    const bad = toApiError(new UsageError('No keystore is open.'));
    assert.ok(bad instanceof ApiError);
    assert.equal(bad.code, 'bad-request');
    const conflict = toApiError(new SaveError('a changed', 'changed-on-disk', 'a'));
    assert.ok(conflict instanceof ApiError);
    assert.equal(conflict.code, 'failed');
  });
});

describe('toApiError (app API)', () => {
  it('user errors become ApiError failed with the same message; bugs pass through', () => {
    const refused = toApiError(new KitError('exists', 'refused'));
    assert.ok(refused instanceof ApiError);
    assert.equal(refused.code, 'failed');
    assert.equal(refused.message, 'exists');
    const bug = new TypeError('x is undefined');
    assert.equal(toApiError(bug), bug);
    const api = new ApiError('bad-request', 'no');
    assert.equal(toApiError(api), api);
  });
});
