// `rwsec keystore ...` as whole processes, checked by keytool and openssl: CSR -> sign -> CA reply
// chains of 2 and 3, whole-bundle trust import, convert, passwd, and the failure paths (wrong
// password, corrupt file, existing alias) that must never modify the file.
import { keytoolListing } from '../helpers/java';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, rwsecBin } from '../helpers/paths';

const pass = 'changeit';
let dir: string;
let skip: string | undefined;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-kscli-'));
  if (!existsSync(join(repoRoot, 'dist', 'cli.cjs'))) skip = 'CLI not built (npm run build)';
  else if (spawnSync('keytool', ['-help']).status !== 0) skip = 'keytool not installed';
  else if (spawnSync('openssl', ['version']).status !== 0) skip = 'openssl not installed';
});
after(() => rmSync(dir, { recursive: true, force: true }));

const p = (name: string) => join(dir, name);

function rwsec(args: string[], env: Record<string, string> = { RWSEC_STOREPASS: pass }) {
  const r = spawnSync(process.execPath, [rwsecBin, 'keystore', ...args], {
    encoding: 'utf8',
    env: { ...process.env, RWSEC_STOREPASS: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(args: string[]) {
  const r = rwsec(args);
  assert.equal(r.status, 0, `rwsec keystore ${args.join(' ')}\n${r.stderr}`);
  return r;
}

const keytoolList = (store: string, storepass = pass) => keytoolListing(store, storepass);

function chainLengths(listing: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const block of listing.split('Alias name: ').slice(1)) {
    const alias = block.split('\n')[0] ?? '';
    out[alias] = Number(/Certificate chain length: (\d+)/.exec(block)?.[1] ?? 1);
  }
  return out;
}

test('CSR -> sign -> CA reply: keytool sees the SANs and chains of 2 and 3; openssl verifies', (t) => {
  if (skip) return t.skip(skip);
  ok(['selfsigned', p('ca.jks'), '--alias', 'root', '--dname', 'CN=Test Root CA, O=RWS', '--ca']);
  ok([
    'selfsigned',
    p('inter.p12'),
    '--alias',
    'inter',
    '--dname',
    'CN=Test Issuing CA',
    '--keyalg',
    'ec',
  ]);
  ok([
    'selfsigned',
    p('server.p12'),
    '--alias',
    'server',
    '--dname',
    'CN=rws1.example.com, O=RWS',
    '--san',
    'dns:rws1.example.com,dns:rws1,ip:10.0.0.5',
    '--keyalg',
    'ec',
    '--keysize',
    '384',
  ]);

  ok(['csr', p('server.p12'), '--alias', 'server', '--file', p('server.csr')]);
  const req = spawnSync('keytool', ['-printcertreq', '-file', p('server.csr')], {
    encoding: 'utf8',
  });
  assert.match(req.stdout, /DNSName: rws1\.example\.com\s+DNSName: rws1\s+IPAddress: 10\.0\.0\.5/);

  // Two levels: root signs the server directly.
  ok([
    'sign',
    p('ca.jks'),
    '--alias',
    'root',
    '--infile',
    p('server.csr'),
    '--outfile',
    p('reply2.pem'),
  ]);
  ok(['export', p('ca.jks'), '--alias', 'root', '--file', p('root.pem')]);
  const v2 = spawnSync('openssl', ['verify', '-CAfile', p('root.pem'), p('reply2.pem')], {
    encoding: 'utf8',
  });
  assert.match(v2.stdout, /reply2\.pem: OK/, v2.stderr);
  ok(['import', p('server.p12'), '--alias', 'server', '--file', p('reply2.pem')]);
  assert.deepEqual(chainLengths(keytoolList(p('server.p12'))), { server: 2 });

  // Three levels: root signs an intermediate CA, which signs the server.
  ok(['csr', p('inter.p12'), '--alias', 'inter', '--file', p('inter.csr')]);
  ok([
    'sign',
    p('ca.jks'),
    '--alias',
    'root',
    '--infile',
    p('inter.csr'),
    '--ca',
    '--outfile',
    p('inter-reply.pem'),
  ]);
  ok(['import', p('inter.p12'), '--alias', 'inter', '--file', p('inter-reply.pem')]);
  ok([
    'sign',
    p('inter.p12'),
    '--alias',
    'inter',
    '--infile',
    p('server.csr'),
    '--outfile',
    p('reply3.pem'),
    '--eku',
    'server',
  ]);
  const leafOnly = readFileSync(p('reply3.pem'), 'utf8').split(/(?=-----BEGIN CERTIFICATE-----)/);
  assert.equal(leafOnly.length, 3);
  writeFileSync(p('leaf3.pem'), leafOnly[0] ?? '');
  writeFileSync(p('inter3.pem'), leafOnly[1] ?? '');
  const v3 = spawnSync(
    'openssl',
    [
      'verify',
      '-CAfile',
      p('root.pem'),
      '-untrusted',
      p('inter3.pem'),
      '-purpose',
      'sslserver',
      p('leaf3.pem'),
    ],
    { encoding: 'utf8' },
  );
  assert.match(v3.stdout, /leaf3\.pem: OK/, v3.stderr);
  ok(['import', p('server.p12'), '--alias', 'server', '--file', p('reply3.pem')]);
  const listing = keytoolList(p('server.p12'));
  assert.deepEqual(chainLengths(listing), { server: 3 });
  assert.match(listing, /Issuer: CN=Test Issuing CA/);
});

test('a CA reply that does not chain or is for another key is refused, store unchanged', (t) => {
  if (skip) return t.skip(skip);
  ok([
    'selfsigned',
    p('other-ca.p12'),
    '--alias',
    'ca',
    '--dname',
    'CN=Other CA',
    '--ca',
    '--keyalg',
    'ec',
  ]);
  ok([
    'selfsigned',
    p('host.p12'),
    '--alias',
    'host',
    '--dname',
    'CN=host',
    '--san',
    'dns:host',
    '--keyalg',
    'ec',
  ]);
  ok(['csr', p('host.p12'), '--alias', 'host', '--file', p('host.csr')]);
  ok([
    'sign',
    p('other-ca.p12'),
    '--alias',
    'ca',
    '--infile',
    p('host.csr'),
    '--cert-only',
    '--outfile',
    p('host-leaf.pem'),
  ]);
  const before = readFileSync(p('host.p12'));
  const noChain = rwsec(['import', p('host.p12'), '--alias', 'host', '--file', p('host-leaf.pem')]);
  assert.equal(noChain.status, 1);
  assert.match(noChain.stderr, /does not chain/);
  assert.ok(readFileSync(p('host.p12')).equals(before));
  ok(['selfsigned', p('host.p12'), '--alias', 'second', '--dname', 'CN=second', '--keyalg', 'ec']);
  const middle = readFileSync(p('host.p12'));
  const foreign = rwsec([
    'import',
    p('host.p12'),
    '--alias',
    'second',
    '--file',
    p('host-leaf.pem'),
  ]);
  assert.equal(foreign.status, 1);
  assert.match(foreign.stderr, /matches this entry's private key/);
  assert.ok(readFileSync(p('host.p12')).equals(middle));
  assert.ok(!before.equals(middle));
});

test('import takes EVERY certificate of a PEM bundle into a truststore Java can see', (t) => {
  if (skip) return t.skip(skip);
  for (const n of ['a', 'b', 'c']) {
    ok([
      'selfsigned',
      p(`src-${n}.p12`),
      '--alias',
      n,
      '--dname',
      `CN=Bundle ${n.toUpperCase()}`,
      '--keyalg',
      'ec',
    ]);
  }
  const bundle = ['a', 'b', 'c']
    .map((n) => ok(['export', p(`src-${n}.p12`), '--alias', n]).stdout)
    .join('');
  writeFileSync(p('bundle.pem'), bundle);
  for (const type of ['pkcs12', 'jks']) {
    const store = p(`trust.${type}`);
    const r = ok(['import', store, '--storetype', type, '--file', p('bundle.pem')]);
    assert.match(r.stderr, /Imported 3 trusted certificate\(s\): bundle-a, bundle-b, bundle-c/);
    const listing = keytoolList(store);
    assert.equal(listing.match(/Entry type: trustedCertEntry/g)?.length, 3, listing);
  }
});

test('convert JKS <-> PKCS12 and passwd: keytool opens the results with the right password', (t) => {
  if (skip) return t.skip(skip);
  ok(['selfsigned', p('conv.jks'), '--alias', 'web', '--dname', 'CN=web', '--san', 'dns:web']);
  ok(['convert', p('conv.jks'), '--storetype', 'pkcs12', '--dest', p('conv.p12')]);
  assert.match(
    keytoolList(p('conv.p12')),
    /Keystore type: PKCS12[\s\S]*Entry type: PrivateKeyEntry/,
  );
  ok([
    'convert',
    p('conv.p12'),
    '--storetype',
    'jks',
    '--dest',
    p('back.jks'),
    '--profile',
    'strong',
  ]);
  assert.match(keytoolList(p('back.jks')), /Keystore type: JKS/);

  const changed = spawnSync(process.execPath, [rwsecBin, 'keystore', 'passwd', p('conv.p12')], {
    encoding: 'utf8',
    env: { ...process.env, RWSEC_STOREPASS: pass, RWSEC_NEW_STOREPASS: 'new-secret' },
  });
  assert.equal(changed.status, 0, changed.stderr);
  keytoolList(p('conv.p12'), 'new-secret');
  const old = spawnSync('keytool', ['-list', '-keystore', p('conv.p12'), '-storepass', pass], {
    encoding: 'utf8',
  });
  assert.notEqual(old.status, 0);
  assert.ok(readdirSync(p('.rwsec-backups')).some((f) => f.startsWith('conv.p12.')));
});

test('wrong password, corrupt file, existing alias: clear message, exit code, file untouched', (t) => {
  if (skip) return t.skip(skip);
  ok(['selfsigned', p('guard.p12'), '--alias', 'one', '--dname', 'CN=one', '--keyalg', 'ec']);
  const original = readFileSync(p('guard.p12'));

  const wrong = rwsec(['delete', p('guard.p12'), '--alias', 'one'], { RWSEC_STOREPASS: 'not-it' });
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /password/i);
  assert.ok(wrong.stderr.includes(p('guard.p12')), 'names the file');
  assert.ok(!wrong.stderr.includes('not-it'), 'never shows the password');

  const exists = rwsec([
    'selfsigned',
    p('guard.p12'),
    '--alias',
    'ONE',
    '--dname',
    'CN=x',
    '--keyalg',
    'ec',
  ]);
  assert.equal(exists.status, 1);
  assert.match(exists.stderr, /already has an entry "one"/);
  assert.ok(readFileSync(p('guard.p12')).equals(original));

  writeFileSync(p('truncated.p12'), original.subarray(0, original.length >> 1));
  const truncated = rwsec(['delete', p('truncated.p12'), '--alias', 'one']);
  assert.equal(truncated.status, 2);
  assert.ok(truncated.stderr.includes(p('truncated.p12')));
  assert.equal(readFileSync(p('truncated.p12')).length, original.length >> 1);

  // Java cannot open a PKCS12 store with a non-ASCII password: refused rather than written.
  const nonAscii = rwsec(
    ['selfsigned', p('u.p12'), '--alias', 'x', '--dname', 'CN=x', '--keyalg', 'ec'],
    {
      RWSEC_STOREPASS: 'pässwort',
    },
  );
  assert.equal(nonAscii.status, 1);
  assert.match(nonAscii.stderr, /non-ASCII/);
  assert.ok(!existsSync(p('u.p12')));
});

test('list --json has the documented shape and agrees with keytool', (t) => {
  if (skip) return t.skip(skip);
  ok([
    'selfsigned',
    p('list.jks'),
    '--alias',
    'web',
    '--dname',
    'CN=web, O=RWS',
    '--san',
    'dns:web,ip:10.1.1.1',
  ]);
  const json = JSON.parse(ok(['list', p('list.jks'), '--json']).stdout) as {
    type: string;
    entries: {
      alias: string;
      kind: string;
      chain: { sha256: string; san: string[]; keySize: number; isCA: boolean }[];
    }[];
  };
  assert.equal(json.type, 'JKS');
  assert.equal(json.entries[0]?.alias, 'web');
  assert.equal(json.entries[0]?.kind, 'key');
  const leaf = json.entries[0]?.chain[0];
  assert.equal(leaf?.keySize, 2048);
  assert.equal(leaf?.isCA, false);
  assert.equal(leaf?.san.length, 2);
  const listing = keytoolList(p('list.jks'));
  assert.ok(listing.includes(`SHA256: ${leaf?.sha256}`), listing);
  assert.match(ok(['list', p('list.jks')]).stdout, /web\s+key\s+1\s+/);
});
