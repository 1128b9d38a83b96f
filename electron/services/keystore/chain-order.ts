// Orders a leaf's chain from a pool of certificates the way Java does for PKCS12: follow the
// issuer until a self-issued certificate or a missing issuer.
import type { X509Certificate } from 'node:crypto';

export function chainFrom(
  leaf: X509Certificate,
  pool: X509Certificate[],
  max = 10,
): X509Certificate[] {
  const chain = [leaf];
  let current = leaf;
  while (chain.length < max && current.issuer !== current.subject) {
    const next = pool.find(
      (c) => !chain.includes(c) && c.subject === current.issuer && current.checkIssued(c),
    );
    if (!next) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

/** True when the certificate holds the public key of this private key. */
export function certMatchesKey(
  cert: X509Certificate,
  privateKey: import('node:crypto').KeyObject,
): boolean {
  try {
    return cert.checkPrivateKey(privateKey);
  } catch {
    return false;
  }
}
