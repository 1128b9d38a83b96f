// Hostile and careless input judged by SnakeYAML, the reader RWS itself uses: a file we accept (and
// report values from) loads in SnakeYAML with those values; a file SnakeYAML refuses or reads
// differently is refused by every command with exit 2 and the line to fix.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RwsDocument } from '../../shared/yaml/document';
import { saveText } from '../../electron/services/files/safe-save';
import { readTextFile } from '../../electron/services/files/read-text';
import { sampleConfig } from '../helpers/paths';
import { rwsecSync } from '../helpers/rwsec-run';
import { snakeLoad, snakeValue, snakeYamlMissing } from '../helpers/snake-yaml';

const skip = snakeYamlMissing();
const sample = readFileSync(sampleConfig, 'utf8');
type Config = { ssl: Record<string, unknown>; serverSettings: Record<string, unknown> };

let dir = '';
let n = 0;
before(() => (dir = mkdtempSync(join(tmpdir(), 'rwsec-snake-hostile-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(bytes: string | Buffer | undefined, name = `f${++n}.yaml`): string {
  const file = join(dir, name);
  writeFileSync(file, bytes ?? '');
  return file;
}

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

describe(
  'encodings: exactly those SnakeYAML accepts, one reader for every command',
  { skip },
  () => {
    it('UTF-16 with a byte-order mark is read by validate, get and set, and stays UTF-16', () => {
      const file = fileWith(utf16le(sample));
      assert.equal((snakeValue(file) as Config).ssl.port, 443, 'SnakeYAML reads it');
      assert.equal(rwsecSync(['get', file, 'ssl.port']).out, '443\n');
      const v = rwsecSync(['validate', file, '--json']);
      assert.equal(v.code, 0, v.err);
      const set = rwsecSync(['set', file, 'ssl.port=8443']);
      assert.equal(set.code, 0, set.err);
      const bytes = readFileSync(file);
      assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'still UTF-16LE with its mark');
      assert.equal((snakeValue(file) as Config).ssl.port, 8443);
    });

    for (const [name, bytes] of [
      ['UTF-16 without a byte-order mark', Buffer.from(sample, 'utf16le')],
      [
        'invalid UTF-8 (a Latin-1 byte)',
        Buffer.from(sample.replace('IRWS_Node1', 'IRWS_N\u00f6de1'), 'latin1'),
      ],
    ] as const) {
      it(`${name}: SnakeYAML refuses it, and so do validate, get and set (exit 2)`, () => {
        const file = fileWith(bytes);
        const [judged] = snakeLoad(file);
        assert.equal(judged?.ok, false, 'SnakeYAML refuses it');
        for (const args of [
          ['validate', file],
          ['get', file, 'ssl.port'],
          ['set', file, 'ssl.port=1'],
        ]) {
          const r = rwsecSync(args);
          assert.equal(r.code, 2, `${args[0]}: ${r.out}${r.err}`);
          assert.match(r.err, /not UTF-8 text/);
        }
        assert.deepEqual(readFileSync(file), bytes, 'nothing written');
      });
    }
  },
);

describe('line separators and control characters', { skip }, () => {
  it('U+2028 and U+2029 written by the CLI are escaped: SnakeYAML reads the exact value', () => {
    const file = fileWith(sample);
    const value = 'Node\u2028One\u2029';
    const r = rwsecSync(['set', file, `serverSettings.applicationName=${value}`]);
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(readFileSync(file, 'utf8'), /[\u2028\u2029]/);
    assert.equal((snakeValue(file) as Config).serverSettings.applicationName, value);
  });

  it('the same through the app (document edit and safe save)', async () => {
    const file = fileWith(sample);
    const read = await readTextFile(file);
    const next = RwsDocument.parse(read.text).withEdits([
      { path: 'ssl.keyStorePath', value: '/opt/gir/\u2028keystore' },
    ]);
    await saveText(file, next.text, { expectedOriginal: read.hash });
    assert.equal((snakeValue(file) as Config).ssl.keyStorePath, '/opt/gir/\u2028keystore');
  });

  for (const [name, text] of [
    ['a raw U+2028 in a plain scalar', sample.replace('IRWS_Node1', 'IRWS\u2028Node1')],
    ['a raw U+2029 in a comment', `# note\u2029ssl: {}\n${sample}`],
    ['a control character in a value', sample.replace('IRWS_Node1', 'IRWS\u0007Node1')],
  ]) {
    it(`${name}: SnakeYAML refuses or misreads it; every command refuses it naming the line`, () => {
      const file = fileWith(text);
      const [judged] = snakeLoad(file);
      const ours = RwsDocument.parse(sample).toJS();
      assert.ok(
        !judged?.ok || JSON.stringify(judged.value) !== JSON.stringify(ours),
        'SnakeYAML does not read what the text seems to say',
      );
      const v = rwsecSync(['validate', file]);
      assert.equal(v.code, 2, v.out + v.err);
      assert.match(
        v.err,
        /:\d+:\d+: error: not valid YAML: (U\+202[89]|control character U\+0007)/,
      );
      assert.equal(rwsecSync(['get', file, 'ssl.port']).code, 2);
    });
  }
});

describe('a byte-order mark and numbers', { skip }, () => {
  it('a UTF-8 BOM does not block adding a new top-level section', () => {
    const file = fileWith(`\ufeff${sample}`);
    const r = rwsecSync(['set', file, 'newSection.child.key=value']);
    assert.equal(r.code, 0, r.err);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /\nnewSection:\n {2}child:\n {4}key: value\n$/);
    const value = snakeValue(file) as Record<string, unknown>;
    assert.deepEqual(value['newSection'], { child: { key: 'value' } });
  });

  it('ssl.port=010 and temporaryAuthenticationTokenTTL=010 are read as SnakeYAML reads 010 (8)', () => {
    const file = fileWith(sample);
    const r = rwsecSync([
      'set',
      file,
      'ssl.port=010',
      'serverSettings.temporaryAuthenticationTokenTTL=010',
      '--force',
    ]);
    assert.equal(r.code, 0, r.err);
    const value = snakeValue(file) as Config;
    assert.equal(value.ssl.port, 8);
    assert.equal(value.serverSettings.temporaryAuthenticationTokenTTL, 8);
    assert.equal(rwsecSync(['get', file, 'ssl.port']).out, '8\n');
  });
});
