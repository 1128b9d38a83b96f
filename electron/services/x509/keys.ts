// Key pairs for certificates, always generated natively by node:crypto (pure-JS RSA takes seconds).
import { UserFacingError } from '../../../shared/user-error';
import {
  createPublicKey,
  generateKeyPair as generateKeyPairCb,
  webcrypto,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';

const generate = promisify(generateKeyPairCb);

export type RsaSize = 2048 | 3072 | 4096;
export type EcCurve = 'P-256' | 'P-384';
export type KeySpec = { algorithm: 'rsa'; size: RsaSize } | { algorithm: 'ec'; curve: EcCurve };

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export class KeySpecError extends UserFacingError {
  constructor(message: string) {
    super('unreadable', message);
  }
}

const rsaSizes: readonly number[] = [2048, 3072, 4096];
const ecSizes: Record<number, EcCurve> = { 256: 'P-256', 384: 'P-384' };

/** A key spec from user words (`rsa`/`ec`, size in bits), refusing weak or unsupported sizes. */
export function keySpec(algorithm = 'rsa', size?: number): KeySpec {
  const alg = algorithm.toLowerCase();
  if (alg === 'rsa') {
    const bits = size ?? 2048;
    if (!rsaSizes.includes(bits)) {
      throw new KeySpecError(`RSA key size ${bits} is not offered: use 2048, 3072 or 4096.`);
    }
    return { algorithm: 'rsa', size: bits as RsaSize };
  }
  if (alg === 'ec' || alg === 'ecdsa') {
    const curve = ecSizes[size ?? 256];
    if (!curve) throw new KeySpecError(`EC key size ${size} is not offered: use 256 or 384.`);
    return { algorithm: 'ec', curve };
  }
  throw new KeySpecError(`Key algorithm '${algorithm}' is not offered: use rsa or ec.`);
}

const PRESTARTED = Symbol.for('rwsec.prestartedKeys');

interface PrestartedKeys {
  spec: string;
  jobs: Promise<KeyPair>[];
}

function prestarted(): PrestartedKeys | undefined {
  return (globalThis as { [PRESTARTED]?: PrestartedKeys })[PRESTARTED];
}

function specName(spec: KeySpec): string {
  return spec.algorithm === 'rsa' ? `rsa-${spec.size}` : `ec-${spec.curve}`;
}

/**
 * Keys the CLI entry started before the bundle loaded (electron/cli/key-prestart.cjs) and that no
 * one took: their jobs keep the process alive until done, so the CLI exits at once instead.
 */
export function unusedPrestartedKeys(): number {
  return prestarted()?.jobs.length ?? 0;
}

/** Generates a key pair off the main thread (libuv pool), so several can run in parallel. */
export async function generateKeyPair(spec: KeySpec): Promise<KeyPair> {
  const pool = prestarted();
  const job = pool?.spec === specName(spec) ? pool.jobs.shift() : undefined;
  if (job) {
    try {
      return await job;
    } catch {
      // Fall through: generate this one here.
    }
  }
  if (spec.algorithm === 'rsa') {
    return generate('rsa', { modulusLength: spec.size, publicExponent: 0x10001 });
  }
  return generate('ec', { namedCurve: spec.curve });
}

const nodeCurveToWeb: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

export type SigningAlgorithm = RsaHashedImportParams | (EcKeyImportParams & EcdsaParams);

/** The signature algorithm a key signs certificates with: SHA-256, or SHA-384/512 for big curves. */
export function signingAlgorithmFor(key: KeyObject): SigningAlgorithm {
  if (key.asymmetricKeyType === 'rsa') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  if (key.asymmetricKeyType === 'ec') {
    const curve = nodeCurveToWeb[key.asymmetricKeyDetails?.namedCurve ?? ''];
    if (!curve) {
      throw new KeySpecError(
        `EC curve ${key.asymmetricKeyDetails?.namedCurve ?? '(unknown)'} is not supported for signing.`,
      );
    }
    const hash = curve === 'P-256' ? 'SHA-256' : curve === 'P-384' ? 'SHA-384' : 'SHA-512';
    return { name: 'ECDSA', namedCurve: curve, hash };
  }
  throw new KeySpecError(`${key.asymmetricKeyType ?? 'This'} keys are not supported for signing.`);
}

/** The WebCrypto form of a private key, for @peculiar/x509's certificate and CSR builders. */
export async function toWebPrivateKey(key: KeyObject): Promise<CryptoKey> {
  const der = key.export({ type: 'pkcs8', format: 'der' });
  return webcrypto.subtle.importKey('pkcs8', der, signingAlgorithmFor(key), false, ['sign']);
}

/** The WebCrypto form of a public key (the subject key of a certificate). */
export async function toWebPublicKey(key: KeyObject): Promise<CryptoKey> {
  const der = key.export({ type: 'spki', format: 'der' });
  return webcrypto.subtle.importKey('spki', der, signingAlgorithmFor(key), true, ['verify']);
}

/** Whether a private key and a public key (e.g. a certificate's) are the same pair. */
export function keysMatch(privateKey: KeyObject, publicKey: KeyObject): boolean {
  const mine = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return mine.equals(publicKey.export({ type: 'spki', format: 'der' }));
}
