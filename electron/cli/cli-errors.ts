// The CLI's view of user errors: the services' list plus the CLI's own bad-option and
// password-input errors, which are unreadable input (exit 2).
import { userError, type UserError } from '../services/user-errors';
import { UsageError } from './parse-options';
import { SecretInputError } from './secret-input';

export function cliUserError(error: unknown): UserError | undefined {
  if (error instanceof UsageError || error instanceof SecretInputError) {
    return { kind: 'unreadable', message: error.message };
  }
  return userError(error);
}
