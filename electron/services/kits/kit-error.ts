import type { UserErrorKind } from '../user-errors';

/**
 * A kit cannot run as asked; the message names the file or option and what to do. `refused` when
 * the input is fine but the kit will not overwrite what is there (an existing entry or kit folder).
 */
export class KitError extends Error {
  constructor(
    message: string,
    readonly kind: UserErrorKind = 'unreadable',
  ) {
    super(message);
    this.name = 'KitError';
  }
}
