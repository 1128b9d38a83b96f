// Importing a CA reply (keytool -importcert onto a key entry): the reply must be for this key and
// must chain, through the reply itself and the store's trusted certificates, to a root.
import { UserFacingError } from '../../../shared/user-error';
import type { KeyObject, X509Certificate } from 'node:crypto';
import { keysMatch } from './keys';

export class CaReplyError extends UserFacingError {
  constructor(message: string) {
    super('refused', message);
  }
}

function isSelfSigned(cert: X509Certificate): boolean {
  return cert.checkIssued(cert) && cert.verify(cert.publicKey);
}

function findIssuer(
  cert: X509Certificate,
  pool: readonly X509Certificate[],
): X509Certificate | undefined {
  return pool.find(
    (c) => c !== cert && !c.raw.equals(cert.raw) && cert.checkIssued(c) && cert.verify(c.publicKey),
  );
}

export interface ChainResult {
  /** Leaf first, ending with the self-signed root. */
  chain: X509Certificate[];
  /** Whether the root was already trusted in the store (or only came with the reply). */
  rootTrusted: boolean;
}

/**
 * Builds the chain for `leaf` from `reply` and `trusted` certificates, up to a self-signed root.
 * Refuses when an issuer is missing: a store holding a chain that does not verify breaks TLS later
 * with an error far from its cause.
 */
export function buildChain(
  leaf: X509Certificate,
  reply: readonly X509Certificate[],
  trusted: readonly X509Certificate[],
): ChainResult {
  const pool = [...reply, ...trusted];
  const chain = [leaf];
  let current = leaf;
  while (!isSelfSigned(current)) {
    const issuer = findIssuer(current, pool);
    if (!issuer) {
      throw new CaReplyError(
        `The CA reply does not chain: no certificate for the issuer "${current.issuer.replace(/\n/g, ', ')}" ` +
          'is in the reply or trusted in the store. Import the CA certificate(s) as trusted first, ' +
          'or use a reply that includes the full chain.',
      );
    }
    if (chain.some((c) => c.raw.equals(issuer.raw)) || chain.length > 10) {
      throw new CaReplyError('The CA reply has a certificate loop; it cannot be imported.');
    }
    chain.push(issuer);
    current = issuer;
  }
  const root = chain[chain.length - 1] ?? leaf;
  return { chain, rootTrusted: trusted.some((c) => c.raw.equals(root.raw)) };
}

/** Picks the reply certificate for `privateKey` and builds its chain. */
export function chainForKey(
  privateKey: KeyObject,
  reply: readonly X509Certificate[],
  trusted: readonly X509Certificate[],
): ChainResult {
  const leaf = reply.find((c) => keysMatch(privateKey, c.publicKey));
  if (!leaf) {
    throw new CaReplyError(
      "No certificate in the CA reply matches this entry's private key: the reply is for another " +
        'request (or another alias). Nothing was changed.',
    );
  }
  return buildChain(leaf, reply, trusted);
}
