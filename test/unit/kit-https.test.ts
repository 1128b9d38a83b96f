// The HTTPS kit's procedures: CSR then CA reply, import of a PEM key + chain, and the password
// change that updates keystore and config both or neither.
import assert from 'node:assert/strict';
import { listBackups } from '../../electron/services/files/backups';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readKeystoreFile } from '../../electron/services/keystore/read';
import { planHttpsKit, planPasswordChange } from '../../electron/services/kits/https-kit';
import { commitFiles } from '../../electron/services/kits/transaction';
import { readCsr } from '../../electron/services/x509/csr';
import { signCsr } from '../../electron/services/x509/sign';
import { createPrivateKey } from 'node:crypto';
import { deobfuscate } from '../../shared/secrets/obf';
import { RwsDocument } from '../../shared/yaml/document';
import { makeTestPki, type TestPki } from '../helpers/chain-pki';
import { sampleConfig } from '../helpers/paths';

const PASS = 'https-pass-1';
const ec = { algorithm: 'ec', curve: 'P-256' } as const;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('https kit', () => {
  let pki: TestPki;
  let dir = '';
  before(async () => {
    pki = await makeTestPki();
    dir = mkdtempSync(join(tmpdir(), 'kit-https-unit-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('CSR first (config untouched), then the CA reply installs the chain and sets the config', async () => {
    const keystore = join(dir, 'csr.jks');
    const csrFile = join(dir, 'rws.csr');
    const config = join(dir, 'csr.yaml');
    copyFileSync(sampleConfig, config);
    const before = sha(config);
    const first = await planHttpsKit({
      keystore,
      alias: 'jetty',
      storeType: 'JKS',
      storepass: PASS,
      source: {
        mode: 'csr',
        csrOut: csrFile,
        dname: 'CN=rws.test, O=Kit',
        san: [{ type: 'dns', value: 'rws.test' }],
        key: ec,
      },
      config,
    });
    await commitFiles(first.files);
    assert.equal(sha(config), before, 'HTTPS is not switched on before the CA signed');

    const csr = await readCsr(readFileSync(csrFile), csrFile);
    const intermediateKey = createPrivateKey(pki.intermediate.keyPem);
    const signed = await signCsr(csr, pki.intermediate.cert, intermediateKey, { days: 30 });
    const reply = join(dir, 'signed.pem');
    writeFileSync(
      reply,
      signed.certificate.toString() + pki.intermediate.certPem + pki.root.certPem,
    );

    const second = await planHttpsKit({
      keystore,
      alias: 'jetty',
      storeType: 'JKS',
      storepass: PASS,
      source: { mode: 'reply', replyFile: reply },
      config,
      port: 8443,
    });
    await commitFiles(second.files);
    const entry = readKeystoreFile(keystore, { password: PASS }).store.entries.find(
      (e) => e.alias === 'jetty',
    );
    assert.equal(entry?.kind, 'key');
    assert.equal(entry?.chain.length, 3);
    assert.equal(entry?.chain[0]?.checkHost('rws.test'), 'rws.test');
    const doc = RwsDocument.parse(readFileSync(config, 'utf8'));
    assert.equal(doc.get('enableSsl'), true);
    assert.equal(doc.get('ssl.port'), 8443);
    assert.equal(doc.get('ssl.keyStorePath'), keystore);
    assert.equal(deobfuscate(String(doc.get('ssl.keyStorePassword'))), PASS);
  });

  it('refuses a reply for another key and leaves the store as it was', async () => {
    const keystore = join(dir, 'csr.jks');
    const before = sha(keystore);
    const reply = join(dir, 'other.pem');
    writeFileSync(reply, pki.good.certPem + pki.intermediate.certPem + pki.root.certPem);
    await assert.rejects(
      planHttpsKit({
        keystore,
        alias: 'jetty',
        storeType: 'JKS',
        storepass: PASS,
        source: { mode: 'reply', replyFile: reply },
      }),
      /matches|private key/,
    );
    assert.equal(sha(keystore), before);
  });

  it('imports a PEM key and chain as PKCS12, and warns on a port below 1024', async () => {
    const keyFile = join(dir, 'key.pem');
    const chain = join(dir, 'chain.pem');
    writeFileSync(keyFile, pki.good.keyPem);
    writeFileSync(chain, pki.intermediate.certPem + pki.good.certPem);
    const config = join(dir, 'import.yaml');
    copyFileSync(sampleConfig, config);
    const keystore = join(dir, 'import.p12');
    const plan = await planHttpsKit({
      keystore,
      alias: 'jetty',
      storeType: 'PKCS12',
      storepass: PASS,
      source: { mode: 'import', keyFile, certFile: chain },
      config,
    });
    assert.match(plan.warnings.join(' '), /443 is below 1024.*9443/);
    assert.match(plan.warnings.join(' '), /root/);
    await commitFiles(plan.files);
    const { store } = readKeystoreFile(keystore, { password: PASS });
    assert.equal(store.type, 'PKCS12');
    assert.equal(store.entries[0]?.chain.length, 2);
    await assert.rejects(
      planHttpsKit({
        keystore,
        alias: 'jetty',
        storeType: 'PKCS12',
        storepass: PASS,
        source: { mode: 'import', keyFile, certFile: chain },
      }),
      /already|exists/,
    );
    await assert.rejects(
      planHttpsKit({
        keystore,
        alias: 'jetty',
        storeType: 'PKCS12',
        storepass: 'wrong-pass',
        source: { mode: 'import', keyFile, certFile: chain },
      }),
      /password is wrong/,
    );
  });

  it('password change: keystore and config both change, or neither', async () => {
    const keystore = join(dir, 'pw.jks');
    const config = join(dir, 'pw.yaml');
    copyFileSync(sampleConfig, config);
    await commitFiles(
      (
        await planHttpsKit({
          keystore,
          alias: 'jetty',
          storeType: 'JKS',
          storepass: PASS,
          source: {
            mode: 'self-signed',
            dname: 'CN=pw.test',
            san: [{ type: 'dns', value: 'pw.test' }],
            key: ec,
            days: 10,
          },
          config,
        })
      ).files,
    );
    // Neither: a config that is not valid YAML stops the change before anything is written.
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'ssl:\n  port: [9443\n');
    const storeBefore = sha(keystore);
    await assert.rejects(
      planPasswordChange({ keystore, storepass: PASS, newStorepass: 'new-pass-2', config: broken }),
      /broken\.yaml:\d+/,
    );
    assert.equal(sha(keystore), storeBefore);
    // Neither: a failure while renaming restores the keystore.
    const plan = await planPasswordChange({
      keystore,
      storepass: PASS,
      newStorepass: 'new-pass-2',
      config,
    });
    await assert.rejects(
      commitFiles(plan.files, {
        beforeRename: (f) => {
          if (f === config) throw new Error('simulated crash');
        },
      }),
    );
    assert.equal(sha(keystore), storeBefore);
    assert.doesNotThrow(() => readKeystoreFile(keystore, { password: PASS }));
    // Both.
    await commitFiles(plan.files);
    assert.doesNotThrow(() => readKeystoreFile(keystore, { password: 'new-pass-2' }));
    const doc = RwsDocument.parse(readFileSync(config, 'utf8'));
    assert.equal(deobfuscate(String(doc.get('ssl.keyStorePassword'))), 'new-pass-2');
    assert.equal(
      (await listBackups(keystore)).length,
      1,
      'the previous keystore is kept in .rwsec-backups/',
    );
  });
});
