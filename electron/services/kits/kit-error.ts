import { UserFacingError, type UserErrorKind } from '../../../shared/user-error';

/**
 * A kit cannot run as asked; the message names the file or option and what to do. `refused` when
 * the input is fine but the kit will not overwrite what is there (an existing entry or kit folder).
 */
export class KitError extends UserFacingError {
  constructor(message: string, kind: UserErrorKind = 'unreadable') {
    super(kind, message);
  }
}
