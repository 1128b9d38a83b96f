// Secrets sweep: run the CLI flows that take passwords (keystore selfsigned, obf, set, kit https,
// kit cassandra, a failing open with a wrong password) with known unique passwords, then search
// everything they left for them in plain text (UTF-8 and UTF-16): stdout/stderr, every file they
// wrote (stores, kits, configs, backups) and every file they created under their private
// os.tmpdir(). The one place a plain password may appear is application.yaml (and its backups)
// after `rwsec set` of the plain value the user typed, and the Cassandra kit's node file (Cassandra
// reads its store password only in plain; that file is 0600). Private keys and kit CA keys: 0600.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { readKeystore } from '../../electron/services/keystore/read';
import { rwsecBin, sampleConfig } from '../helpers/paths';
import { forms, walk } from '../helpers/secret-search';

let dir: string;
let work: string;
let privateTmp: string;
const outputs: { what: string; text: string }[] = [];
const secret = (label: string): string => `Sw33p-${label}-${randomBytes(6).toString('hex')}`;
const PW = {
  selfsigned: secret('selfsigned'),
  obf: secret('obf'),
  set: secret('set'),
  https: secret('https'),
  cassandra: secret('cassandra'),
  cassandraCa: secret('cassandra-ca'),
  wrong: secret('wrong'),
};

function rwsec(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, [rwsecBin, ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, TMPDIR: privateTmp, ...env },
  });
  const out = `${result.stdout}\n${result.stderr}`;
  outputs.push({ what: `rwsec ${args[0]} ${args[1] ?? ''}`, text: out });
  return { status: result.status, out };
}

/** True when the store opens with one of the known passwords and has a key entry. */
function holdsKey(file: string): boolean {
  for (const password of Object.values(PW)) {
    try {
      const store = readKeystore(readFileSync(file), { password, file });
      return store.entries.some((e) => e.kind === 'key');
    } catch {
      // not this password
    }
  }
  assert.fail(`${file} opens with none of the known passwords`);
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-sweep-'));
  work = join(dir, 'work');
  privateTmp = join(dir, 'tmp');
  mkdirSync(work);
  mkdirSync(privateTmp);
  copyFileSync(sampleConfig, join(work, 'application.yaml'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('CLI flows with known passwords leave no plain password behind', (t) => {
  const runs = [
    rwsec([
      'keystore',
      'selfsigned',
      'self.p12',
      '--alias',
      'rws',
      '--dname',
      'CN=sweep.example',
      '--keyalg',
      'ec',
      '--storepass',
      PW.selfsigned,
    ]),
    rwsec(['obf', PW.obf]),
    rwsec(['set', 'application.yaml', `ssl.keyStorePassword=${PW.set}`, '--force']),
    rwsec([
      'kit',
      'https',
      '--keystore',
      'https.jks',
      '--storepass',
      PW.https,
      '--dname',
      'CN=rws.sweep.example',
      '--keyalg',
      'ec',
      '--config',
      'application.yaml',
    ]),
    rwsec(
      [
        'kit',
        'cassandra',
        '--nodes',
        'cas1,cas2',
        '--out',
        'cassandra',
        '--storepass',
        PW.cassandra,
        '--keyalg',
        'ec',
      ],
      { RWSEC_CAPASS: PW.cassandraCa },
    ),
    // A failure path: the error output must not repeat the (wrong) password it was given.
    rwsec(['keystore', 'list', 'self.p12', '--storepass', PW.wrong]),
  ];
  const [selfsigned, obf, set, https, cassandra, wrong] = runs;
  assert.equal(selfsigned!.status, 0, selfsigned!.out);
  assert.equal(obf!.status, 0, obf!.out);
  assert.equal(set!.status, 0, set!.out);
  assert.ok(https!.status === 0 || https!.status === 1, https!.out);
  assert.ok(cassandra!.status === 0 || cassandra!.status === 1, cassandra!.out);
  assert.equal(wrong!.status, 2, wrong!.out);
  assert.match(obf!.out, /OBF:/);

  for (const [name, password] of Object.entries(PW)) {
    for (const { what, text } of outputs) {
      assert.ok(!text.includes(password), `${what} printed the ${name} password`);
    }
  }

  const files = [...walk(work), ...walk(privateTmp)];
  t.diagnostic(`${files.length} files searched; private tmp held ${walk(privateTmp).length}`);
  const config = join(work, 'application.yaml');
  for (const file of files) {
    const bytes = readFileSync(file);
    const where = relative(dir, file);
    // Backups: .rwsec-backups/ (saves) and application.yaml.bak (kits keep FILE.bak).
    const isConfigOrBackup =
      file === config ||
      file === `${config}.bak` ||
      /\.rwsec-backups\/application\.yaml\..*\.bak$/.test(file);
    for (const [name, password] of Object.entries(PW)) {
      // The user wrote PW.set into application.yaml in plain: only there may it appear.
      if (name === 'set' && isConfigOrBackup) continue;
      // Cassandra reads keystore_password only in plain text: the kit's node file must hold it
      // (its header says so) and is written for the owner only.
      if (name === 'cassandra' && file.endsWith('cassandra-encryption.yaml')) {
        assert.equal(statSync(file).mode & 0o777, 0o600, `${where} must be 0600`);
        continue;
      }
      for (const form of forms(password)) {
        assert.ok(!bytes.includes(form), `${where} holds the ${name} password in plain`);
      }
    }
  }
  // kit https wrote the keystore password into the config, in OBF: form only.
  assert.ok(!readFileSync(config, 'utf8').includes(PW.https));

  // Private keys: keystores and PEM key files are readable by the owner only.
  const keyFiles = files.filter(
    (f) =>
      /-----BEGIN (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----/.test(readFileSync(f, 'latin1')) ||
      (/\.(p12|pfx|jks|jceks|keystore)$/.test(f) && holdsKey(f)),
  );
  assert.ok(
    keyFiles.some((f) => f.includes('cassandra')),
    'the Cassandra kit wrote no key files',
  );
  for (const file of keyFiles) {
    const mode = statSync(file).mode & 0o777;
    assert.equal(
      mode,
      0o600,
      `${relative(dir, file)} holds a private key with mode ${mode.toString(8)}`,
    );
  }

  // The kit CA's key opens with its own password only: never with the store password that every
  // node's cassandra-encryption.yaml holds in plain (whoever reads one could sign nodes).
  const caKey = readFileSync(join(work, 'cassandra', 'ca', 'root-ca.key.pem'));
  assert.throws(() => createPrivateKey({ key: caKey, format: 'pem', passphrase: PW.cassandra }));
  assert.ok(createPrivateKey({ key: caKey, format: 'pem', passphrase: PW.cassandraCa }));
});
