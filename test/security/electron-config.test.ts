// Static checks of the desktop configuration and of child processes:
// - @doyensec/electronegativity over electron/desktop (build/electronegativity.mjs): no finding of
//   MEDIUM or higher without an explanation, no stale explanation, and the facts the explanations
//   rely on still hold in the code (so an explanation cannot hide a real regression);
// - every child-process call in electron/ is listed here with what its command line carries:
//   passwords go on a command line only to the vendor's gir.jar (`--encrypt <password>` is its only
//   interface, documented in the vendor guide and in rwsec encrypt --help).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { externalLinkTarget } from '../../shared/api/external-links';
import { repoRoot } from '../helpers/paths';

const desktop = join(repoRoot, 'electron', 'desktop');
const read = (file: string): string => readFileSync(join(desktop, file), 'utf8');

interface ScanReport {
  findings: { key: string; explanation?: string }[];
  unexplained: { key: string; description: string }[];
  stale: string[];
  errors: { file: string; message: string }[];
}

test('electronegativity: no unexplained finding of medium severity or higher', async () => {
  const script = join(repoRoot, 'build', 'electronegativity.mjs');
  const { scan } = (await import(script)) as { scan: () => Promise<ScanReport> };
  const report = await scan();
  assert.deepEqual(
    report.unexplained.map((f) => `${f.key}: ${f.description}`),
    [],
    'explain each finding in build/electronegativity.mjs, or fix it',
  );
  assert.deepEqual(report.stale, [], 'remove explanations of findings that are gone');
  assert.deepEqual(report.errors, []);
});

test('the facts the electronegativity explanations rely on hold', () => {
  const security = read('window-security.ts');
  const prefs = /secureWebPreferences[\s\S]*?return \{([\s\S]*?)\};/.exec(security)?.[1] ?? '';
  for (const setting of [
    'sandbox: true',
    'contextIsolation: true',
    'nodeIntegration: false',
    'nodeIntegrationInSubFrames: false',
    'nodeIntegrationInWorker: false',
    'webviewTag: false',
    'webSecurity: true',
    'allowRunningInsecureContent: false',
  ]) {
    assert.ok(prefs.includes(setting), `secureWebPreferences must set ${setting}`);
  }
  assert.match(security, /app\.enableSandbox\(\)/);
  assert.match(security, /setWindowOpenHandler\([\s\S]*?action: 'deny'/);
  assert.match(security, /'will-navigate'[\s\S]*?preventDefault\(\)/);
  assert.match(security, /shell\.openExternal\(target\)/);
  // Every window is made with those preferences.
  const windows = [...read('main.ts').matchAll(/new BrowserWindow\(\{([\s\S]*?)\}\);/g)];
  assert.ok(windows.length > 0);
  for (const [, options] of windows) {
    assert.match(options ?? '', /webPreferences: secureWebPreferences\(/);
  }
  // The CSP reaches the window as a response header of the app:// protocol.
  assert.match(read('app-protocol.ts'), /\.\.\.securityHeaders/);
  // openExternal only ever gets http(s).
  for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://x/']) {
    assert.equal(externalLinkTarget(bad), null, bad);
  }
  assert.equal(externalLinkTarget('https://docs.genesys.com/'), 'https://docs.genesys.com/');
});

/** Each child-process call site in electron/, and why its command line is acceptable. */
const CHILD_PROCESSES: Record<string, string> = {
  'services/kits/encrypt.ts':
    "java -jar gir.jar --encrypt <password>: the vendor's only interface for CRYPT: values " +
    '(documented exception: the password is briefly visible in `ps` to other local users).',
  'services/fleet/remote-shell.ts':
    'the system ssh with our options, the node and a POSIX shell loop of fixed text (its boundary ' +
    'is random hex); every script and file content (and so every secret) travels on stdin/stdout, ' +
    'never in argv (the fleet tests check `ps` for secrets while a fleet command runs).',
  'services/fleet/sftp/sftp-client.ts':
    'the system ssh with our options, the node and the sftp subsystem (`-s ... HOST sftp`); file ' +
    'contents, secrets included, travel as SFTP packets on stdin/stdout, never in argv.',
  'cli/commands/serve.ts':
    'the desktop opener (xdg-open/open/explorer) with the path of a private redirect page, never ' +
    'the tokened serve URL (serve-opener.test.ts runs it against a stand-in opener).',
};

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(name) ? [full] : [];
  });
}

test('child processes: every call site is known; passwords only reach gir.jar', () => {
  const electron = join(repoRoot, 'electron');
  const found = new Map<string, number>();
  for (const file of sources(electron)) {
    const text = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    // `.exec(` is RegExp#exec; a bare exec( is child_process.exec.
    const calls = text.match(
      /\b(?:spawn|spawnSync|execFile|execFileSync|execSync|fork)\(|(?<![.\w])exec\(/g,
    );
    if (calls) found.set(relative(electron, file), calls.length);
  }
  assert.deepEqual(
    [...found.keys()].sort(),
    Object.keys(CHILD_PROCESSES).sort(),
    'a new child process: review its command line for secrets and list it here',
  );
  // The one call allowed a password on its command line runs gir.jar with --encrypt.
  const encrypt = readFileSync(join(electron, 'services', 'kits', 'encrypt.ts'), 'utf8');
  assert.match(encrypt, /spawn\(java, \['-jar', options\.girJar, '--encrypt', password\]/);
  const serve = readFileSync(join(electron, 'cli', 'commands', 'serve.ts'), 'utf8');
  assert.doesNotMatch(serve, /spawn\([^)]*(?:password|storepass|token|url)/i);
  assert.match(serve, /spawn\(opener, \[page\.file\]/);
});

/** Each worker-thread start in electron/, and what it is given. */
const WORKER_THREADS: Record<string, string> = {
  'services/heavy/worker-pool.ts':
    'the heavy-work pool (serve host, desktop app): the bundled worker entry with no argv, env ' +
    'or workerData; tasks and their passwords go by postMessage (structured clone), never a file.',
};

test('worker threads: every start is known and carries no secret outside postMessage', () => {
  const electron = join(repoRoot, 'electron');
  const found: string[] = [];
  for (const file of sources(electron)) {
    const text = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    if (/\bnew Worker\(/.test(text)) found.push(relative(electron, file));
  }
  assert.deepEqual(found.sort(), Object.keys(WORKER_THREADS).sort(), 'a new worker: list it here');
  const pool = readFileSync(join(electron, 'services', 'heavy', 'worker-pool.ts'), 'utf8');
  const start = /new Worker\(([\s\S]*?)\}\);/.exec(pool)?.[1] ?? '';
  assert.match(start, /execArgv: \[\]/, 'no inherited loader flags');
  assert.doesNotMatch(start, /\b(argv|env|workerData|stdin)\s*:/, 'nothing but the script');
  assert.match(pool, /postMessage\(\{ id: job\.id, task: job\.task, args: job\.args \}/);
});
