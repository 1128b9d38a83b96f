// Runs every test file with Node's own test runner (its summary lines are what CI reads).
// Usage: node build/run-tests.mjs [substring ...]  -- only files whose path contains a substring.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'fixtures' ? [] : walk(full);
    return name.endsWith('.test.ts') || name.endsWith('.test.tsx') ? [full] : [];
  });
}

// Interop and browser tests use real peers and skip (with the reason) where one is missing on a
// developer's machine. In CI a missing peer is a broken install, not a reason to skip: fail first.
function missingPeers() {
  const runs = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  const missing = [];
  if (!runs('java', ['-version'])) missing.push('java');
  if (!runs('javac', ['-version'])) missing.push('javac');
  if (!runs('keytool', ['-help'])) missing.push('keytool');
  if (!runs('openssl', ['version'])) missing.push('openssl');
  if (!existsSync('/usr/bin/chromium')) missing.push('/usr/bin/chromium');
  if (!existsSync('/usr/share/java/jetty9-server.jar')) missing.push('libjetty9-java');
  if (!existsSync('/usr/share/java/snakeyaml.jar')) missing.push('libyaml-snake-java');
  if (!existsSync('/usr/sbin/sshd')) missing.push('sshd (openssh-server)');
  if (!runs('ssh', ['-V'])) missing.push('ssh (openssh-client)');
  if (!runs('ansible-playbook', ['--version'])) missing.push('ansible-playbook (ansible-core)');
  if (!runs('promtool', ['--version'])) missing.push('promtool (prometheus)');
  if (!runs('prometheus-node-exporter', ['--version'])) missing.push('prometheus-node-exporter');
  return missing;
}
const missing = missingPeers();
if (missing.length > 0) {
  const message = `run-tests: test peers missing: ${missing.join(', ')} (bash build/install-deps.sh installs them)`;
  if (process.env.CI) {
    console.error(`${message}; CI refuses to skip their tests`);
    process.exit(1);
  }
  console.warn(`${message}; their tests will be skipped`);
}

const files = walk(join(root, 'test'))
  .map((file) => relative(root, file))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();
if (files.length === 0) {
  console.error('run-tests: no test files matched');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
