// The CLI's door for errors: a user-facing error (shared/user-error.ts) is printed as
// `rwsec CMD: message` and its kind becomes the exit code every command documents; anything else
// is a bug and propagates. This is the one place the kinds are translated for the CLI (the app's
// is api/api-errors.ts).
import { terminalSafe } from '../../shared/terminal-safe';
import { userError, type UserError, type UserErrorKind } from '../../shared/user-error';
import { EXIT_FINDINGS, EXIT_UNREADABLE, type CliIo } from './command';

const exitCodes: Record<UserErrorKind, number> = {
  // The input is fine but the operation would break something: 1, like a finding.
  refused: EXIT_FINDINGS,
  conflict: EXIT_FINDINGS,
  // The input or the request cannot be used: 2.
  unreadable: EXIT_UNREADABLE,
  'bad-request': EXIT_UNREADABLE,
  unavailable: EXIT_UNREADABLE,
};

export function exitCodeOf(kind: UserErrorKind): number {
  return exitCodes[kind];
}

export function cliUserError(error: unknown): UserError | undefined {
  return userError(error);
}

/** Prints a user-facing error as `prefix: message` and returns its exit code; rethrows bugs. */
export function reportUserError(io: CliIo, prefix: string, error: unknown): number {
  const known = userError(error);
  if (!known) throw error;
  io.err(`${prefix}: ${terminalSafe(known.message)}\n`);
  return exitCodeOf(known.kind);
}
