// Stores made by keytool (JDK 17 PKCS12 default, JKS, JCEKS) and by openssl (PKCS12 default and
// -legacy, PEM keys in every form, .p7b) and Debian's JDK cacerts are read by us exactly as
// keytool lists them: aliases, entry kinds, chain lengths, SHA-256 fingerprints.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readKeystoreFile } from '../../electron/services/keystore/read';
import type { Keystore } from '../../electron/services/keystore/model';
import { haveJdk, keytoolList, type KeytoolEntry } from '../helpers/java';

const PASS = 'changeit';
const jdk = haveJdk();
const openssl = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
let dir = '';

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}
const keytool = (...args: string[]): string => run('keytool', ['-J-Duser.language=en', ...args]);

function ours(store: Keystore): KeytoolEntry[] {
  return store.entries
    .map((e) => ({
      alias: e.alias,
      kind: e.kind,
      chainLength: e.chain.length,
      sha256: e.chain.map((c) => c.fingerprint256),
    }))
    .sort((a, b) => a.alias.localeCompare(b.alias));
}

function sameAsKeytool(file: string, password = PASS, type?: string): Keystore {
  const listed = keytoolList(join(dir, file), password, type);
  assert.equal(listed.code, 0, listed.output);
  const { store } = readKeystoreFile(join(dir, file), { password });
  const expected = listed.entries.sort((a, b) => a.alias.localeCompare(b.alias));
  assert.deepEqual(ours(store), expected);
  return store;
}

/** keytool -printcert lists every certificate of a PEM bundle or .p7b. */
function printcertFingerprints(file: string): string[] {
  const out = keytool('-printcert', '-v', '-file', join(dir, file));
  return [...out.matchAll(/^\s*SHA256: ([0-9A-F:]+)/gm)].map((m) => m[1] ?? '').sort();
}

/** Builds the same set of entries in a keytool store of the given type. */
function keytoolStore(file: string, type: string): void {
  const base = ['-keystore', file, '-storetype', type, '-storepass', PASS, '-keypass', PASS];
  keytool(
    '-genkeypair',
    ...base,
    '-alias',
    'RsaServer',
    '-keyalg',
    'RSA',
    '-keysize',
    '2048',
    '-dname',
    'CN=rsa.test',
  );
  keytool(
    '-genkeypair',
    ...base,
    '-alias',
    'ecserver',
    '-keyalg',
    'EC',
    '-groupname',
    'secp256r1',
    '-dname',
    'CN=ec.test',
  );
  keytool('-importcert', ...base, '-noprompt', '-alias', 'Outside-CA', '-file', 'ca.pem');
  // A chain: root in the store signs a leaf's request (-gencert), the reply is imported.
  keytool(
    '-genkeypair',
    ...base,
    '-alias',
    'rootca',
    '-keyalg',
    'RSA',
    '-dname',
    'CN=Chain Root',
    '-ext',
    'bc:c',
  );
  keytool('-genkeypair', ...base, '-alias', 'leaf', '-keyalg', 'EC', '-dname', 'CN=leaf.test');
  keytool('-certreq', ...base, '-alias', 'leaf', '-file', `${file}.csr`);
  keytool(
    '-gencert',
    ...base,
    '-alias',
    'rootca',
    '-infile',
    `${file}.csr`,
    '-outfile',
    `${file}.crt`,
    '-rfc',
    '-ext',
    'san=dns:leaf.test',
  );
  keytool('-importcert', ...base, '-alias', 'leaf', '-file', `${file}.crt`);
}

describe(
  'reading stores made by keytool and openssl',
  { skip: !jdk || !openssl ? 'needs keytool and openssl on PATH' : false },
  () => {
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'rwsec-ksread-'));
      run('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'ca.key',
        '-out',
        'ca.pem',
        '-subj',
        '/CN=Outside CA',
        '-days',
        '30',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
      ]);
      run('openssl', [
        'req',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'ec.key',
        '-out',
        'ec.csr',
        '-subj',
        '/CN=ossl-ec.test',
      ]);
      run('openssl', [
        'x509',
        '-req',
        '-in',
        'ec.csr',
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        'ec.pem',
        '-days',
        '10',
      ]);
      run('openssl', [
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'rsa.key',
        '-out',
        'rsa.csr',
        '-subj',
        '/CN=ossl-rsa.test',
      ]);
      run('openssl', [
        'x509',
        '-req',
        '-in',
        'rsa.csr',
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        'rsa.pem',
        '-days',
        '10',
      ]);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('reads a JDK 17 default PKCS12 (PBES2/AES-256, SHA-256 MAC) like keytool', () => {
      keytoolStore('jdk.p12', 'PKCS12');
      const store = sameAsKeytool('jdk.p12');
      assert.equal(store.type, 'PKCS12');
      assert.deepEqual(
        store.entries.map((e) => e.alias).sort(),
        ['ecserver', 'leaf', 'outside-ca', 'rootca', 'rsaserver'],
        'aliases are lower-cased as the JDK stores them',
      );
      const leaf = store.entries.find((e) => e.alias === 'leaf');
      assert.equal(leaf?.chain.length, 2);
      assert.equal(leaf?.kind === 'key' && leaf.privateKey.asymmetricKeyType, 'ec');
    });

    it('reads a keytool JKS like keytool', () => {
      keytoolStore('jdk.jks', 'JKS');
      assert.equal(sameAsKeytool('jdk.jks').type, 'JKS');
    });

    it('reads a keytool JCEKS like keytool, keeping its keys usable', () => {
      keytoolStore('jdk.jceks', 'JCEKS');
      const store = sameAsKeytool('jdk.jceks', PASS, 'JCEKS');
      assert.equal(store.type, 'JCEKS');
      for (const e of store.entries)
        if (e.kind === 'key') assert.ok(e.chain[0]?.checkPrivateKey(e.privateKey));
    });

    it('reads openssl pkcs12 -export (default and -legacy) like keytool', () => {
      run('openssl', [
        'pkcs12',
        '-export',
        '-inkey',
        'rsa.key',
        '-in',
        'rsa.pem',
        '-certfile',
        'ca.pem',
        '-name',
        'Web',
        '-out',
        'o.p12',
        '-passout',
        `pass:${PASS}`,
      ]);
      run('openssl', [
        'pkcs12',
        '-export',
        '-legacy',
        '-inkey',
        'ec.key',
        '-in',
        'ec.pem',
        '-certfile',
        'ca.pem',
        '-out',
        'ol.p12',
        '-passout',
        `pass:${PASS}`,
      ]);
      const modern = sameAsKeytool('o.p12');
      assert.deepEqual(
        modern.entries.map((e) => [e.alias, e.chain.length]),
        [['web', 2]],
      );
      const legacy = sameAsKeytool('ol.p12');
      assert.deepEqual(
        legacy.entries.map((e) => [e.alias, e.chain.length]),
        [['1', 2]],
        'Java names an unnamed key "1"',
      );
    });

    it('reports certificates Java cannot see in an openssl -nokeys truststore', () => {
      run('openssl', [
        'pkcs12',
        '-export',
        '-nokeys',
        '-in',
        'ca.pem',
        '-out',
        'trust.p12',
        '-passout',
        `pass:${PASS}`,
      ]);
      const store = sameAsKeytool('trust.p12');
      assert.equal(store.entries.length, 0);
      assert.equal(store.hiddenCertificates?.length, 1);
    });

    const pemKeys: [string, string[]][] = [
      ['PKCS#8', ['pkey', '-in', 'rsa.key']],
      ['PKCS#1 (-traditional)', ['pkey', '-in', 'rsa.key', '-traditional']],
      ['SEC1 EC', ['ec', '-in', 'ec.key']],
      ['encrypted PKCS#8', ['pkey', '-in', 'ec.key', '-aes256', '-passout', 'pass:pem-pass']],
      [
        'legacy encrypted PKCS#1',
        ['pkey', '-in', 'rsa.key', '-traditional', '-des3', '-passout', 'pass:pem-pass'],
      ],
    ];
    for (const [label, args] of pemKeys) {
      it(`reads a PEM bundle with a ${label} key, its chain and the CA`, () => {
        const keyPem = run('openssl', args);
        const leaf = args.includes('ec.key') ? 'ec.pem' : 'rsa.pem';
        const file = `bundle-${label.replace(/\W+/g, '_')}.pem`;
        writeFileSync(
          join(dir, file),
          keyPem +
            readFileSync(join(dir, leaf), 'utf8') +
            readFileSync(join(dir, 'ca.pem'), 'utf8'),
        );
        const encrypted = label.includes('encrypted');
        const { store } = readKeystoreFile(
          join(dir, file),
          encrypted ? { password: 'pem-pass' } : {},
        );
        assert.equal(store.type, 'PEM');
        assert.deepEqual(
          store.entries.map((e) => [e.kind, e.chain.length]),
          [['key', 2]],
        );
        const all = store.entries.flatMap((e) => e.chain.map((c) => c.fingerprint256)).sort();
        // keytool -printcert refuses files with keys in them: give it the certificates alone.
        writeFileSync(
          join(dir, `${file}.certs`),
          readFileSync(join(dir, leaf), 'utf8') + readFileSync(join(dir, 'ca.pem'), 'utf8'),
        );
        assert.deepEqual(all, printcertFingerprints(`${file}.certs`));
        if (encrypted) {
          assert.throws(() => readKeystoreFile(join(dir, file)), { code: 'password-required' });
          assert.throws(() => readKeystoreFile(join(dir, file), { password: 'nope' }), {
            code: 'wrong-password',
          });
        }
      });
    }

    it('reads a .p7b (PEM and DER) as keytool -printcert lists it', () => {
      run('openssl', [
        'crl2pkcs7',
        '-nocrl',
        '-certfile',
        'rsa.pem',
        '-certfile',
        'ca.pem',
        '-out',
        'b.p7b',
      ]);
      run('openssl', [
        'crl2pkcs7',
        '-nocrl',
        '-certfile',
        'rsa.pem',
        '-certfile',
        'ca.pem',
        '-outform',
        'DER',
        '-out',
        'b-der.p7b',
      ]);
      for (const file of ['b.p7b', 'b-der.p7b']) {
        const { store } = readKeystoreFile(join(dir, file));
        assert.equal(store.type, file === 'b.p7b' ? 'PEM' : 'PKCS7');
        assert.ok(store.entries.every((e) => e.kind === 'trusted'));
        assert.deepEqual(
          store.entries.map((e) => e.chain[0]?.fingerprint256).sort(),
          printcertFingerprints(file),
        );
      }
    });

    it('reads a DER certificate', () => {
      run('openssl', ['x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der']);
      const { store } = readKeystoreFile(join(dir, 'ca.der'));
      assert.equal(store.type, 'DER');
      assert.deepEqual(
        store.entries.map((e) => [e.kind, e.alias]),
        [['trusted', 'outside ca']],
      );
    });

    const cacerts = '/etc/ssl/certs/java/cacerts';
    it(
      "reads Debian's JDK cacerts exactly as keytool lists it",
      { skip: existsSync(cacerts) ? false : `${cacerts} is missing` },
      () => {
        const listed = keytoolList(cacerts, PASS);
        assert.equal(listed.code, 0, listed.output);
        assert.ok(listed.entries.length > 100);
        const { store } = readKeystoreFile(cacerts, { password: PASS });
        assert.equal(store.type, 'JKS');
        assert.deepEqual(
          ours(store),
          listed.entries.sort((a, b) => a.alias.localeCompare(b.alias)),
        );
      },
    );
  },
);
