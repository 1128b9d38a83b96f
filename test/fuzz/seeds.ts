// Real seed files for the fuzz targets, made fresh on each run: our own writer (JKS, PKCS12 strong
// and compatible, PEM plain and encrypted), keytool (JCEKS, PKCS12 with JDK properties) and OpenSSL
// (PKCS#1/SEC1/legacy-encrypted PEM keys, DER certificates, PKCS#7 in DER and PEM), plus the
// system's Java cacerts. Iteration counts are kept low where the tool allows it, so that a run
// spends its time in the parsers and not in key derivation; one default-strength copy of each
// format stays in the pool.
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integer, octetString, oid, seq } from '../../electron/services/der/asn1';
import { JCEKS_MAGIC, serializeJavaStore } from '../../electron/services/keystore/java-store';
import type { Keystore } from '../../electron/services/keystore/model';
import { writeKeystore } from '../../electron/services/keystore/write';
import { sampleStore } from '../helpers/keystore-fixtures';

/** Every seed store opens with this password (the fuzz targets pass it). */
export const SEED_PASSWORD = 'fuzz-pass';
export const CACERTS = '/etc/ssl/certs/java/cacerts';
export const CACERTS_PASSWORD = 'changeit';

export interface Seed {
  name: string;
  bytes: Buffer;
  /** The password the unmutated seed opens with. */
  password: string;
}

export interface SeedSet {
  seeds: Seed[];
  /** What could not be made here (tool missing), for the run's report. */
  missing: string[];
}

/**
 * A JCEKS store whose keys use Sun's PBEWithMD5AndTripleDES with few iterations: keytool always
 * writes 200,000 (JDK 17 ignores jdk.jceks.iterationCount), which makes one read take seconds.
 */
function cheapJceks(store: Keystore, password: string, iterations = 3): Buffer {
  const pass = Buffer.from(Array.from(password, (c) => c.charCodeAt(0) & 0x7f));
  const protect = (pkcs8: Buffer): Buffer => {
    const salt = randomBytes(8);
    const derived = Buffer.alloc(32);
    for (let half = 0; half < 2; half++) {
      let digest = salt.subarray(half * 4, half * 4 + 4);
      for (let i = 0; i < iterations; i++)
        digest = createHash('md5').update(digest).update(pass).digest();
      digest.copy(derived, half * 16);
    }
    const cipher = createCipheriv('des-ede3-cbc', derived.subarray(0, 24), derived.subarray(24));
    const encrypted = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
    const params = seq(octetString(salt), integer(iterations));
    return seq(seq(oid('1.3.6.1.4.1.42.2.19.1'), params), octetString(encrypted));
  };
  return serializeJavaStore(
    JCEKS_MAGIC,
    store.entries.map((e) =>
      e.kind === 'key'
        ? {
            tag: 1 as const,
            alias: e.alias,
            created: e.created,
            chain: e.chain,
            protectedKey: protect(e.privateKey.export({ format: 'der', type: 'pkcs8' })),
          }
        : { tag: 2 as const, alias: e.alias, created: e.created, cert: e.chain[0] },
    ),
    password,
  );
}

function run(tool: string, args: string[], cwd: string): boolean {
  const result = spawnSync(tool, args, { cwd, stdio: 'pipe', timeout: 60_000 });
  return result.status === 0;
}

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' }).status === 0;
}

/** Makes the seed files in a temp folder (removed again before returning). */
export async function makeSeeds(): Promise<SeedSet> {
  const dir = mkdtempSync(join(tmpdir(), 'rwsec-fuzz-seeds-'));
  const seeds: Seed[] = [];
  const missing: string[] = [];
  const add = (name: string, file: string, password = SEED_PASSWORD): void => {
    const path = join(dir, file);
    if (existsSync(path)) seeds.push({ name, bytes: readFileSync(path), password });
    else missing.push(name);
  };
  try {
    const { store } = await sampleStore(true);
    const write = (file: string, bytes: Buffer): void => writeFileSync(join(dir, file), bytes);
    const pw = SEED_PASSWORD;
    write('ours.jks', writeKeystore(store, { type: 'JKS', password: pw }));
    write('ours-keypw.jks', writeKeystore(store, { type: 'JKS', password: pw, keyPassword: 'k' }));
    write('ours-strong.p12', writeKeystore(store, { type: 'PKCS12', password: pw }));
    write(
      'ours-compat.p12',
      writeKeystore(store, { type: 'PKCS12', password: pw, profile: 'compatible' }),
    );
    write('ours-plain.pem', writeKeystore(store, { type: 'PEM', password: '' }));
    write('ours-enc.pem', writeKeystore(store, { type: 'PEM', password: pw }));
    const ca = store.entries.find((e) => e.kind === 'trusted');
    if (ca) write('ca.crt', ca.chain[0].raw);
    write('ours-cheap.jceks', cheapJceks(store, pw));
    const trustOnly = { ...store, entries: store.entries.filter((e) => e.kind === 'trusted') };
    write('ours-trust.jks', writeKeystore(trustOnly, { type: 'JKS', password: pw }));
    for (const f of [
      'ours.jks',
      'ours-keypw.jks',
      'ours-strong.p12',
      'ours-compat.p12',
      'ours-plain.pem',
      'ours-enc.pem',
      'ours-trust.jks',
      'ours-cheap.jceks',
    ]) {
      add(f, f);
    }

    if (has('keytool')) {
      const cheap = [
        '-J-Dkeystore.pkcs12.keyPbeIterationCount=3',
        '-J-Dkeystore.pkcs12.certPbeIterationCount=3',
        '-J-Dkeystore.pkcs12.macIterationCount=3',
      ];
      const convert = (to: string, type: string, extra: string[]): boolean =>
        run(
          'keytool',
          [
            ...extra,
            '-importkeystore',
            '-noprompt',
            '-srckeystore',
            'ours-strong.p12',
            '-srcstoretype',
            'PKCS12',
            '-srcstorepass',
            pw,
            '-destkeystore',
            to,
            '-deststoretype',
            type,
            '-deststorepass',
            pw,
          ],
          dir,
        );
      // keytool's JCEKS keys take seconds to open (200,000 MD5 rounds each): its trusted-only
      // form stands for keytool's JCEKS container, ours-cheap.jceks for its key protection.
      convert('keytool-cheap.p12', 'PKCS12', cheap);
      add('keytool-cheap.p12', 'keytool-cheap.p12');
      if (
        run(
          'keytool',
          [
            '-importcert',
            '-noprompt',
            '-alias',
            'ca',
            '-file',
            'ca.crt',
            '-keystore',
            'keytool-trust.jceks',
            '-storetype',
            'JCEKS',
            '-storepass',
            pw,
          ],
          dir,
        )
      )
        add('keytool-trust.jceks', 'keytool-trust.jceks');
      else missing.push('keytool-trust.jceks');
    } else missing.push('keytool seeds');

    if (has('openssl')) {
      const ssl = (...args: string[]): boolean => run('openssl', args, dir);
      ssl('pkcs12', '-in', 'ours-strong.p12', '-passin', `pass:${pw}`, '-nodes', '-out', 'all.pem');
      ssl(
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'rsa.key',
        '-out',
        'rsa.crt',
        '-subj',
        '/CN=fuzz.example/O=Fuzz',
        '-days',
        '30',
        '-addext',
        'subjectAltName=DNS:fuzz.example,IP:127.0.0.1',
      );
      ssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ec-sec1.key');
      ssl('rsa', '-in', 'rsa.key', '-traditional', '-out', 'rsa-pkcs1.key');
      ssl(
        'rsa',
        '-in',
        'rsa.key',
        '-traditional',
        '-aes128',
        '-passout',
        `pass:${pw}`,
        '-out',
        'rsa-legacy-enc.key',
      );
      ssl('x509', '-in', 'rsa.crt', '-outform', 'DER', '-out', 'rsa.der');
      ssl('crl2pkcs7', '-nocrl', '-certfile', 'all.pem', '-outform', 'DER', '-out', 'bundle.p7b');
      ssl('crl2pkcs7', '-nocrl', '-certfile', 'all.pem', '-out', 'bundle-pem.p7b');
      ssl('x509', '-in', 'rsa.crt', '-trustout', '-addtrust', 'serverAuth', '-out', 'trusted.pem');
      ssl(
        'pkcs12',
        '-export',
        '-in',
        'rsa.crt',
        '-inkey',
        'rsa.key',
        '-name',
        'fuzz',
        '-passout',
        `pass:${pw}`,
        '-iter',
        '3',
        '-maciter',
        '-out',
        'openssl-cheap.p12',
      );
      ssl(
        'pkcs12',
        '-export',
        '-legacy',
        '-in',
        'rsa.crt',
        '-inkey',
        'rsa.key',
        '-passout',
        `pass:${pw}`,
        '-out',
        'openssl-legacy.p12',
      );
      for (const f of [
        'all.pem',
        'rsa.key',
        'rsa.crt',
        'ec-sec1.key',
        'rsa-pkcs1.key',
        'rsa-legacy-enc.key',
        'rsa.der',
        'bundle.p7b',
        'bundle-pem.p7b',
        'trusted.pem',
        'openssl-cheap.p12',
        'openssl-legacy.p12',
      ]) {
        add(`openssl-${f}`, f);
      }
    } else missing.push('openssl seeds');

    if (existsSync(CACERTS)) {
      seeds.push({ name: 'cacerts', bytes: readFileSync(CACERTS), password: CACERTS_PASSWORD });
    } else missing.push('cacerts');
    return { seeds, missing };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
