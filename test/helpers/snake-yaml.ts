// SnakeYAML is the YAML reader RWS itself uses, so it judges every file we write or pass as
// valid: a file it refuses, or reads with other values than we report, is our bug.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haveJdk } from './java';
import { repoRoot } from './paths';

export const snakeYamlJar = '/usr/share/java/snakeyaml.jar';
const source = join(repoRoot, 'test', 'java', 'snake', 'SnakeLoad.java');

/** Why SnakeYAML tests cannot run here, or undefined when they can. */
export function snakeYamlMissing(): string | undefined {
  if (!haveJdk()) return 'no JDK (java, javac, keytool) on this machine';
  if (!existsSync(snakeYamlJar))
    return `${snakeYamlJar} missing (apt-get install libyaml-snake-java)`;
  return undefined;
}

let classes: string | undefined;

/** Compiles SnakeLoad.java once per source version (cached under os.tmpdir()). */
function compiled(): string {
  if (classes) return classes;
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
  const out = join(tmpdir(), 'rwsec-snake-classes', hash);
  if (!existsSync(out)) {
    mkdirSync(join(tmpdir(), 'rwsec-snake-classes'), { recursive: true });
    const staging = mkdtempSync(`${out}-`);
    const r = spawnSync('javac', ['-cp', snakeYamlJar, '-d', staging, source], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`javac SnakeLoad failed:\n${r.stderr}`);
    try {
      renameSync(staging, out);
    } catch {
      // Another test process compiled the same source first.
    }
  }
  classes = out;
  return out;
}

export type SnakeLoadResult =
  | { file: string; ok: true; documents: number; value: unknown }
  | { file: string; ok: false; error: string };

/** Loads each file in one JVM; values come back as JSON (see test/java/snake/SnakeLoad.java). */
export function snakeLoad(...files: string[]): SnakeLoadResult[] {
  const r = spawnSync('java', ['-cp', `${compiled()}:${snakeYamlJar}`, 'SnakeLoad', ...files], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`SnakeLoad failed:\n${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SnakeLoadResult);
}

/** The value SnakeYAML reads from one file; throws with SnakeYAML's message if it refuses it. */
export function snakeValue(file: string): unknown {
  const [result] = snakeLoad(file);
  if (!result) throw new Error(`SnakeLoad printed nothing for ${file}`);
  if (!result.ok) throw new Error(`SnakeYAML refuses ${file}: ${result.error}`);
  return result.value;
}
