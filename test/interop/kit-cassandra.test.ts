// The Cassandra TLS kit against the real JDK: keytool reads every store, a JSSE client that trusts
// only client/truststore.jks completes a host-name-verified handshake with each node's keystore
// and refuses it under another node's name, a node added later is trusted by the unchanged client
// truststore, and the config values the kit sets pass `rwsec validate`.
import { keytoolListing } from '../helpers/java';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { haveJava, tlsCheckNames } from '../helpers/kit-peers';
import { rwsecBin, sampleConfig } from '../helpers/paths';

const PASS = 'kit-Secret-1';
// The CA key's own password: the store password is in every node's file.
const CA_PASS = 'kit-CA-Secret-2';
// Names that need no DNS: the client connects to 127.0.0.1 and verifies against the name given.
const NODES = ['cass-a.kit.test', 'cass-b.kit.test', 'cass-c.kit.test'];
const ADDED = 'cass-d.kit.test';

function rwsec(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [rwsecBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, RWSEC_STOREPASS: PASS, RWSEC_CAPASS: CA_PASS },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const keytoolList = (store: string) => keytoolListing(store, PASS);

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe(
  'kit cassandra with the JDK',
  { skip: haveJava() ? false : 'java/javac/keytool not installed' },
  () => {
    let dir = '';
    let out = '';
    let config = '';

    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'kit-cassandra-'));
      out = join(dir, 'kit');
      config = join(dir, 'application.yaml');
      copyFileSync(sampleConfig, config);
      const r = rwsec([
        'kit',
        'cassandra',
        '--nodes',
        NODES.join(','),
        '--out',
        out,
        '--config',
        config,
      ]);
      assert.equal(r.code, 0, r.stderr);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('writes stores keytool reads: node key entry under the lower-cased node name, chain to the root', () => {
      for (const node of NODES) {
        const listing = keytoolList(join(out, 'nodes', node, 'keystore.jks'));
        assert.match(listing, new RegExp(`Alias name: ${node.replace(/\./g, '\\.')}`));
        assert.match(listing, /Entry type: PrivateKeyEntry/);
        assert.match(listing, /Certificate chain length: 2/);
        assert.match(listing, /serverAuth\s+clientAuth/);
        assert.match(listing, new RegExp(`DNSName: ${node.replace(/\./g, '\\.')}`));
        assert.match(keytoolList(join(out, 'nodes', node, 'truststore.jks')), /trustedCertEntry/);
      }
      const client = keytoolList(join(out, 'client', 'truststore.jks'));
      assert.match(client, /Your keystore contains 1 entry/);
      assert.match(client, /trustedCertEntry/);
    });

    it('each node passes a host-name-verified handshake under its own name only', () => {
      const truststore = join(out, 'client', 'truststore.jks');
      NODES.forEach((node, i) => {
        const other = NODES[(i + 1) % NODES.length] as string;
        const results = tlsCheckNames(join(out, 'nodes', node, 'keystore.jks'), truststore, PASS, [
          node,
          other,
        ]);
        assert.equal(results.get(node), 'ok', `${node}: ${results.get(node)}`);
        assert.notEqual(
          results.get(other),
          'ok',
          `${node}'s certificate must not pass as ${other}`,
        );
        assert.match(results.get(other) ?? '', /subject alternative|No name matching|match/i);
      });
    });

    it('the config values it set pass rwsec validate with no errors', () => {
      const text = readFileSync(config, 'utf8');
      assert.match(text, /useSSL: true/);
      assert.ok(text.includes(`trustStore: ${join(out, 'client', 'truststore.jks')}`), text);
      const r = rwsec(['validate', config, '--json']);
      const report = JSON.parse(r.stdout) as { diagnostics: { severity: string; path: string }[] };
      assert.deepEqual(
        report.diagnostics.filter((d) => d.severity === 'error'),
        [],
      );
      assert.equal(r.code, 0);
    });

    it('a node added later is trusted by the existing client truststore, which stays unchanged', () => {
      const truststore = join(out, 'client', 'truststore.jks');
      const before = sha(truststore);
      const r = rwsec(['kit', 'cassandra', '--out', out, '--add-node', ADDED]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(sha(truststore), before);
      keytoolList(join(out, 'nodes', ADDED, 'keystore.jks'));
      const results = tlsCheckNames(join(out, 'nodes', ADDED, 'keystore.jks'), truststore, PASS, [
        ADDED,
        NODES[0] as string,
      ]);
      assert.equal(results.get(ADDED), 'ok', results.get(ADDED));
      assert.notEqual(results.get(NODES[0] as string), 'ok');
      // Internode: an old node's truststore trusts the new node too.
      const internode = tlsCheckNames(
        join(out, 'nodes', ADDED, 'keystore.jks'),
        join(out, 'nodes', NODES[0] as string, 'truststore.jks'),
        PASS,
        [ADDED],
      );
      assert.equal(internode.get(ADDED), 'ok');
    });

    it('openssl reads the CA key with the CA key password only, not the store password', () => {
      const key = join(out, 'ca', 'root-ca.key.pem');
      // Test passwords only: a real password never goes on a command line.
      const read = (pass: string) =>
        spawnSync('openssl', ['pkey', '-in', key, '-passin', `pass:${pass}`, '-noout']).status;
      assert.equal(read(CA_PASS), 0);
      assert.notEqual(read(PASS), 0, 'the store password (in every node file) opens the CA key');
      assert.notEqual(read('not-it'), 0);
    });

    it("the CA key is PBES2 with PBKDF2-HMAC-SHA256 at OWASP's 600,000 iterations (not 2048)", () => {
      const key = join(out, 'ca', 'root-ca.key.pem');
      // openssl's own reading of the encryption parameters, not ours.
      const parsed = spawnSync('openssl', ['asn1parse', '-in', key], { encoding: 'utf8' });
      assert.equal(parsed.status, 0, parsed.stderr);
      assert.match(parsed.stdout, /:PBES2\s*$/m);
      assert.match(parsed.stdout, /:PBKDF2\s*$/m);
      assert.match(parsed.stdout, /:hmacWithSHA256\s*$/m);
      assert.match(parsed.stdout, /:aes-256-cbc\s*$/m);
      const counts = [...parsed.stdout.matchAll(/INTEGER\s*:([0-9A-F]+)/g)].map((m) =>
        parseInt(m[1] ?? '', 16),
      );
      assert.ok(counts.includes(600_000), `iteration count: ${counts.join(', ')}`);
    });
  },
);
