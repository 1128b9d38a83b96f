// `npm start`: the desktop window where Electron is installed; otherwise the same UI served to a
// browser by `rwsec serve`. Either way on a private copy of the built-in sample config, so trying
// the app never edits the repository's sample.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sampleDir = join(root, '.tmp', 'sample');
const sample = join(sampleDir, 'application.yaml');
mkdirSync(sampleDir, { recursive: true });
if (!existsSync(sample)) copyFileSync(join(root, 'build', 'sample', 'application.yaml'), sample);

function electronBinary() {
  try {
    // The electron package exports the path of its binary; it throws when the download failed.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const passThrough = process.argv.slice(2);
const electron = electronBinary();
let child;
if (electron) {
  console.log(`start: opening the desktop app on ${sample}`);
  child = spawn(
    electron,
    [join(root, 'dist', 'desktop', 'main.cjs'), '--config', sample, ...passThrough],
    {
      stdio: 'inherit',
    },
  );
} else {
  console.log('start: Electron is not installed here (its binary could not be downloaded);');
  console.log(`start: serving the same UI to a browser instead, on ${sample}`);
  child = spawn(
    process.execPath,
    [join(root, 'electron', 'cli', 'rwsec.cjs'), 'serve', '--config', sample, ...passThrough],
    { stdio: 'inherit' },
  );
}
child.on('exit', (code) => process.exit(code ?? 0));
