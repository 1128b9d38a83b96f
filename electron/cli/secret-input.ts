// Passwords for CLI commands: from an option, an environment variable, or a no-echo prompt.
// The value is never echoed, logged or put in an error message.
import { UserFacingError } from '../../shared/user-error';
import type { CliIo } from './command';

export class SecretInputError extends UserFacingError {
  constructor(message: string) {
    super('unreadable', message);
  }
}

export interface SecretSource {
  /** Value of the `--<name>` option (visible in `ps` and shell history: the help says so). */
  value?: string;
  /** Value of the `--<name>-env` option: the NAME of an environment variable. */
  envName?: string;
  /** Variable read when neither option is given, e.g. RWSEC_STOREPASS. */
  defaultEnv?: string;
}

export interface SecretRequest extends SecretSource {
  /** Option name without dashes, for messages: `storepass`. */
  option: string;
  /** Terminal prompt, e.g. "Password for keystore.p12: ". */
  prompt: string;
  /** Ask twice on a terminal and require the same answer (new passwords). */
  confirm?: boolean;
  /** Minimum length (keytool requires 6 for new store passwords). */
  minLength?: number;
}

function checkLength(secret: string, request: SecretRequest): string {
  if (request.minLength && secret.length < request.minLength) {
    throw new SecretInputError(
      `The ${request.option} password must have at least ${request.minLength} characters.`,
    );
  }
  return secret;
}

/**
 * The secret, or undefined when none was given and no terminal can be asked. Order: option,
 * named variable, default variable, prompt.
 */
export async function readSecret(io: CliIo, request: SecretRequest): Promise<string | undefined> {
  if (request.value !== undefined) return checkLength(request.value, request);
  if (request.envName !== undefined) {
    const fromEnv = io.env[request.envName];
    if (fromEnv === undefined) {
      throw new SecretInputError(
        `--${request.option}-env names the variable ${request.envName}, which is not set.`,
      );
    }
    return checkLength(fromEnv, request);
  }
  if (request.defaultEnv !== undefined) {
    const fromDefault = io.env[request.defaultEnv];
    if (fromDefault !== undefined) return checkLength(fromDefault, request);
  }
  if (!io.promptSecret) return undefined;
  const first = await io.promptSecret(request.prompt);
  if (request.confirm) {
    const again = await io.promptSecret('Again, to confirm: ');
    if (again !== first) throw new SecretInputError('The two passwords typed differ.');
  }
  return checkLength(first, request);
}

/** Like readSecret, but a missing secret is an error that says how to give one. */
export async function requireSecret(io: CliIo, request: SecretRequest): Promise<string> {
  const secret = await readSecret(io, request);
  if (secret === undefined) {
    const env = request.defaultEnv ? `, set ${request.defaultEnv}` : '';
    throw new SecretInputError(
      `A ${request.option} password is needed: use --${request.option}-env NAME${env}, or run in a terminal to be asked.`,
    );
  }
  return secret;
}
