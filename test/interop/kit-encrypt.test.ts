// `rwsec encrypt` and the gir.jar runner, against a STAND-IN gir.jar that this test builds with
// javac + jar (test/helpers/gir-jar.ts). The real gir.jar is Genesys' RWS server and is not
// available here; the stand-in implements only its documented contract
// (`java -jar gir.jar --encrypt <password>` prints `CRYPT:<base64>` and exits 0), not its cipher.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  EncryptError,
  encryptWithGirJar,
  extractCrypt,
} from '../../electron/services/kits/encrypt';
import { buildStandInGirJar, standInCrypt } from '../helpers/gir-jar';
import { haveJava } from '../helpers/kit-peers';
import { rwsecBin, sampleConfig } from '../helpers/paths';

function rwsec(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [rwsecBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe(
  'encrypt with a stand-in gir.jar',
  { skip: haveJava() ? false : 'java/javac not installed' },
  () => {
    let dir = '';
    let jar = '';

    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'kit-encrypt-'));
      jar = buildStandInGirJar(dir);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('returns the CRYPT: value the jar prints for exactly this password', async () => {
      const password = 'pa$$ wörd "quoted"';
      assert.equal(await encryptWithGirJar(password, { girJar: jar }), standInCrypt(password));
    });

    it('rwsec encrypt prints it, reading the password from the environment', () => {
      const r = rwsec(['encrypt', '--gir-jar', jar], { RWSEC_PASSWORD: 'ops' });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${standInCrypt('ops')}\n`);
    });

    it('explains a missing jar, a missing Java, and a jar that prints no CRYPT: line', async () => {
      await assert.rejects(
        encryptWithGirJar('x', { girJar: join(dir, 'nope.jar') }),
        (e: EncryptError) => e.code === 'no-jar' && /--gir-jar/.test(e.message),
      );
      await assert.rejects(
        encryptWithGirJar('x', { girJar: jar, java: join(dir, 'no-java') }),
        (e: EncryptError) => e.code === 'no-java',
      );
      await assert.rejects(
        encryptWithGirJar('x', { girJar: jar, env: { PATH: dir } }),
        (e: EncryptError) => e.code === 'no-java' && /JAVA_HOME/.test(e.message),
      );
      const silent = buildStandInGirJar(dir, 'no-crypt');
      await assert.rejects(
        encryptWithGirJar('x', { girJar: silent }),
        (e: EncryptError) => e.code === 'no-crypt-line',
      );
      const failing = buildStandInGirJar(dir, 'fails');
      await assert.rejects(
        encryptWithGirJar('secret-in-args', { girJar: failing }),
        (e: EncryptError) =>
          e.code === 'failed' && /code 3/.test(e.message) && !e.message.includes('secret-in-args'),
      );
      const r = rwsec(['encrypt', '--gir-jar', join(dir, 'nope.jar')], { RWSEC_PASSWORD: 'ops' });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /No gir\.jar at/);
      assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
    });

    it('a kit writes the CRYPT: value for RWS-read passwords (never for ssl.keyStorePassword)', () => {
      const config = join(dir, 'application.yaml');
      copyFileSync(sampleConfig, config);
      const ca = join(dir, 'ca.pem');
      // A CA certificate made by the Cassandra kit serves as the input of the trust kit.
      const kit = rwsec(
        [
          'kit',
          'cassandra',
          '--nodes',
          'c1.kit.test',
          '--out',
          join(dir, 'kit'),
          '--config',
          config,
          '--gir-jar',
          jar,
        ],
        {
          RWSEC_STOREPASS: 'kit-pass-1',
          RWSEC_CAPASS: 'kit-ca-pass-1',
        },
      );
      assert.equal(kit.code, 0, kit.stderr);
      assert.match(
        readFileSync(config, 'utf8'),
        new RegExp(`truststorePassword: ${standInCrypt('kit-pass-1').replace(/[+/=]/g, '\\$&')}`),
      );
      writeFileSync(ca, readFileSync(join(dir, 'kit', 'ca', 'root-ca.pem')));
      const trust = rwsec(
        [
          'kit',
          'trust',
          '--target',
          'webdav',
          '--from',
          ca,
          '--out',
          join(dir, 'webdav.jks'),
          '--config',
          config,
          '--gir-jar',
          jar,
        ],
        {
          RWSEC_STOREPASS: 'trust-pass',
        },
      );
      assert.equal(trust.code, 0, trust.stderr);
      assert.ok(
        readFileSync(config, 'utf8').includes(`webDAVJksPassword: ${standInCrypt('trust-pass')}`),
      );
    });

    it('picks the last CRYPT: token of a chatty output', () => {
      assert.equal(extractCrypt('INFO start\nCRYPT:abc=\n'), 'CRYPT:abc=');
      assert.equal(extractCrypt('Usage: gir.jar\n'), undefined);
    });
  },
);
