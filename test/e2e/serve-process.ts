// Starts `rwsec serve --no-open` on a temp copy of the sample and parses the URLs it prints. Each
// printed URL opens one tab (its token is single-use); after a tab opens its session, the host
// prints the next URL, which `freshUrl()` waits for.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot, rwsecBin, sampleConfig } from '../helpers/paths';

export interface ServeRun {
  /** The newest printed URL, marked as handed out (prefer `freshUrl()`: it waits for a new one). */
  readonly url: string;
  origin: string;
  port: number;
  /** The first opening token (single-use, like every printed one). */
  token: string;
  /** A printed URL not handed out before: for each new tab or page load of a new session. */
  freshUrl(): Promise<string>;
  dir: string;
  config: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function builtUi(): boolean {
  return (
    existsSync(join(repoRoot, 'dist', 'cli.cjs')) &&
    existsSync(join(repoRoot, 'dist', 'renderer', 'app.js'))
  );
}

/**
 * `configSource` null: no --config (the empty state); the temp folder is still made. `folder`: a
 * fixed folder instead of a random one (made, and removed at stop), where the path shows.
 */
export async function startServe(
  configSource: string | null = sampleConfig,
  options: { folder?: string } = {},
): Promise<ServeRun> {
  const dir = options.folder ?? (await mkdtemp(join(tmpdir(), 'rwsec-e2e-')));
  if (options.folder) await mkdir(options.folder, { recursive: true });
  const config = join(dir, 'application.yaml');
  if (configSource !== null) await copyFile(configSource, config);
  const configArgs = configSource !== null ? ['--config', config] : [];
  const child = spawn(process.execPath, [rwsecBin, 'serve', '--no-open', ...configArgs], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const printed: string[] = [];
  const handedOut = new Set<string>();
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    for (const m of out.matchAll(/http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}/g)) {
      if (!printed.includes(m[0])) printed.push(m[0]);
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 15_000);
    child.stdout?.on('data', () => {
      if (printed[0] !== undefined && /^Ready/m.test(out)) {
        clearTimeout(timer);
        resolve(printed[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
  const parsed = new URL(url);
  const newest = () => printed[printed.length - 1] ?? url;
  return {
    get url() {
      handedOut.add(newest());
      return newest();
    },
    freshUrl: async () => {
      // The next URL is printed when the previous tab opened its session; a URL handed out but
      // never opened stays valid, so after a wait the newest one is the answer either way.
      const until = Date.now() + 5_000;
      while (handedOut.has(newest()) && Date.now() < until && child.exitCode === null) {
        await new Promise((r) => setTimeout(r, 20));
      }
      handedOut.add(newest());
      return newest();
    },
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.hash.replace(/^#token=/, ''),
    dir,
    config,
    child,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Debian's Chromium through Playwright, with the flags every test run uses (and `extraArgs`). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...extraArgs] });
}
