import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { obfuscate } from '../../shared/secrets/obf';
import { repoRoot, rwsecBin } from '../helpers/paths';
import { tempDir } from './rules-support';
import { DAY, selfSignedEntry, writeStore } from './rules-keystore-files-support';

const tmp = tempDir('ks-cli');
after(() => tmp.cleanup());

const built = existsSync(join(repoRoot, 'dist', 'cli.cjs'));
const skip = built ? false : 'dist/cli.cjs not built (npm test builds it first)';

function rwsec(...args: string[]) {
  const r = spawnSync(process.execPath, [rwsecBin, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('validate --help lists the keystore content rules', { skip }, () => {
  const r = rwsec('validate', '--help');
  for (const id of [
    'ssl-keystore-wrong-password',
    'ssl-certificate-expired',
    'ca-certificate-several',
  ]) {
    assert.ok(r.out.includes(id), id);
  }
});

test(
  'validate --json: an expired keystore certificate is an error (exit 1); the file is untouched',
  { skip },
  async () => {
    const entry = await selfSignedEntry({
      dns: ['rws.example.com'],
      now: new Date(Date.now() - 400 * DAY),
      days: 30,
    });
    const store = writeStore(tmp.dir, 'keystore', [entry], 'JKS', 'storepwd');
    const before = readFileSync(store);
    const config = join(tmp.dir, 'application.yaml');
    writeFileSync(
      config,
      `enableSsl: true\nssl:\n  port: 9443\n  keyStorePath: keystore\n  keyStorePassword: ${obfuscate('storepwd')}\n`,
    );
    const r = rwsec('validate', config, '--json');
    assert.equal(r.code, 1, r.err);
    const parsed = JSON.parse(r.out) as {
      diagnostics: { rule: string; severity: string; line: number; message: string }[];
    };
    const expired = parsed.diagnostics.filter((d) => d.rule === 'ssl-certificate-expired');
    assert.equal(expired.length, 1);
    assert.equal(expired[0]?.severity, 'error');
    assert.equal(expired[0]?.line, 4);
    assert.match(
      expired[0]?.message ?? '',
      /"jetty" \(CN=rws\.example\.com, O=Tests\) in keystore .* expired on/,
    );
    assert.ok(!r.out.includes('storepwd'), 'the password never reaches the output');
    assert.deepEqual(readFileSync(store), before);

    writeFileSync(
      config,
      `enableSsl: true\nssl:\n  port: 9443\n  keyStorePath: keystore\n  keyStorePassword: ${obfuscate('wrong')}\n`,
    );
    const wrong = JSON.parse(rwsec('validate', config, '--json').out) as typeof parsed;
    assert.deepEqual(
      wrong.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule),
      ['ssl-keystore-wrong-password'],
    );
  },
);
