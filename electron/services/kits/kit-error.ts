/** A kit cannot run as asked; the message names the file or option and what to do. */
export class KitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KitError';
  }
}
