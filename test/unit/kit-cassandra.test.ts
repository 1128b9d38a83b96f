// The Cassandra kit's layout and certificates, read back with our own codec and @peculiar/x509.
import { px } from '../../electron/services/x509/peculiar';
import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readKeystoreFile } from '../../electron/services/keystore/read';
import { planAddNodes } from '../../electron/services/kits/cassandra-add-nodes';
import {
  cassandraKitPaths,
  checkCassandraKit,
  planCassandraKit,
} from '../../electron/services/kits/cassandra-kit';
import { KitError } from '../../electron/services/kits/kit-error';
import { commitFiles } from '../../electron/services/kits/transaction';

const PASS = 'unit-kit-pass';
const CA_PASS = 'unit-kit-ca-pass';
const rsa = { algorithm: 'rsa', size: 2048 } as const;
const ec = { algorithm: 'ec', curve: 'P-256' } as const;

function ext<T extends px.Extension>(
  cert: X509Certificate,
  type: new (raw: BufferSource) => T,
): T | undefined {
  return new px.X509Certificate(cert.raw).getExtension(type) ?? undefined;
}

describe('planCassandraKit', () => {
  let dir = '';
  before(() => (dir = mkdtempSync(join(tmpdir(), 'kit-cass-unit-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('plans exactly the documented layout', async () => {
    const out = join(dir, 'layout');
    const options = {
      outDir: out,
      nodes: ['Cass-01', '10.1.2.3'],
      storepass: PASS,
      caPassword: CA_PASS,
      key: ec,
      days: 30,
    };
    const plan = await planCassandraKit(options);
    // The CLI locks these paths while the keys are made: they must be the planned files.
    assert.deepEqual(
      cassandraKitPaths(checkCassandraKit(options)),
      plan.files.map((f) => f.path),
    );
    assert.deepEqual(plan.files.map((f) => relative(out, f.path)).sort(), [
      'README.txt',
      'ca/root-ca.key.pem',
      'ca/root-ca.pem',
      'client/ca.pem',
      'client/cqlshrc',
      'client/truststore.jks',
      'nodes/10.1.2.3/cassandra-encryption.yaml',
      'nodes/10.1.2.3/keystore.jks',
      'nodes/10.1.2.3/truststore.jks',
      'nodes/Cass-01/cassandra-encryption.yaml',
      'nodes/Cass-01/keystore.jks',
      'nodes/Cass-01/truststore.jks',
    ]);
    await commitFiles(plan.files);
    assert.equal(statSync(join(out, 'ca', 'root-ca.key.pem')).mode & 0o777, 0o600);
    assert.equal(plan.clientTruststore, join(out, 'client', 'truststore.jks'));
    const cqlshrc = readFileSync(join(out, 'client', 'cqlshrc'), 'utf8');
    assert.match(cqlshrc, new RegExp(`certfile = ${join(out, 'client', 'ca.pem')}`));
    assert.doesNotMatch(readFileSync(join(out, 'client', 'ca.pem'), 'utf8'), /PRIVATE KEY/);
    const yaml = readFileSync(join(out, 'nodes', 'Cass-01', 'cassandra-encryption.yaml'), 'utf8');
    assert.match(yaml, /client_encryption_options:\n {2}enabled: true/);
    assert.match(yaml, /internode_encryption: all/);
    assert.match(yaml, new RegExp(`truststore_password: ${PASS}`));
  });

  it('issues a CA root and node certificates with the extensions TLS peers check', async () => {
    const out = join(dir, 'certs');
    await commitFiles(
      (
        await planCassandraKit({
          outDir: out,
          nodes: ['cass-01.example', '10.1.2.3'],
          storepass: PASS,
          caPassword: CA_PASS,
          key: rsa,
          days: 90,
        })
      ).files,
    );
    const root = new X509Certificate(readFileSync(join(out, 'ca', 'root-ca.pem')));
    const bc = ext(root, px.BasicConstraintsExtension);
    assert.equal(bc?.ca, true);
    assert.equal(bc?.critical, true);
    const ku = ext(root, px.KeyUsagesExtension)?.usages ?? 0;
    assert.ok(ku & px.KeyUsageFlags.keyCertSign && ku & px.KeyUsageFlags.cRLSign);

    const { store } = readKeystoreFile(join(out, 'nodes', 'cass-01.example', 'keystore.jks'), {
      password: PASS,
    });
    assert.equal(store.entries.length, 1);
    const entry = store.entries[0];
    assert.equal(entry?.kind, 'key');
    assert.equal(entry?.alias, 'cass-01.example');
    const [leaf, issuer] = entry?.chain ?? [];
    assert.ok(leaf && issuer);
    assert.ok(issuer.raw.equals(root.raw));
    assert.ok(leaf.verify(root.publicKey));
    assert.equal(leaf.checkHost('cass-01.example'), 'cass-01.example');
    assert.equal(leaf.checkHost('10.1.2.3'), undefined);
    assert.equal(leaf.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    const eku = ext(leaf, px.ExtendedKeyUsageExtension)?.usages ?? [];
    assert.deepEqual(
      [...eku].sort(),
      [px.ExtendedKeyUsage.clientAuth, px.ExtendedKeyUsage.serverAuth].sort(),
    );
    assert.equal(ext(leaf, px.BasicConstraintsExtension)?.ca ?? false, false);

    const ipLeaf = readKeystoreFile(join(out, 'nodes', '10.1.2.3', 'keystore.jks'), {
      password: PASS,
    }).store.entries[0]?.chain[0];
    assert.equal(ipLeaf?.checkIP('10.1.2.3'), '10.1.2.3');

    const { store: client } = readKeystoreFile(join(out, 'client', 'truststore.jks'), {
      password: PASS,
    });
    assert.deepEqual(
      client.entries.map((e) => e.kind),
      ['trusted'],
    );
    assert.ok(client.entries[0]?.chain[0].raw.equals(root.raw));
  });

  it('adds a node signed by the kit CA, and refuses a wrong password, a known node or a second kit', async () => {
    const out = join(dir, 'add');
    await commitFiles(
      (
        await planCassandraKit({
          outDir: out,
          nodes: ['a1'],
          storepass: PASS,
          caPassword: CA_PASS,
          key: ec,
          days: 30,
        })
      ).files,
    );
    await assert.rejects(
      planCassandraKit({
        outDir: out,
        nodes: ['b1'],
        storepass: PASS,
        caPassword: CA_PASS,
        key: ec,
        days: 30,
      }),
      /already holds a kit \(ca\/\)\. Add nodes with --add-node, or choose another --out folder/,
    );
    // The app's wizard is told of its own action, not of CLI flags (issue 13 item 7).
    await assert.rejects(
      planCassandraKit({
        outDir: out,
        nodes: ['b1'],
        storepass: PASS,
        caPassword: CA_PASS,
        key: ec,
        days: 30,
        door: 'app',
      }),
      (error: Error) =>
        /already holds a kit \(ca\/\)\. Choose another output folder in this step/.test(
          error.message,
        ) && !/--add-node|--out/.test(error.message),
    );
    await assert.rejects(
      planAddNodes({
        outDir: out,
        nodes: ['b1'],
        storepass: PASS,
        caPassword: 'wrong-ca-pass',
        key: ec,
        days: 30,
      }),
      /Cannot decrypt .*CA key password/,
    );
    await assert.rejects(
      planAddNodes({
        outDir: out,
        nodes: ['A1'],
        storepass: PASS,
        caPassword: CA_PASS,
        key: ec,
        days: 30,
      }),
      KitError,
    );
    const plan = await planAddNodes({
      outDir: out,
      nodes: ['b1'],
      storepass: PASS,
      caPassword: CA_PASS,
      key: ec,
      days: 30,
    });
    assert.ok(
      !plan.files.some((f) => f.path.includes(join(out, 'client'))),
      'client files stay as they are',
    );
    await commitFiles(plan.files);
    const root = new X509Certificate(readFileSync(join(out, 'ca', 'root-ca.pem')));
    const leaf = readKeystoreFile(join(out, 'nodes', 'b1', 'keystore.jks'), { password: PASS })
      .store.entries[0]?.chain[0];
    assert.ok(leaf?.verify(root.publicKey));
    const readme = readFileSync(join(out, 'README.txt'), 'utf8');
    assert.match(readme, /Nodes: a1, b1/);
    // The README says truthfully how the CA key is protected (issue 13 item 7).
    assert.match(readme, /encrypted with its own CA password\s+\(not the store password/);
    assert.doesNotMatch(readme, /encrypted with the store password/);
  });

  it('encrypts the CA key with its own password, never the store password the nodes hold', async () => {
    const out = join(dir, 'ca-pass');
    const base = { outDir: out, nodes: ['c1'], storepass: PASS, key: ec, days: 30 };
    await assert.rejects(planCassandraKit(base), /CA key password is needed/);
    await assert.rejects(
      planCassandraKit({ ...base, caPassword: PASS }),
      /must differ from the store password.*cassandra-encryption\.yaml/,
    );
    await assert.rejects(planCassandraKit({ ...base, caPassword: 'short' }), /at least 6/);
    const plan = await planCassandraKit({ ...base, caPassword: CA_PASS });
    assert.equal(existsSync(out), false, 'nothing is written by a plan');
    const keyFile = plan.files.find((f) => f.path.endsWith('root-ca.key.pem'));
    const pem = String(keyFile?.data);
    assert.match(pem, /ENCRYPTED PRIVATE KEY/);
    assert.throws(() => createPrivateKey({ key: pem, format: 'pem', passphrase: PASS }));
    assert.equal(
      createPrivateKey({ key: pem, format: 'pem', passphrase: CA_PASS }).asymmetricKeyType,
      'ec',
    );
    const nodeYaml = plan.files.find((f) => f.path.endsWith('cassandra-encryption.yaml'));
    assert.doesNotMatch(String(nodeYaml?.data), new RegExp(CA_PASS));
    await commitFiles(plan.files);
    await assert.rejects(
      planAddNodes({ ...base, nodes: ['c2'], caPassword: PASS }),
      /must differ from the store password/,
    );
  });

  it('legacy: self-signed per node, every truststore lists every node, no CA', async () => {
    const out = join(dir, 'legacy');
    const options = {
      outDir: out,
      nodes: ['l1', 'l2'],
      storepass: PASS,
      caPassword: CA_PASS,
      key: ec,
      days: 30,
      legacy: true,
    };
    const plan = await planCassandraKit(options);
    assert.deepEqual(
      cassandraKitPaths(checkCassandraKit(options)),
      plan.files.map((f) => f.path),
    );
    assert.match(plan.warnings.join(' '), /Legacy/);
    await commitFiles(plan.files);
    assert.equal(existsSync(join(out, 'ca')), false);
    const { store: trust } = readKeystoreFile(join(out, 'client', 'truststore.jks'), {
      password: PASS,
    });
    assert.deepEqual(trust.entries.map((e) => e.alias).sort(), ['l1', 'l2']);
    const leaf = readKeystoreFile(join(out, 'nodes', 'l2', 'keystore.jks'), { password: PASS })
      .store.entries[0]?.chain[0];
    assert.ok(leaf?.verify(leaf.publicKey));
    await assert.rejects(
      planAddNodes({
        outDir: out,
        nodes: ['l3'],
        storepass: PASS,
        caPassword: CA_PASS,
        key: ec,
        days: 30,
      }),
      /no kit CA/,
    );
  });

  it('refuses bad node names and short passwords', async () => {
    await assert.rejects(
      planCassandraKit({
        outDir: join(dir, 'x'),
        nodes: ['bad name'],
        storepass: PASS,
        caPassword: CA_PASS,
        key: ec,
        days: 1,
      }),
      /not a host name/,
    );
    await assert.rejects(
      planCassandraKit({
        outDir: join(dir, 'x'),
        nodes: ['a', 'A'],
        storepass: PASS,
        caPassword: CA_PASS,
        key: ec,
        days: 1,
      }),
      /already/,
    );
    await assert.rejects(
      planCassandraKit({
        outDir: join(dir, 'x'),
        nodes: ['a'],
        storepass: '123',
        key: ec,
        days: 1,
      }),
      /6 characters/,
    );
    assert.equal(existsSync(join(dir, 'x')), false);
  });
});
