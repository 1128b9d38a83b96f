// Bounded work on any input: a FIFO (which blocked get/set/validate forever), /dev/zero (which grew
// memory without limit), a file over the size limit and a mapping of 80,000 keys (quadratic
// duplicate-key check) are each refused or read promptly, with a message naming the file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAX_CONFIG_BYTES } from '../../electron/services/files/bounded-read';
import { sampleConfig } from '../helpers/paths';
import { rwsecSync } from '../helpers/rwsec-run';

let dir = '';
let fifo = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-bounded-'));
  fifo = join(dir, 'application.yaml');
  execFileSync('mkfifo', [fifo]);
});
after(() => rmSync(dir, { recursive: true, force: true }));

// A generous bound: a hang is what is tested (before, these never returned).
const timeoutMs = 30_000;

describe('only regular files are read', () => {
  const commands: [string, (file: string) => string[]][] = [
    ['get', (f) => ['get', f, 'ssl.port']],
    ['set', (f) => ['set', f, 'ssl.port=8443']],
    ['validate', (f) => ['validate', f]],
    ['keystore list', (f) => ['keystore', 'list', f, '--storepass', 'changeit']],
    ['chain', (f) => ['chain', f]],
  ];
  for (const [name, args] of commands) {
    it(`${name} on a FIFO and on /dev/zero: exit 2 at once, naming what the path is`, () => {
      const onFifo = rwsecSync(args(fifo), { timeoutMs });
      assert.equal(onFifo.code, 2, `${onFifo.out}${onFifo.err}`);
      assert.match(onFifo.err, /named pipe \(FIFO\), not a regular file/);
      const onZero = rwsecSync(args('/dev/zero'), { timeoutMs });
      assert.equal(onZero.code, 2, `${onZero.out}${onZero.err}`);
      assert.match(onZero.err, /\/dev\/zero.*character device, not a regular file/);
    });
  }
});

describe('size and shape limits', () => {
  it(`a config over ${MAX_CONFIG_BYTES / 1048576} MiB is refused with the limit named`, () => {
    const file = join(dir, 'huge.yaml');
    const line = '# padding to make a file no real config is\n';
    writeFileSync(
      file,
      readFileSync(sampleConfig, 'utf8') + line.repeat(Math.ceil(MAX_CONFIG_BYTES / line.length)),
    );
    for (const args of [
      ['validate', file],
      ['get', file, 'ssl.port'],
      ['set', file, 'ssl.port=1'],
    ]) {
      const r = rwsecSync(args, { timeoutMs });
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /over the 2 MiB this tool reads/);
    }
  });

  it('a mapping of 80,000 keys is read (duplicate keys checked in linear time)', () => {
    const keys = Array.from({ length: 80_000 }, (_, i) => `  key${i}: ${i}\n`).join('');
    const file = join(dir, 'many.yaml');
    writeFileSync(file, `${readFileSync(sampleConfig, 'utf8')}bulk:\n${keys}`);
    const r = rwsecSync(['get', file, 'bulk.key79999'], { timeoutMs: 120_000 });
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '79999\n');
    // The same file with the first key repeated at the end: still found, with both lines.
    const dup = join(dir, 'many-dup.yaml');
    writeFileSync(dup, `${readFileSync(sampleConfig, 'utf8')}bulk:\n${keys}  key0: again\n`);
    const d = rwsecSync(['validate', dup], { timeoutMs: 120_000 });
    assert.equal(d.code, 2, d.err);
    assert.match(
      d.err,
      /:\d+:3: error: not valid YAML: duplicate key 'key0' \(first at line \d+\)/,
    );
  });
});
