// Both-or-neither writes: a kit never leaves some files new and others old.
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { commitFiles, TransactionError } from '../../electron/services/kits/transaction';

describe('commitFiles', () => {
  let dir = '';
  before(() => (dir = mkdtempSync(join(tmpdir(), 'kit-tx-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes new files in new folders with their modes; the replaced file goes to .rwsec-backups/', async () => {
    const old = join(dir, 'a', 'config.yaml');
    mkdirSync(join(dir, 'a'));
    writeFileSync(old, 'old: 1\n');
    const secret = join(dir, 'a', 'deep', 'er', 'key.pem');
    const result = await commitFiles([
      { path: old, data: 'new: 2\n' },
      { path: secret, data: 'KEY', mode: 0o600 },
    ]);
    assert.equal(readFileSync(old, 'utf8'), 'new: 2\n');
    assert.equal(result.backups.length, 1);
    assert.match(
      result.backups[0] ?? '',
      /\/a\/\.rwsec-backups\/config\.yaml\.\d{8}T\d{6}\.\d{3}Z\.bak$/,
    );
    assert.equal(readFileSync(result.backups[0] ?? '', 'utf8'), 'old: 1\n');
    assert.equal(statSync(secret).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(join(dir, 'a')).sort(), ['.rwsec-backups', 'config.yaml', 'deep']);
  });

  it('restores every replaced file and removes new files and folders when a rename fails', async () => {
    const keep = join(dir, 'b', 'keystore');
    mkdirSync(join(dir, 'b'));
    writeFileSync(keep, 'OLD-STORE');
    const fresh = join(dir, 'b', 'new', 'file.txt');
    const third = join(dir, 'b', 'config.yaml');
    writeFileSync(third, 'OLD-CONFIG');
    await assert.rejects(
      commitFiles(
        [
          { path: keep, data: 'NEW-STORE' },
          { path: fresh, data: 'fresh' },
          { path: third, data: 'NEW-CONFIG' },
        ],
        {
          beforeRename: (file) => {
            if (file === third) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
          },
        },
      ),
      (err: TransactionError) => err.file === third && /Nothing was changed/.test(err.message),
    );
    assert.equal(readFileSync(keep, 'utf8'), 'OLD-STORE');
    assert.equal(readFileSync(third, 'utf8'), 'OLD-CONFIG');
    assert.equal(existsSync(join(dir, 'b', 'new')), false);
    assert.deepEqual(readdirSync(join(dir, 'b')).sort(), ['config.yaml', 'keystore']);
  });

  it('fails before touching anything when a target is a folder', async () => {
    const file = join(dir, 'c.txt');
    writeFileSync(file, 'c');
    mkdirSync(join(dir, 'folder'));
    await assert.rejects(
      commitFiles([
        { path: file, data: 'changed' },
        { path: join(dir, 'folder'), data: 'x' },
      ]),
      TransactionError,
    );
    assert.equal(readFileSync(file, 'utf8'), 'c');
    assert.ok(!readdirSync(dir).some((n) => n.startsWith('.')), 'no temporary file left');
  });

  it('never loosens the mode of a file it replaces', async () => {
    const file = join(dir, 'tight');
    writeFileSync(file, 'x', { mode: 0o600 });
    await commitFiles([{ path: file, data: 'y' }], { backup: false });
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(existsSync(join(dir, '.rwsec-backups')), false);
  });
});
