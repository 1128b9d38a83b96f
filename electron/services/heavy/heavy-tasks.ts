// The one table of work that runs off the main thread: key generation, store decryption (PBE,
// MAC), store encoding, and the kits that do both. In the serve host and the desktop app these run
// in the worker pool (worker-pool.ts), so a store with millions of iterations keeps one worker busy
// while every other request (and SIGTERM) is answered; the CLI runs them inline (inline-work.ts).
// Each task takes and returns structured-clonable values: strings, plain objects, Buffers, Dates,
// and node:crypto's X509Certificate and KeyObject, which cross threads as they are.
import { loadJdkCacerts, loadSystemBundle, loadTrustFile } from '../chain/trust-source';
import { parseCertificateBytes, readCertificateFile } from '../chain/cert-input';
import { importMaterial, type InputBytes } from '../keystore/import-material';
import { readKeystore, readKeystoreFile } from '../keystore/read';
import type { Keystore } from '../keystore/model';
import { addSelfSigned } from '../keystore/operations';
import { encodeStore } from '../keystore/store-file';
import { planCassandraKit } from '../kits/cassandra-kit';
import { planHttpsKit } from '../kits/https-kit';
import { planTrustKit } from '../kits/trust-kit';

export const heavyTasks = {
  // Store and certificate reads: PKCS#12 PBE/PBES2 and MAC, JKS integrity, large stores.
  readKeystoreFile,
  readKeystore,
  readCertificateFile,
  parseCertificateBytes,
  loadTrustFile,
  loadJdkCacerts: () => loadJdkCacerts(),
  loadSystemBundle: () => loadSystemBundle(),
  /** importMaterial, saying whether anything was added (a clone loses the store's identity). */
  importMaterial: (
    store: Keystore,
    input: InputBytes,
    options: { alias?: string; password?: string },
  ) => {
    const result = importMaterial(store, input, options);
    return { ...result, changed: result.store !== store };
  },
  // Writes: the store's bytes, encrypted and read back before anything touches the disk.
  encodeStore,
  // Key generation, and the kits (generate, sign, encrypt; their files are committed on the
  // calling thread, through the one safe save).
  addSelfSigned,
  planHttpsKit,
  planCassandraKit,
  planTrustKit,
};

export type HeavyTasks = typeof heavyTasks;
export type HeavyTaskName = keyof HeavyTasks;

/** What each task does, in the words of a message about it ("... stopped while reading a store"). */
export const taskLabels: Record<HeavyTaskName, string> = {
  readKeystoreFile: 'reading a keystore',
  readKeystore: 'reading a keystore',
  readCertificateFile: 'reading a certificate file',
  parseCertificateBytes: 'reading certificates',
  loadTrustFile: 'reading a trust file',
  loadJdkCacerts: 'reading the JDK cacerts',
  loadSystemBundle: 'reading the system CA bundle',
  importMaterial: 'importing into the store',
  encodeStore: 'encoding the store',
  addSelfSigned: 'generating a key pair',
  planHttpsKit: 'preparing the HTTPS kit',
  planCassandraKit: 'preparing the Cassandra kit',
  planTrustKit: 'preparing the trust file',
};
