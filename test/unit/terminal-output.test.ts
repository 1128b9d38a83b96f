// Nothing that reaches a terminal can forge output, and no secret is printed. A certificate (from a
// file, a keystore or a live TLS server) and a config value are attacker-controlled text: their
// control characters are shown escaped in human output, so they can neither add a fake
// "trusted" line nor erase a FAIL; JSON output keeps them exact. Secret values never appear.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { issue, type Issued } from '../helpers/chain-pki';
import { sampleConfig } from '../helpers/paths';
import { rwsecAsync, rwsecSync } from '../helpers/rwsec-run';

// IA5String (a DNS name) holds 7-bit text: a line feed, but no ✓.
const FORGED_SAN = 'a.example\n    [ ok ] FAKE LINE: trusted=yes';
const FORGED_CN = 'evil\u001b[2K\r\u009b1A\u202eFAKE';

/** CN=#<BER>: the exact bytes of a UTF8String, whatever they hold. */
function rawCommonName(value: string): string {
  const bytes = Buffer.from(value, 'utf8');
  return `CN=#${Buffer.concat([Buffer.from([0x0c, bytes.length]), bytes]).toString('hex')}`;
}

let dir = '';
let pki: Issued;
let certFile = '';
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-terminal-'));
  pki = await issue({
    subject: rawCommonName(FORGED_CN),
    dns: [FORGED_SAN, 'b.example\u001b[31m'],
  });
  certFile = join(dir, 'forged.pem');
  writeFileSync(certFile, pki.certPem);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Human output: no raw control character but line feeds, and no line an attacker wrote. */
function assertInert(text: string): void {
  // eslint-disable-next-line no-control-regex
  const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;
  assert.doesNotMatch(text, raw, 'raw control character');
  assert.ok(
    !text.split('\n').some((line) => /^\s*(\[ ok \]\s+)?FAKE LINE/.test(line)),
    `a forged line was printed:\n${text}`,
  );
}

describe('escaped human output', () => {
  it('rwsec chain: SANs and subject are escaped; --json keeps them exact', () => {
    const r = rwsecSync(['chain', certFile]);
    assertInert(r.out + r.err);
    assert.match(r.out, /a\.example\\n {4}\[ ok \] FAKE LINE: trusted=yes/);
    // Node escapes C0 in names itself (\1B); C1 and bidirectional controls are ours to escape.
    assert.match(r.out, /evil\\1B\[2K\\0D\\x9b1A\\u202eFAKE/);
    const json = rwsecSync(['chain', certFile, '--json']);
    assert.ok(
      json.out.includes(JSON.stringify(FORGED_SAN).slice(1, -1)),
      'JSON holds the SAN exactly',
    );
  });

  it('rwsec keystore list: the SUBJECT and SAN columns are escaped', () => {
    const r = rwsecSync(['keystore', 'list', certFile]);
    assert.equal(r.code, 0, r.err);
    assertInert(r.out + r.err);
    assert.match(r.out, /CN=evil\\e\[2K\\r\\x9b1A\\u202eFAKE/);
    assert.match(r.out, /a\.example\\u000a {4}\[ ok \] FAKE LINE/);
  });

  it('rwsec probe: what a TLS server sends is escaped', async () => {
    const server: Server = createServer({ cert: pki.certPem, key: pki.keyPem }, (s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const r = await rwsecAsync(['probe', `127.0.0.1:${port}`]);
      assert.match(r.out, /Connected to 127\.0\.0\.1/);
      assertInert(r.out + r.err);
      assert.match(r.out, /FAKE LINE: trusted=yes/, 'the text is still shown, escaped');
    } finally {
      server.close();
    }
  });

  it('rwsec validate: config values quoted in messages are escaped', () => {
    const file = join(dir, 'values.yaml');
    writeFileSync(
      file,
      readFileSync(sampleConfig, 'utf8').replace(
        /caCertificate: .*/,
        'caCertificate: "/nowhere\\e[2K\\rFAKE LINE: trusted=yes"',
      ),
    );
    const r = rwsecSync(['validate', file]);
    assert.match(r.out, /\/nowhere\\e\[2K\\rFAKE LINE/);
    assertInert(r.out + r.err);
  });
});

describe('secrets never printed', () => {
  it('validate names the type of a numeric or boolean password, never its value', () => {
    const file = join(dir, 'numeric.yaml');
    writeFileSync(
      file,
      readFileSync(sampleConfig, 'utf8')
        .replace(/password: "Cass-Secret-1"/, 'password: 424242')
        .replace(/keyStorePassword: .*/, 'keyStorePassword: yes'),
    );
    const human = rwsecSync(['validate', file]);
    assert.match(human.out, /cassandraCluster\.password is read by YAML as a number/);
    const json = rwsecSync(['validate', file, '--json']);
    for (const out of [human.out + human.err, json.out + json.err]) {
      assert.doesNotMatch(out, /424242/);
      assert.doesNotMatch(out, /\btrue\b.*keyStorePassword|keyStorePassword.*\btrue\b/);
    }
  });

  it('rwsec set masks cryptoSecurityKey and clientSecret in text and JSON; get masks unless --reveal', () => {
    const file = join(dir, 'set.yaml');
    writeFileSync(file, readFileSync(sampleConfig));
    const env = { KEY: 'k3y-Value-9f8e', CS: 'client-S3cret-77' };
    const args = [
      'set',
      file,
      '--value-env',
      'serverSettings.cryptoSecurityKey=KEY',
      '--value-env',
      'serverSettings.oauth.clientSecret=CS',
    ];
    for (const r of [rwsecSync(args, { env }), rwsecSync([...args, '--json'], { env })]) {
      assert.equal(r.code, 0, r.err);
      const all = r.out + r.err;
      assert.doesNotMatch(all, /k3y-Value|client-S3cret|a5d3f0e1c2b4/);
      assert.match(all, /\*{8}/);
    }
    assert.equal(rwsecSync(['get', file, 'serverSettings.cryptoSecurityKey']).out, '********\n');
    const section = rwsecSync(['get', file, 'serverSettings', '--json']).out;
    assert.doesNotMatch(section, /k3y-Value|client-S3cret|changeit/);
    assert.equal(
      rwsecSync(['get', file, 'serverSettings.oauth.clientSecret', '--reveal']).out,
      'client-S3cret-77\n',
    );
  });
});
