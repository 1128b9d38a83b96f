// What crosses between the main thread and a heavy worker besides structured clone's own types:
// Buffers (a clone arrives as a plain Uint8Array, without Buffer's methods) and errors (a clone
// loses the class, so KeystoreError's code and a UserFacingError's kind are carried by name).
// Only the kind, code, file and message cross; never a stack, which could hold argument values.
import { UserFacingError, type UserErrorKind } from '../../../shared/user-error';
import { KeystoreError, type KeystoreErrorCode } from '../keystore/model';

export type WireError =
  | { type: 'keystore'; code: KeystoreErrorCode; message: string; file?: string }
  | { type: 'user'; kind: UserErrorKind; name: string; message: string }
  | { type: 'internal'; name: string; message: string };

export function toWireError(error: unknown): WireError {
  if (error instanceof KeystoreError) {
    return {
      type: 'keystore',
      code: error.code,
      message: error.message,
      ...(error.file !== undefined ? { file: error.file } : {}),
    };
  }
  if (error instanceof UserFacingError) {
    return { type: 'user', kind: error.kind, name: error.name, message: error.message };
  }
  const name = error instanceof Error ? error.name : 'Error';
  return {
    type: 'internal',
    name,
    message: error instanceof Error ? error.message : String(error),
  };
}

/** A user-facing error of a kind that came from a worker (its own class stays there). */
class WorkerUserError extends UserFacingError {
  constructor(kind: UserErrorKind, message: string, name: string) {
    super(kind, message);
    this.name = name;
  }
}

/** The error as the caller would have seen it had the task run on its own thread. */
export function fromWireError(wire: WireError, task: string): Error {
  switch (wire.type) {
    case 'keystore':
      return new KeystoreError(wire.code, wire.message, wire.file);
    case 'user':
      return new WorkerUserError(wire.kind, wire.message, wire.name);
    case 'internal': {
      const error = new Error(`${task} failed in a worker: ${wire.message}`);
      error.name = wire.name;
      return error;
    }
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Turns every cloned Uint8Array back into a Buffer (in place), through arrays and plain objects. */
export function reviveBuffers<T>(value: T): T {
  if (value instanceof Uint8Array) {
    return (
      Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    ) as T;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveBuffers(value[i]);
    return value;
  }
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = reviveBuffers(record[key]);
  }
  return value;
}
