// `npm start`: the desktop window where Electron is installed; otherwise the same UI served to a
// browser by `rwsec serve`. Either way on a private copy of the built-in sample config, so trying
// the app never edits the repository's sample.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sampleDir = join(root, '.tmp', 'sample');
const sample = join(sampleDir, 'application.yaml');
mkdirSync(sampleDir, { recursive: true });
if (!existsSync(sample)) copyFileSync(join(root, 'build', 'sample', 'application.yaml'), sample);

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // The electron package exports the path of its binary; it throws when it was not downloaded.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `npm install` takes the electron package for its types only (its install script is not allowed
 * in package.json, so installs work where the download cannot): fetch the binary on first start.
 */
function downloadElectron() {
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return;
  }
  console.log('start: downloading the Electron binary (once)...');
  spawnSync(process.execPath, [installer], { stdio: 'inherit', timeout: 300_000 });
}

const passThrough = process.argv.slice(2);
let electron = electronBinary();
if (!electron) {
  downloadElectron();
  electron = electronBinary();
}
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
  console.log('start: the Electron binary could not be downloaded here;');
  console.log(`start: serving the same UI to a browser instead, on ${sample}`);
  child = spawn(
    process.execPath,
    [join(root, 'electron', 'cli', 'rwsec.cjs'), 'serve', '--config', sample, ...passThrough],
    { stdio: 'inherit' },
  );
}
child.on('exit', (code) => process.exit(code ?? 0));
