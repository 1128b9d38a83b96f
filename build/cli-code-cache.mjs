// V8's code cache for the CLI bundle, made at build time so that `rwsec` starts without compiling
// its 3 MB bundle (electron/cli/load-bundle.cjs uses it). It is made after a real run of
// `rwsec validate` on the sample and of a small `rwsec kit cassandra`, so the functions those
// runs compile (YAML parser, rules; the kit's certificates, stores and commit) are in it too.
// The first line names the bundle's build id and the V8 version: any other bundle or V8 ignores
// the cache. Made in a child process so the build's own process state stays clean.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const maker = `
const { mkdtempSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const [loader, bundle, sample] = process.argv.slice(1);
const { loadBundle, buildIdOf } = require(loader);
const { readFileSync } = require('node:fs');
const { exports, script } = loadBundle(bundle);
const io = { out: () => {}, err: () => {}, env: {} };
// A one-node EC kit as well (quick: no RSA keys), in a folder removed after: \`kit cassandra\` is
// timed against a floor of bare key generation, and compiling its code would add to its time.
const kitDir = mkdtempSync(join(tmpdir(), 'rwsec-cache-kit-'));
const kitIo = { ...io, env: { RWSEC_STOREPASS: 'code-cache-kit', RWSEC_CAPASS: 'code-cache-ca' } };
const kit = ['kit', 'cassandra', '--nodes', 'a.example', '--keyalg', 'ec', '--out', join(kitDir, 'kit')];
exports
  .runCli(['validate', sample], io)
  .then(() => exports.runCli(kit, kitIo))
  .finally(() => rmSync(kitDir, { recursive: true, force: true }))
  .then(() => {
  const id = buildIdOf(readFileSync(bundle, 'utf8'));
  const header = Buffer.from(id + ' ' + process.versions.v8 + '\\n');
  const tmp = bundle + '.v8cache.' + process.pid;
  writeFileSync(tmp, Buffer.concat([header, script.createCachedData()]));
  renameSync(tmp, bundle + '.v8cache');
});
`;

/** Writes dist/cli.cjs.v8cache; a failure only costs start-up time, so it warns, never fails. */
export function writeCliCodeCache(root, out) {
  const r = spawnSync(
    process.execPath,
    [
      '-e',
      maker,
      join(root, 'electron/cli/load-bundle.cjs'),
      join(out, 'cli.cjs'),
      join(root, 'build/sample/application.yaml'),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) console.warn(`build: no code cache for the CLI (${r.stderr.trim()})`);
}
