// Crash safety, proven by killing: a child process saves numbered versions of application.yaml
// (saveText) and of a PKCS12 keystore (saveStore) in a loop and is SIGKILLed at random moments,
// over 200 saves in all. After every kill the file must be the complete old or the complete new
// version and read back (YAML parses, the store opens with its password), and every backup in
// .rwsec-backups must be an intact earlier (or the current) version.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildSync } from 'esbuild';
import { saveText } from '../../electron/services/files/safe-save';
import type { KeyEntry } from '../../electron/services/keystore/model';
import { readKeystore } from '../../electron/services/keystore/read';
import { saveStore } from '../../electron/services/keystore/store-file';
import { RwsDocument } from '../../shared/yaml/document';
import { issue } from '../helpers/chain-pki';
import { repoRoot, sampleConfig } from '../helpers/paths';
import {
  configVersion,
  configVersionNumber,
  keystoreVersion,
  keystoreVersionNumber,
} from '../helpers/save-worker';

const SAVES_PER_KIND = 100;
const PASSWORD = 'crash-test-pass';
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

let dir: string;
let worker: string;
let keyPem: string;
let key: KeyEntry;
const sample = readFileSync(sampleConfig, 'utf8');

/** mulberry32: a small seeded PRNG, so a failing schedule can be replayed with CRASH_SEED. */
function rng(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-crash-'));
  mkdirSync(join(dir, 'config'));
  mkdirSync(join(dir, 'store'));
  // Bundled once: starting tsx for each of ~50 children would take most of the test's time.
  worker = join(dir, 'save-worker.cjs');
  buildSync({
    entryPoints: [join(repoRoot, 'test', 'helpers', 'save-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: worker,
    logLevel: 'error',
  });
  const issued = await issue({ subject: 'CN=crash.example', dns: ['crash.example'] });
  keyPem = join(dir, 'key.pem');
  writeFileSync(keyPem, issued.keyPem + issued.certPem, { mode: 0o600 });
  key = readKeystore(readFileSync(keyPem), { file: keyPem }).entries[0] as KeyEntry;
});

after(() => rmSync(dir, { recursive: true, force: true }));

interface Kind {
  name: 'config' | 'keystore';
  file: string;
  saveInProcess(n: number): Promise<void>;
  /** The version the bytes hold; throws when they are not one complete version. */
  versionOf(bytes: Buffer, what: string): number;
}

function kinds(): Kind[] {
  return [
    {
      name: 'config',
      file: join(dir, 'config', 'application.yaml'),
      saveInProcess: async (n) => {
        await saveText(join(dir, 'config', 'application.yaml'), configVersion(sample, n));
      },
      versionOf: (bytes, what) => {
        const text = bytes.toString('utf8');
        RwsDocument.parse(text);
        const n = configVersionNumber(text);
        assert.ok(n !== undefined, `${what} is not a saved version`);
        assert.equal(text, configVersion(sample, n), `${what} is not the complete version ${n}`);
        return n;
      },
    },
    {
      name: 'keystore',
      file: join(dir, 'store', 'keystore.p12'),
      saveInProcess: async (n) => {
        await saveStore(join(dir, 'store', 'keystore.p12'), keystoreVersion(key, n), {
          type: 'PKCS12',
          password: PASSWORD,
        });
      },
      versionOf: (bytes, what) => {
        const store = readKeystore(bytes, { password: PASSWORD, file: what });
        const n = keystoreVersionNumber(store);
        assert.ok(n !== undefined, `${what} is not a saved version`);
        return n;
      },
    },
  ];
}

/** Runs the worker from version `first`, kills it after `saves` reported saves plus `delayMs`. */
function runAndKill(kind: Kind, first: number, saves: number, delayMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const args = [worker, kind.name, kind.file, String(first)];
    if (kind.name === 'keystore') args.push(keyPem, PASSWORD);
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RWSEC_SAMPLE: sampleConfig },
    });
    const saved: number[] = [];
    let stderr = '';
    let armed = false;
    const arm = (): void => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/saved (\d+)/g)) saved.push(Number(m[1]));
      if (saved.length >= saves) arm();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('spawn', () => {
      // 0 saves: kill during the first one (the child needs ~100 ms to start).
      if (saves === 0) setTimeout(arm, 100);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`worker ended by itself (${code}): ${stderr}`));
      else resolve(saved);
    });
  });
}

for (const pick of ['config', 'keystore'] as const) {
  test(`crash safety: ${pick} saves SIGKILLed at random points stay whole (seed ${seed})`, async (t) => {
    const kind = kinds().find((k) => k.name === pick)!;
    const random = rng(seed + (pick === 'config' ? 0 : 1));
    await kind.saveInProcess(0);
    let current = 0;
    let saves = 0;
    let kills = 0;
    while (saves < SAVES_PER_KIND) {
      const wanted = Math.floor(random() * 8);
      const delay = Math.floor(random() * 60);
      const saved = await runAndKill(kind, current + 1, wanted, delay);
      kills++;
      const confirmed = saved.length ? saved[saved.length - 1]! : current;
      const at = `after kill ${kills} (seed ${seed}, ${wanted} saves + ${delay} ms)`;
      const now = kind.versionOf(readFileSync(kind.file), `${kind.file} ${at}`);
      assert.ok(
        now === confirmed || now === confirmed + 1,
        `${at}: the file holds version ${now}, expected ${confirmed} or ${confirmed + 1}`,
      );
      saves += now - current;
      current = now;
      const folder = join(kind.file, '..', '.rwsec-backups');
      // No backup folder yet when the first save in it was killed before the backup was written.
      // Only .bak files are backups; a kill while one is written leaves a hidden .tmp beside them.
      const backups = existsSync(folder)
        ? readdirSync(folder).filter((n) => n.endsWith('.bak'))
        : [];
      for (const name of backups) {
        const backup = kind.versionOf(readFileSync(join(folder, name)), `backup ${name} ${at}`);
        // A kill between writing the backup and the rename leaves a backup of the current version.
        assert.ok(backup <= current, `${at}: backup ${name} holds version ${backup}, a newer one`);
      }
    }
    const strayTemps = readdirSync(join(kind.file, '..')).filter((n) => n.endsWith('.tmp')).length;
    t.diagnostic(`${saves} saves, ${kills} kills; temp files left by killed saves: ${strayTemps}`);
    assert.ok(kills >= 10, `only ${kills} kills`);
  });
}
