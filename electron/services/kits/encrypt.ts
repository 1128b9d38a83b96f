// `CRYPT:` values for application.yaml, made by the admin's own gir.jar. RWS's algorithm is not
// public, so the only faithful way to produce a value RWS can decrypt is to run its jar:
// `java -jar gir.jar --encrypt <password>` prints `CRYPT:...` and exits without starting a server.
//
// The password is on the child's command line because that is the jar's only documented contract
// (it reads no stdin or environment variable). While the child runs (about a second) other local
// users could read it in the process list; the CLI help says so. It never reaches our own logs or
// error messages: anything the jar prints is scrubbed of it first.
import { UserFacingError } from '../../../shared/user-error';
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type EncryptErrorCode = 'no-jar' | 'no-java' | 'failed' | 'no-crypt-line' | 'timeout';

export class EncryptError extends UserFacingError {
  constructor(
    readonly code: EncryptErrorCode,
    message: string,
  ) {
    super('unreadable', message);
  }
}

export interface EncryptOptions {
  /** Path to the admin's gir.jar (RWS's own jar). */
  girJar: string;
  /** The `java` to run; default JAVA_HOME/bin/java, then `java` on PATH. */
  java?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The java binary to use, or an EncryptError naming what was tried. */
export function findJava(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  if (explicit !== undefined) {
    if (isExecutable(explicit)) return explicit;
    throw new EncryptError(
      'no-java',
      `No Java at ${explicit} (--java): give the path of a java executable.`,
    );
  }
  const tried: string[] = [];
  if (env.JAVA_HOME) {
    const candidate = join(env.JAVA_HOME, 'bin', 'java');
    if (isExecutable(candidate)) return candidate;
    tried.push(`${candidate} (from JAVA_HOME)`);
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'java');
    if (isExecutable(candidate)) return candidate;
  }
  tried.push('`java` on PATH');
  throw new EncryptError(
    'no-java',
    `No Java found (tried ${tried.join(', ')}). gir.jar needs the Java that runs RWS: pass --java PATH or set JAVA_HOME.`,
  );
}

function checkJar(girJar: string): void {
  let ok = false;
  try {
    ok = statSync(girJar).isFile();
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new EncryptError(
      'no-jar',
      `No gir.jar at ${girJar}. Point --gir-jar at the jar of your RWS installation (the file you start RWS with, e.g. /opt/genesys/gir/gir.jar).`,
    );
  }
}

function scrub(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('***');
}

/** The last `CRYPT:` token the jar printed (it may log a banner first). */
export function extractCrypt(stdout: string): string | undefined {
  const matches = [...stdout.matchAll(/(?:^|\s)(CRYPT:[A-Za-z0-9+/=_-]+)\s*$/gm)];
  return matches[matches.length - 1]?.[1];
}

/** Runs `java -jar girJar --encrypt password` and returns its `CRYPT:` value. */
export async function encryptWithGirJar(
  password: string,
  options: EncryptOptions,
): Promise<string> {
  const env = options.env ?? process.env;
  checkJar(options.girJar);
  const java = findJava(options.java, env);
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    const child = spawn(java, ['-jar', options.girJar, '--encrypt', password], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new EncryptError(
          'timeout',
          `${options.girJar} did not answer within ${timeoutMs / 1000} s: is it RWS's gir.jar? (With --encrypt it should print a CRYPT: value and exit.)`,
        ),
      );
    }, timeoutMs);
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new EncryptError('no-java', `Cannot run ${java}: ${err.code ?? err.message}.`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const tail = scrub(
        (stderr.trim() || stdout.trim()).split('\n').slice(-3).join('\n'),
        password,
      );
      if (code !== 0) {
        reject(
          new EncryptError(
            'failed',
            `${options.girJar} --encrypt exited with code ${code ?? 'signal'}${tail ? `:\n${tail}` : ''}`,
          ),
        );
        return;
      }
      const value = extractCrypt(stdout);
      if (!value) {
        reject(
          new EncryptError(
            'no-crypt-line',
            `${options.girJar} --encrypt printed no CRYPT: value. Check that it is RWS's gir.jar (a version that supports --encrypt)${tail ? `; it said:\n${tail}` : '.'}`,
          ),
        );
        return;
      }
      resolve(value);
    });
  });
}
