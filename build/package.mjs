// `npm run package`: builds the desktop installers with electron-builder (build/electron-builder.yml).
// Both Electron's binary and electron-builder are downloads; where they are missing this says so
// and exits 1 instead of failing with a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

let electronBinary;
try {
  electronBinary = require('electron');
} catch {
  electronBinary = undefined;
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) {
  fail(
    "Electron's binary is not downloaded (npm install takes the package for its types only).\n" +
      'package: where downloads work, run `node node_modules/electron/install.js` (or `npm start`),\n' +
      'package: then `npm run package` again. Without Electron, use `rwsec serve` for the browser UI.',
  );
}
let builderCli;
try {
  builderCli = require.resolve('electron-builder/cli.js');
} catch {
  fail('electron-builder is not installed: `npm install --save-dev electron-builder`, then retry.');
}

const build = spawnSync(process.execPath, [join(root, 'build', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) fail('the build failed (see above).');
const result = spawnSync(
  process.execPath,
  [builderCli, '--config', join(root, 'build', 'electron-builder.yml'), ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
