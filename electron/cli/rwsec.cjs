#!/usr/bin/env node
// `rwsec` entry (package.json bin). The CLI is bundled to dist/ by `npm install` (prepare) or
// `npm run build`; a single bundle starts in a fraction of the time of loading sources.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', '..', 'dist', 'cli.cjs');
if (!existsSync(bundle)) {
  process.stderr.write(
    'rwsec: not built yet. Run `npm install` (or `npm run build`) in the project folder first.\n',
  );
  process.exit(2);
}
// Kits start their key generation now, while the bundle below loads (see key-prestart.cjs).
require('./key-prestart.cjs').prestartKeys(process.argv.slice(2));
// Loaded with the code cache the build made (see load-bundle.cjs): no 3 MB compile at start.
require('./load-bundle.cjs').loadBundle(bundle).exports.main();
