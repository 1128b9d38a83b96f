// Compiles the small Java programs in test/java/*.java on demand (cached under os.tmpdir() by a
// hash of the sources) and runs them, so interop tests can ask the real JDK what it sees.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths';

export interface JavaResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const javaSources = join(repoRoot, 'test', 'java');

/** True when `java` and `javac` can be run (tests skip with a reason otherwise). */
export function haveJdk(): boolean {
  const ok = (tool: string, args: string[]): boolean =>
    spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
  return ok('java', ['-version']) && ok('javac', ['-version']) && ok('keytool', ['-help']);
}

let compiled: string | undefined;

/** Compiles every test/java/*.java once per source version; returns the class folder. */
export function compileJava(): string {
  if (compiled) return compiled;
  const files = readdirSync(javaSources)
    .filter((name) => name.endsWith('.java'))
    .sort();
  const hash = createHash('sha256');
  for (const name of files) hash.update(name).update(readFileSync(join(javaSources, name)));
  const out = join(tmpdir(), 'rwsec-java-classes', hash.digest('hex').slice(0, 16));
  if (!existsSync(out)) {
    mkdirSync(join(tmpdir(), 'rwsec-java-classes'), { recursive: true });
    // Compile into a private folder and rename, so parallel test files never see half a build.
    const staging = mkdtempSync(`${out}-`);
    const result = spawnSync('javac', ['-d', staging, ...files.map((f) => join(javaSources, f))], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`javac failed:\n${result.stderr}`);
    try {
      renameSync(staging, out);
    } catch {
      // Another process finished first; its classes are identical.
    }
  }
  compiled = out;
  return out;
}

/** Runs `java -cp <classes>[:classpath] className args...`. */
export function runJava(
  className: string,
  args: string[],
  options: { classpath?: string[]; input?: string; timeoutMs?: number } = {},
): JavaResult {
  const cp = [compileJava(), ...(options.classpath ?? [])].join(':');
  const result = spawnSync('java', ['-cp', cp, className, ...args], {
    encoding: 'utf8',
    input: options.input,
    timeout: options.timeoutMs ?? 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

export interface KeytoolEntry {
  alias: string;
  kind: 'key' | 'trusted' | 'other';
  chainLength: number;
  /** SHA-256 fingerprints of the listed certificates, leaf first. */
  sha256: string[];
}

/** `keytool -list -v` parsed into entries (English output forced). */
export function keytoolList(
  file: string,
  storepass: string,
  storetype?: string,
): { code: number; entries: KeytoolEntry[]; output: string } {
  const args = ['-J-Duser.language=en', '-list', '-v', '-keystore', file, '-storepass', storepass];
  if (storetype) args.push('-storetype', storetype);
  const result = spawnSync('keytool', args, { encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const entries = output
    .split(/^Alias name: /m)
    .slice(1)
    .map((block): KeytoolEntry => {
      const alias = block.slice(0, block.indexOf('\n')).trim();
      const type = /^Entry type: (\S+)/m.exec(block)?.[1];
      const kind =
        type === 'PrivateKeyEntry' ? 'key' : type === 'trustedCertEntry' ? 'trusted' : 'other';
      const sha256 = [...block.matchAll(/^\s*SHA256: ([0-9A-F:]+)/gm)].map((m) => m[1] ?? '');
      const chainLength = Number(
        /^Certificate chain length: (\d+)/m.exec(block)?.[1] ?? sha256.length,
      );
      return { alias, kind, chainLength, sha256 };
    });
  return { code: result.status ?? -1, entries, output };
}

/** `keytool -list -v` text of a store that must open (the test fails, naming the file, if not). */
export function keytoolListing(file: string, storepass: string): string {
  const { code, output } = keytoolList(file, storepass);
  if (code !== 0) throw new Error(`keytool -list could not read ${file}: ${output}`);
  return output;
}
