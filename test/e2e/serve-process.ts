// Starts `rwsec serve --no-open` on a temp copy of the sample and parses the URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, rwsecBin, sampleConfig } from '../helpers/paths';

export interface ServeRun {
  url: string;
  origin: string;
  port: number;
  token: string;
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

/** `configSource` null: no --config (the empty state); the temp folder is still made. */
export async function startServe(configSource: string | null = sampleConfig): Promise<ServeRun> {
  const dir = await mkdtemp(join(tmpdir(), 'rwsec-e2e-'));
  const config = join(dir, 'application.yaml');
  if (configSource !== null) await copyFile(configSource, config);
  const configArgs = configSource !== null ? ['--config', config] : [];
  const child = spawn(process.execPath, [rwsecBin, 'serve', '--no-open', ...configArgs], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(out);
      if (match && /^Ready/m.test(out)) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
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
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
