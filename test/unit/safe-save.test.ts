import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { RwsDocument } from '../../shared/yaml/document';
import { BACKUP_FOLDER, listBackups } from '../../electron/services/files/backups';
import { FileReadError, SaveError } from '../../electron/services/files/file-errors';
import { readTextFile } from '../../electron/services/files/read-text';
import { saveBytes, saveText, verifyDocument } from '../../electron/services/files/safe-save';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rwsec-save-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fresh(name: string, content: string, mode = 0o640): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  await chmod(file, mode);
  return file;
}

test('saves atomically, keeps the mode, and keeps the previous version as a backup', async () => {
  const file = await fresh('a.yaml', 'a: 1\n', 0o640);
  const read = await readTextFile(file);
  const result = await saveText(file, 'a: 2\n', { expectedOriginal: read.hash });
  assert.equal(await readFile(file, 'utf8'), 'a: 2\n');
  assert.equal((await stat(file)).mode & 0o777, 0o640);
  assert.ok(result.written);
  assert.ok(result.backup?.startsWith(join(dir, BACKUP_FOLDER, 'a.yaml.')));
  assert.equal(await readFile(result.backup!, 'utf8'), 'a: 1\n');
  assert.equal((await stat(result.backup!)).mode & 0o777, 0o640);
  // No temporary file is left beside it.
  assert.deepEqual(
    (await readdir(dir)).filter((n) => n.includes('a.yaml')),
    ['a.yaml'],
  );
  assert.equal(result.hash, (await readTextFile(file)).hash);
});

test('refuses when the file changed on disk since it was read, and writes nothing', async () => {
  const file = await fresh('b.yaml', 'b: 1\n');
  const read = await readTextFile(file);
  await writeFile(file, 'b: 1 # someone else\n');
  await assert.rejects(
    saveText(file, 'b: 2\n', { expectedOriginal: read.hash }),
    (e: unknown) =>
      e instanceof SaveError && e.code === 'changed-on-disk' && e.message.includes(file),
  );
  assert.equal(await readFile(file, 'utf8'), 'b: 1 # someone else\n');
  assert.deepEqual(await listBackups(file), []);
  // The original text works as well as its hash; force overrides.
  await assert.rejects(saveText(file, 'b: 2\n', { expectedOriginal: read.text }), SaveError);
  await saveText(file, 'b: 2\n', { expectedOriginal: read.text, force: true });
  assert.equal(await readFile(file, 'utf8'), 'b: 2\n');
});

test('a deleted file counts as changed on disk', async () => {
  const file = await fresh('gone.yaml', 'g: 1\n');
  const read = await readTextFile(file);
  await rm(file);
  await assert.rejects(
    saveText(file, 'g: 2\n', { expectedOriginal: read.hash }),
    (e: unknown) => e instanceof SaveError && e.code === 'changed-on-disk',
  );
});

test('keeps only the newest backups', async () => {
  const file = await fresh('c.yaml', 'v: 0\n');
  const made: string[] = [];
  for (let i = 1; i <= 7; i++) {
    const r = await saveText(file, `v: ${i}\n`, { backups: 5 });
    made.push(r.backup!);
  }
  const kept = await listBackups(file);
  assert.deepEqual(kept, made.slice(2));
  assert.equal(await readFile(kept[kept.length - 1]!, 'utf8'), 'v: 6\n');
  assert.equal(await readFile(kept[0]!, 'utf8'), 'v: 2\n');
});

test('a verifier failure leaves the file untouched', async () => {
  const file = await fresh('d.yaml', 'd: 1\n');
  await assert.rejects(
    saveText(file, 'd: 2\n', { verify: () => 'wrong value' }),
    (e: unknown) =>
      e instanceof SaveError && e.code === 'verify-failed' && /wrong value/.test(e.message),
  );
  assert.equal(await readFile(file, 'utf8'), 'd: 1\n');
  assert.deepEqual(await listBackups(file), []);
});

test('YAML that does not re-parse is never written', async () => {
  const file = await fresh('e.yaml', 'e: 1\n');
  await assert.rejects(
    saveText(file, 'e: [1\n'),
    (e: unknown) => e instanceof SaveError && e.code === 'verify-failed',
  );
  assert.equal(await readFile(file, 'utf8'), 'e: 1\n');
});

test('verifyDocument accepts exactly the text of the edited document', async () => {
  const file = await fresh('f.yaml', 'f: 1\n');
  const next = RwsDocument.parse('f: 1\n').withEdits([{ path: 'f', value: 2 }]);
  await saveText(file, next.text, { verify: verifyDocument(next) });
  assert.equal(await readFile(file, 'utf8'), 'f: 2\n');
  await assert.rejects(saveText(file, 'f: 3\n', { verify: verifyDocument(next) }), SaveError);
});

test('saving identical content writes nothing and makes no backup', async () => {
  const file = await fresh('same.yaml', 's: 1\n');
  const result = await saveText(file, 's: 1\n');
  assert.equal(result.written, false);
  assert.deepEqual(await listBackups(file), []);
});

test('saveBytes: binary content, through a symlink to its target', async () => {
  const target = join(dir, 'store.p12');
  await writeFile(target, Buffer.from([0, 1, 2, 255]));
  const link = join(dir, 'link.p12');
  await symlink(target, link);
  const result = await saveBytes(link, Buffer.from([9, 8, 7]));
  assert.deepEqual([...(await readFile(target))], [9, 8, 7]);
  assert.ok((await import('node:fs')).lstatSync(link).isSymbolicLink());
  assert.deepEqual([...(await readFile(result.backup!))], [0, 1, 2, 255]);
});

test('a new file is created with a private mode', async () => {
  const file = join(dir, 'new.yaml');
  const result = await saveText(file, 'n: 1\n');
  assert.equal(result.backup, undefined);
  assert.equal((await stat(file)).mode & 0o777, 0o600);
});

test('readTextFile keeps BOM and CRLF, and names the file in its errors', async () => {
  const file = await fresh('bom.yaml', '\ufeffa: 1\r\n');
  assert.equal((await readTextFile(file)).text, '\ufeffa: 1\r\n');
  await assert.rejects(readTextFile(join(dir, 'missing.yaml')), (e: unknown) => {
    return e instanceof FileReadError && e.code === 'missing' && e.message.includes('missing.yaml');
  });
  const latin1 = join(dir, 'latin1.yaml');
  await writeFile(latin1, Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
  await assert.rejects(
    readTextFile(latin1),
    (e: unknown) => e instanceof FileReadError && e.code === 'not-utf8',
  );
  await assert.rejects(
    readTextFile(dir),
    (e: unknown) => e instanceof FileReadError && e.code === 'not-a-file',
  );
});

test('owner and group are kept when saving as root', async (t) => {
  if (process.getuid?.() !== 0) {
    t.skip('needs root to give the file another owner');
    return;
  }
  const { chown } = await import('node:fs/promises');
  const file = await fresh('owned.yaml', 'o: 1\n');
  await chown(file, 1, 1);
  await saveText(file, 'o: 2\n');
  const after = await stat(file);
  assert.deepEqual([after.uid, after.gid], [1, 1]);
});

test('a symlink loop is a SaveError naming the file, and nothing is written', async () => {
  const a = join(dir, 'loop-a.yaml');
  const b = join(dir, 'loop-b.yaml');
  await symlink(b, a);
  await symlink(a, b);
  await assert.rejects(
    saveText(a, 'a: 1\n'),
    (e: unknown) =>
      e instanceof SaveError &&
      e.code === 'write-failed' &&
      e.file === a &&
      e.message.startsWith(`${a}: not saved (`) &&
      /symbolic links/.test(e.message),
  );
  const names = await readdir(dir);
  assert.equal(
    names.some((n) => n.startsWith('loop-') && n.endsWith('.tmp')),
    false,
  );
});
