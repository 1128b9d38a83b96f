// Keystroke to diagnostics when the configuration names keystores: an RSA-2048 PKCS12 keystore
// and three trust files. Without the store cache every keystroke read and decrypted each of them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Keystore, WritableStoreType } from '../../electron/services/keystore/model';
import { addSelfSigned } from '../../electron/services/keystore/operations';
import { writeKeystore } from '../../electron/services/keystore/write';
import { diskReader, StoreCache } from '../../electron/services/validate/store-cache';
import { validateConfig } from '../../electron/services/validate/validate-config';
import { RwsDocument } from '../../shared/yaml/document';
import { median, type BenchFigure } from './figure';

const PASSWORD = 'bench-secret';

async function makeStores(dir: string): Promise<void> {
  const server = await addSelfSigned(
    { type: 'PKCS12', entries: [] },
    {
      alias: 'jetty',
      dname: 'CN=rws.example.com',
      san: [{ type: 'dns', value: 'rws.example.com' }],
      key: { algorithm: 'rsa', size: 2048 },
      days: 365,
    },
  );
  const ca = await addSelfSigned(
    { type: 'JKS', entries: [] },
    {
      alias: 'root',
      dname: 'CN=Bench Root CA',
      san: [],
      key: { algorithm: 'ec', curve: 'P-256' },
      days: 365,
      ca: true,
    },
  );
  const cert = ca.entry.chain[0];
  if (!cert) throw new Error('no CA certificate');
  const trusted: Keystore['entries'] = [
    { kind: 'trusted', alias: 'root', created: ca.entry.created, chain: [cert] },
  ];
  const write = (name: string, type: WritableStoreType, entries: Keystore['entries']) =>
    writeFileSync(join(dir, name), writeKeystore({ type, entries }, { type, password: PASSWORD }));
  write('server.p12', 'PKCS12', [server.entry]);
  write('ca.jks', 'JKS', trusted);
  write('webdav.p12', 'PKCS12', trusted);
  write('rcs.jks', 'JKS', trusted);
}

const CONFIG = [
  'enableSsl: true',
  'ssl:',
  '  port: 8443',
  '  keyStorePath: server.p12',
  `  keyStorePassword: ${PASSWORD}`,
  'serverSettings:',
  '  caCertificate: ca.jks',
  `  jksPassword: ${PASSWORD}`,
  '  webDAVTrustedCA: webdav.p12',
  `  webDAVJksPassword: ${PASSWORD}`,
  '  rcsTrustedCA: rcs.jks',
  `  rcsJksPassword: ${PASSWORD}`,
  '',
].join('\n');

/** Median ms of an edit (parse + validate) of CONFIG, each run typing one more comment char. */
async function keystroke(file: string, stores: StoreCache): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 23; i++) {
    const text = `${CONFIG}# ${'x'.repeat(i)}\n`;
    const started = performance.now();
    await validateConfig(RwsDocument.parse(text), file, { stores });
    if (i >= 3) times.push(performance.now() - started);
  }
  return median(times);
}

export async function run(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rwsec-bench-stores-'));
  try {
    await makeStores(dir);
    const file = join(dir, 'application.yaml');
    writeFileSync(file, CONFIG);
    // A cache of size 0 keeps nothing: every reference reads and decrypts, as before the cache.
    const uncached = await keystroke(file, new StoreCache(diskReader, 0));
    const cached = await keystroke(file, new StoreCache());
    const load = `, load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
    const method = `median of 20 edits after 3 warm-up edits; config naming an RSA-2048 PKCS12 keystore and 3 JKS/PKCS12 trust files`;
    return [
      {
        name: 'keystroke to diagnostics, config naming 4 stores (store cache)',
        value: cached,
        unit: 'ms',
        goal: 50,
        better: 'lower',
        method: `${method}${load}`,
      },
      {
        name: 'keystroke to diagnostics, config naming 4 stores (no cache, reference)',
        value: uncached,
        unit: 'ms',
        goal: 1000,
        better: 'lower',
        method: `${method}; store cache of size 0, i.e. every store read and decrypted per edit${load}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
