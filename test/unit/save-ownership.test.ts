// Every writer keeps what the administrator set up: a config and keystore owned by the RWS service
// account stay owned by it (owner, group, mode) when a kit or `rwsec set` runs through sudo, with
// previous versions in .rwsec-backups/ (five generations); a non-root user who cannot keep the
// owner is refused instead of silently taking the file; a read-only file and a planted
// .rwsec-backups symlink are not written through.
import assert from 'node:assert/strict';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { listBackups } from '../../electron/services/files/backups';
import { rwsecSync } from '../helpers/rwsec-run';
import { sampleConfig } from '../helpers/paths';
import { snakeValue, snakeYamlMissing } from '../helpers/snake-yaml';

const SERVICE = { uid: 65534, gid: 65534 }; // stands for the RWS service account
const isRoot = process.getuid?.() === 0;
const rootSkip = isRoot ? false : 'runs as root (it plays sudo, and setpriv for the non-root user)';

function owner(file: string): { uid: number; gid: number; mode: number } {
  const s = statSync(file);
  return { uid: s.uid, gid: s.gid, mode: s.mode & 0o7777 };
}

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-owner-'));
  chmodSync(dir, 0o755);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('ownership and backups in every writer', { skip: rootSkip }, () => {
  it('kit https (self-signed, then --change-password) keeps owner, group and mode of config and keystore', () => {
    const home = join(dir, 'kit');
    mkdirSync(home);
    const config = join(home, 'application.yaml');
    const keystore = join(home, 'keystore.p12');
    copyFileSync(sampleConfig, config);
    chownSync(config, SERVICE.uid, SERVICE.gid);
    chmodSync(config, 0o640);
    const env = { RWSEC_STOREPASS: 'Store-pass-1', RWSEC_NEW_STOREPASS: 'Store-pass-2' };
    let r = rwsecSync(
      ['kit', 'https', '--keystore', keystore, '--dname', 'CN=rws.test', '--config', config],
      { env },
    );
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(owner(config), { ...SERVICE, mode: 0o640 });
    // The service account now takes over the new keystore, as an administrator would.
    chownSync(keystore, SERVICE.uid, SERVICE.gid);
    chmodSync(keystore, 0o640);
    r = rwsecSync(
      ['kit', 'https', '--keystore', keystore, '--change-password', '--config', config],
      {
        env,
      },
    );
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(owner(config), { ...SERVICE, mode: 0o640 });
    assert.deepEqual(owner(keystore), { ...SERVICE, mode: 0o640 });
    assert.ok(!existsSync(`${config}.bak`) && !existsSync(`${keystore}.bak`), 'no lone FILE.bak');
    const backups = join(home, '.rwsec-backups');
    assert.equal(lstatSync(backups).mode & 0o777, 0o700);
    const names = readdirSync(backups);
    assert.equal(names.filter((n) => n.startsWith('application.yaml.')).length, 2);
    assert.equal(names.filter((n) => n.startsWith('keystore.p12.')).length, 1);
    for (const name of names) {
      assert.equal(statSync(join(backups, name)).uid, SERVICE.uid, `${name} keeps the owner`);
    }
  });

  it('rwsec set keeps owner, group and mode and keeps exactly five generations', async () => {
    const file = join(dir, 'set.yaml');
    copyFileSync(sampleConfig, file);
    chownSync(file, SERVICE.uid, SERVICE.gid);
    chmodSync(file, 0o660);
    for (let port = 8441; port <= 8447; port++) {
      const r = rwsecSync(['set', file, `ssl.port=${port}`]);
      assert.equal(r.code, 0, r.err);
    }
    assert.deepEqual(owner(file), { ...SERVICE, mode: 0o660 });
    const kept = await listBackups(file);
    assert.equal(kept.length, 5);
    // The newest backup is the version before the last save.
    assert.match(readFileSync(kept[4] ?? '', 'utf8'), /port: 8446/);
    if (!snakeYamlMissing()) {
      assert.equal((snakeValue(file) as { ssl: { port: number } }).ssl.port, 8447);
    }
  });

  it('a non-root user who cannot keep the owner is refused; --force saves and says whose it is now', () => {
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const file = join(shared, 'application.yaml');
    copyFileSync(sampleConfig, file);
    chmodSync(file, 0o666); // writable by the user, but owned by root:root
    const before = readFileSync(file);
    const r = rwsecSync(['set', file, 'ssl.port=8443'], { as: SERVICE });
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /belongs to uid 0 gid 0.*may not give the new copy that owner/s);
    assert.deepEqual(readFileSync(file), before, 'nothing written');
    assert.deepEqual(owner(file), { uid: 0, gid: 0, mode: 0o666 });
    assert.deepEqual(
      readdirSync(shared).sort(),
      ['application.yaml'],
      'no temp, lock or backup left behind',
    );
    const forced = rwsecSync(['set', file, 'ssl.port=8443', '--force'], { as: SERVICE });
    assert.equal(forced.code, 0, forced.err);
    assert.equal(owner(file).uid, SERVICE.uid);
    assert.match(readFileSync(file, 'utf8'), /port: 8443/);
  });

  it('a 0444 config is not replaced without --force, and keeps 0444 when forced', () => {
    const file = join(dir, 'readonly.yaml');
    copyFileSync(sampleConfig, file);
    chmodSync(file, 0o444);
    const r = rwsecSync(['set', file, 'ssl.port=8443']);
    assert.equal(r.code, 1);
    assert.match(r.err, /read-only \(mode 0444\).*use --force/);
    assert.doesNotMatch(readFileSync(file, 'utf8'), /port: 8443/);
    const forced = rwsecSync(['set', file, 'ssl.port=8443', '--force']);
    assert.equal(forced.code, 0, forced.err);
    assert.equal(owner(file).mode, 0o444);
    assert.match(readFileSync(file, 'utf8'), /port: 8443/);
  });
});

describe('the backup folder', () => {
  it('a planted .rwsec-backups symlink is refused, never followed', () => {
    const home = join(dir, 'planted');
    const elsewhere = join(dir, 'attacker-reads-this');
    mkdirSync(home);
    mkdirSync(elsewhere);
    const file = join(home, 'application.yaml');
    copyFileSync(sampleConfig, file);
    symlinkSync(elsewhere, join(home, '.rwsec-backups'));
    const r = rwsecSync(['set', file, 'ssl.port=8443']);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /\.rwsec-backups is a symbolic link/);
    assert.deepEqual(readdirSync(elsewhere), [], 'no secret copied through the link');
    assert.doesNotMatch(readFileSync(file, 'utf8'), /port: 8443/);
  });

  it('an existing backup folder open to others is made private again', () => {
    const home = join(dir, 'loose');
    mkdirSync(join(home, '.rwsec-backups'), { recursive: true });
    chmodSync(join(home, '.rwsec-backups'), 0o777);
    const file = join(home, 'application.yaml');
    writeFileSync(file, readFileSync(sampleConfig));
    const r = rwsecSync(['set', file, 'ssl.port=8443']);
    assert.equal(r.code, 0, r.err);
    assert.equal(statSync(join(home, '.rwsec-backups')).mode & 0o777, 0o700);
  });
});
