// `rwsec certs` and the fleet's local readers on hostile input: a FIFO (which blocked for ever),
// /dev/zero (which grew memory without limit), a folder and an oversized file, named as the
// config, as a store the config names, as the JVM cacerts or as the -i inventory, are refused at
// once with a message naming the file; and a certificate whose subject and SANs hold escape
// sequences cannot forge a line of the text output (JSON keeps them exact).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAX_STORE_BYTES } from '../../electron/services/files/bounded-read';
import type { Inventory } from '../../shared/certs/inventory';
import { issue } from '../helpers/chain-pki';
import { rwsecSync } from '../helpers/rwsec-run';

// A hang is what is tested (before, these never returned): a generous bound.
const timeoutMs = 30_000;

const FORGED_SAN = 'a.example\n[ ok ] FAKE LINE: trusted=yes';
const FORGED_CN = 'evil\u001b[2K\r\u009b1A\u202eFAKE';

/** CN=#<BER>: the exact bytes of a UTF8String, whatever they hold. */
function rawCommonName(value: string): string {
  const bytes = Buffer.from(value, 'utf8');
  return `CN=#${Buffer.concat([Buffer.from([0x0c, bytes.length]), bytes]).toString('hex')}`;
}

let dir = '';
let fifo = '';
let huge = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-certs-hostile-'));
  fifo = join(dir, 'pipe.pem');
  execFileSync('mkfifo', [fifo]);
  // Sparse: the size is what counts, no disk is used.
  huge = join(dir, 'huge.pem');
  writeFileSync(huge, '');
  truncateSync(huge, MAX_STORE_BYTES + 1);
  mkdirSync(join(dir, 'folder.pem'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function configNaming(name: string, caCertificate: string, extra: string[] = []): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    ['serverSettings:', `  caCertificate: ${caCertificate}`, ...extra, ''].join('\n'),
  );
  return file;
}

describe('rwsec certs reads only regular files of bounded size', () => {
  it('the config itself: a FIFO and /dev/zero exit 2 at once, naming what the path is', () => {
    const onFifo = rwsecSync(['certs', '--config', fifo], { timeoutMs });
    assert.equal(onFifo.code, 2, onFifo.err);
    assert.match(onFifo.err, /pipe\.pem: is a named pipe \(FIFO\), not a regular file/);
    const onZero = rwsecSync(['certs', '--config', '/dev/zero'], { timeoutMs });
    assert.equal(onZero.code, 2, onZero.err);
    assert.match(onZero.err, /\/dev\/zero: is a character device, not a regular file/);
  });

  it('a store the config names: FIFO, /dev/zero, folder, oversized file each refused by name', () => {
    const cases: [string, RegExp][] = [
      [fifo, /caCertificate .*pipe\.pem: is a named pipe \(FIFO\), not a regular file/],
      ['/dev/zero', /caCertificate \/dev\/zero: is a character device, not a regular file/],
      [join(dir, 'folder.pem'), /caCertificate .*folder\.pem: is a folder, not a regular file/],
      [huge, /caCertificate .*huge\.pem: is 32 MiB, over the 32 MiB this tool reads/],
    ];
    for (const [path, message] of cases) {
      const r = rwsecSync(['certs', '--config', configNaming('app.yaml', path), '--json'], {
        timeoutMs,
      });
      assert.equal(r.code, 2, `${path}: ${r.err}`);
      assert.match(r.err, message);
      const inv = JSON.parse(r.out) as Inventory;
      assert.deepEqual(
        inv.errors.map((e) => [e.configKey, e.kind]),
        [['serverSettings.caCertificate', 'unreadable']],
      );
    }
  });

  it('the JVM cacerts a *TrustedCA: true brings in: a FIFO there is refused, not waited on', () => {
    const javaHome = join(dir, 'jdk');
    mkdirSync(join(javaHome, 'lib', 'security'), { recursive: true });
    execFileSync('mkfifo', [join(javaHome, 'lib', 'security', 'cacerts')]);
    const pem = join(dir, 'ok.pem');
    const config = configNaming('cacerts.yaml', pem, ['  rcsTrustedCA: true']);
    return issue({ subject: 'CN=Plain CA', ca: true }).then((ca) => {
      writeFileSync(pem, ca.certPem);
      const r = rwsecSync(['certs', '--config', config], {
        timeoutMs,
        env: { JAVA_HOME: javaHome },
      });
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /JVM cacerts.*cacerts: is a named pipe \(FIFO\), not a regular file/);
      assert.match(r.out, /Plain CA/, 'the readable store is still listed');
    });
  });
});

describe('fleet commands read the -i inventory bounded', () => {
  for (const command of [['fleet', 'status'], ['certs']]) {
    it(`rwsec ${command.join(' ')} -i FIFO and -i /dev/zero: exit 2 at once`, () => {
      const onFifo = rwsecSync([...command, '-i', fifo], { timeoutMs });
      assert.equal(onFifo.code, 2, onFifo.err);
      assert.match(onFifo.err, /pipe\.pem: is a named pipe \(FIFO\), not a regular file/);
      const onZero = rwsecSync([...command, '-i', '/dev/zero'], { timeoutMs });
      assert.equal(onZero.code, 2, onZero.err);
      assert.match(onZero.err, /\/dev\/zero: is a character device, not a regular file/);
    });
  }
});

describe('rwsec certs text output cannot be forged by a certificate', () => {
  it('subject and SANs with ESC, CR, C1 and a line feed are escaped; --json is exact', async () => {
    const forged = await issue({ subject: rawCommonName(FORGED_CN), dns: [FORGED_SAN] });
    const pem = join(dir, 'forged.pem');
    writeFileSync(pem, forged.certPem);
    const config = configNaming('forged.yaml', pem);
    const r = rwsecSync(['certs', '--config', config], { timeoutMs });
    const text = r.out + r.err;
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    assert.ok(!text.split('\n').some((l) => /^\s*(\[ ok \]\s+)?FAKE LINE/.test(l)), text);
    assert.match(r.out, /FAKE LINE: trusted=yes/, 'the SAN is shown, escaped');
    assert.match(r.out, /\\e\[2K|\\1B\[2K/, 'ESC shown as an escape');
    const json = rwsecSync(['certs', '--config', config, '--json'], { timeoutMs });
    const inv = JSON.parse(json.out) as Inventory;
    // JSON keeps the reader's form of the SAN (the certificate reader escapes the line feed).
    assert.ok(
      inv.certificates[0]?.san.some((s) => s.includes('a.example\\u000a[ ok ] FAKE LINE')),
      JSON.stringify(inv.certificates[0]?.san),
    );
    assert.ok(inv.certificates[0]?.subject.includes('\u001b[2K'), 'JSON subject is exact');
  });
});
