// Every store we write (JKS, PKCS12 strong, PKCS12 compatible) is listed by keytool with the right
// aliases and chain lengths, loads in Java with every private key usable and every trusted
// certificate visible, is read by openssl, and reads back to the same entries.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  Keystore,
  Pkcs12Profile,
  WritableStoreType,
} from '../../electron/services/keystore/model';
import { readKeystore } from '../../electron/services/keystore/read';
import { writeKeystoreWithReport } from '../../electron/services/keystore/write';
import { haveJdk, keytoolList, runJava } from '../helpers/java';
import { sampleStore, type Fixture } from '../helpers/keystore-fixtures';

const PASS = 'ch@nge it!';
let dir = '';
let fixture: Fixture;

const cases: {
  name: string;
  type: WritableStoreType;
  profile?: Pkcs12Profile;
  javaType: string;
  file: string;
}[] = [
  { name: 'JKS', type: 'JKS', javaType: 'JKS', file: 'ours.jks' },
  {
    name: 'PKCS12 strong',
    type: 'PKCS12',
    profile: 'strong',
    javaType: 'PKCS12',
    file: 'strong.p12',
  },
  {
    name: 'PKCS12 compatible',
    type: 'PKCS12',
    profile: 'compatible',
    javaType: 'PKCS12',
    file: 'compat.p12',
  },
];

function expectedEntries(
  store: Keystore,
): { alias: string; kind: string; chainLength: number; sha256: string[] }[] {
  return store.entries
    .map((e) => ({
      alias: e.alias.toLowerCase(),
      kind: e.kind,
      chainLength: e.chain.length,
      sha256: e.chain.map((c) => c.fingerprint256),
    }))
    .sort((a, b) => a.alias.localeCompare(b.alias));
}

describe(
  'stores we write, checked by keytool, Java and openssl',
  { skip: haveJdk() ? false : 'needs a JDK (java, javac, keytool)' },
  () => {
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'rwsec-kswrite-'));
      fixture = await sampleStore(true);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    for (const c of cases) {
      it(`${c.name}: keytool lists the entries, Java signs with every key and sees every trusted cert`, () => {
        const { bytes, renamed } = writeKeystoreWithReport(fixture.store, {
          type: c.type,
          password: PASS,
          profile: c.profile,
        });
        assert.deepEqual(renamed, [
          { from: 'RSA-Server', to: 'rsa-server' },
          { from: 'Root-CA', to: 'root-ca' },
        ]);
        const file = join(dir, c.file);
        writeFileSync(file, bytes);

        const listed = keytoolList(file, PASS);
        assert.equal(listed.code, 0, listed.output);
        assert.deepEqual(
          listed.entries.sort((a, b) => a.alias.localeCompare(b.alias)),
          expectedEntries(fixture.store),
        );

        const java = runJava('KeystoreDump', [c.javaType, file, PASS]);
        assert.equal(java.code, 0, java.stderr);
        const lines = java.stdout.trim().split('\n');
        assert.equal(lines[0], `type\t${c.javaType}\t4`);
        const seen = lines.slice(1).map((l) => l.split('\t'));
        assert.deepEqual(
          seen.map(([alias, kind, len, , sig]) => [alias, kind, Number(len), sig]),
          [
            ['ec-root', 'trusted', 1, '-'],
            ['ec-server', 'key', 2, 'signed'],
            ['root-ca', 'trusted', 1, '-'],
            ['rsa-server', 'key', 3, 'signed'],
          ],
        );

        const back = readKeystore(bytes, { password: PASS });
        assert.deepEqual(
          back.entries
            .map((e) => ({
              alias: e.alias,
              kind: e.kind,
              chainLength: e.chain.length,
              sha256: e.chain.map((x) => x.fingerprint256),
            }))
            .sort((a, b) => a.alias.localeCompare(b.alias)),
          expectedEntries(fixture.store),
        );
        for (const entry of back.entries) {
          if (entry.kind !== 'key') continue;
          const original = fixture.store.entries.find((e) => e.alias.toLowerCase() === entry.alias);
          assert.ok(original?.kind === 'key');
          assert.ok(
            entry.privateKey.equals(original.privateKey),
            `${entry.alias}: same private key`,
          );
        }
      });
    }

    it('JKS keeps creation dates and a separate key password works in Java', () => {
      const bytes = writeKeystoreWithReport(fixture.store, {
        type: 'JKS',
        password: PASS,
        keyPassword: 'key-pass',
      }).bytes;
      const file = join(dir, 'keypass.jks');
      writeFileSync(file, bytes);
      const java = runJava('KeystoreDump', ['JKS', file, PASS, 'key-pass']);
      assert.equal(java.code, 0, java.stderr);
      assert.equal(java.stdout.match(/\tsigned$/gm)?.length, 2);
      assert.throws(() => readKeystore(bytes, { password: PASS, file }), {
        code: 'wrong-password',
      });
      const back = readKeystore(bytes, { password: PASS, keyPassword: 'key-pass' });
      assert.deepEqual(
        back.entries.map((e) => e.created.getTime()),
        fixture.store.entries.map((e) => e.created.getTime()),
      );
    });

    const openssl = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
    it(
      'openssl reads our strong PKCS12 as is and our compatible PKCS12 with -legacy',
      { skip: openssl ? false : 'needs openssl' },
      () => {
        for (const [file, extra] of [
          ['strong.p12', []],
          ['compat.p12', ['-legacy']],
        ] as const) {
          const r = spawnSync(
            'openssl',
            [
              'pkcs12',
              '-in',
              join(dir, file),
              '-passin',
              `pass:${PASS}`,
              '-nodes',
              '-info',
              ...extra,
            ],
            { encoding: 'utf8' },
          );
          assert.equal(r.status, 0, r.stderr);
          assert.equal(
            r.stdout.match(/-----BEGIN PRIVATE KEY-----/g)?.length,
            2,
            `${file}: two keys`,
          );
          assert.equal(
            r.stdout.match(/-----BEGIN CERTIFICATE-----/g)?.length,
            7,
            `${file}: chains of 3 and 2 certificates, 2 trusted`,
          );
          assert.match(
            r.stderr,
            file === 'strong.p12' ? /MAC: sha256, Iteration 10000/ : /MAC: sha1, Iteration 2048/,
          );
        }
      },
    );
  },
);
