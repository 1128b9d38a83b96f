// Our OBF: codec against Jetty 9's own org.eclipse.jetty.util.security.Password, both directions,
// for ASCII and non-ASCII passwords, plus `rwsec obf` as a whole process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deobfuscate, obfuscate } from '../../shared/secrets/obf';
import { repoRoot, rwsecBin } from '../helpers/paths';

const jettyUtil = '/usr/share/java/jetty9-util.jar';
const program = join(repoRoot, 'test', 'java', 'jetty', 'JettyObf.java');

const passwords = [
  'password',
  'storepwd',
  'a',
  'changeit',
  'P@ss w0rd!~{}|\\"\'',
  'é',
  'pässwört',
  'Ärger-ß',
  '密码口令',
  'пароль',
  '🔑key🔒',
  'mixé🙂ascii',
  'x'.repeat(64),
];

function jetty(lines: string[]): string[] {
  const result = spawnSync('java', ['-cp', jettyUtil, program], {
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split('\n').slice(0, lines.length);
}

function peersMissing(): string | undefined {
  if (!existsSync(jettyUtil)) return `${jettyUtil} not installed (apt-get install libjetty9-java)`;
  if (spawnSync('java', ['-version']).status !== 0) return 'java not installed';
  return undefined;
}

test("obfuscate equals Jetty's Password.obfuscate, and Jetty's output decodes back", (t) => {
  const missing = peersMissing();
  if (missing) return t.skip(missing);
  const rows = jetty(passwords);
  passwords.forEach((plain, i) => {
    const [theirs, theirRoundTrip] = (rows[i] ?? '').split('\t');
    assert.equal(theirRoundTrip, plain, `Jetty round trip of ${plain}`);
    assert.equal(obfuscate(plain), theirs, `obfuscate(${plain})`);
    assert.equal(deobfuscate(theirs ?? ''), plain, `deobfuscate(Jetty's ${theirs})`);
  });
});

test("Jetty's Password.deobfuscate reads what we write", (t) => {
  const missing = peersMissing();
  if (missing) return t.skip(missing);
  const decoded = jetty(passwords.map((p) => `DECODE ${obfuscate(p)}`));
  assert.deepEqual(decoded, passwords);
});

test('`rwsec obf` prints the OBF: form and --decode prints the plain text', (t) => {
  if (!existsSync(join(repoRoot, 'dist', 'cli.cjs')))
    return t.skip('CLI not built (npm run build)');
  const run = (args: string[]) =>
    spawnSync(process.execPath, [rwsecBin, 'obf', ...args], { encoding: 'utf8' });
  const enc = run(['pässwört']);
  assert.equal(enc.status, 0, enc.stderr);
  assert.equal(enc.stdout, obfuscate('pässwört') + '\n');
  const dec = run(['--decode', 'OBF:1vny1zlo1x8e1vnw1vn61x8g1zlu1vn4']);
  assert.equal(dec.stdout, 'storepwd\n');
  const bad = run(['--decode', 'OBF:1vny1z']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /Not a valid OBF: value/);
});
