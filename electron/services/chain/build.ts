// Chain building: from the leaf up, find each issuer first in the trust sources (a trust anchor ends
// the path, as in Java's PKIX), then among the given certificates. Issuers are matched by name and,
// when both sides carry them, by AKI/SKI; a candidate counts only if the signature verifies.
import type { ParsedCertificate } from './cert-facts';
import type { TrustAnchor, TrustSource } from './trust-source';

export type SignatureState = 'valid' | 'invalid' | 'unchecked';

export interface ChainLink {
  parsed: ParsedCertificate;
  origin: 'given' | 'trust-source';
  /** The signature of THIS certificate, checked with its issuer's key (the next link, or itself for a root). */
  signature: SignatureState;
}

export interface BuiltChain {
  links: ChainLink[];
  anchor?: { source: TrustSource; anchor: TrustAnchor };
  /** How the path ended when no anchor was reached. */
  end: 'anchored' | 'untrusted-root' | 'issuer-missing' | 'too-long';
  unused: ParsedCertificate[];
}

const MAX_PATH = 16;

function isCandidateIssuer(child: ParsedCertificate, candidate: ParsedCertificate): boolean {
  if (candidate.cert.subject !== child.cert.issuer) return false;
  if (child.authorityKeyId && candidate.subjectKeyId) {
    return child.authorityKeyId === candidate.subjectKeyId;
  }
  return true;
}

function signedBy(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  try {
    return child.cert.verify(issuer.cert.publicKey);
  } catch {
    return false;
  }
}

function sameCert(a: ParsedCertificate, b: ParsedCertificate): boolean {
  return a.cert.fingerprint256 === b.cert.fingerprint256;
}

interface Found<T> {
  item: T;
  verified: boolean;
}

/** The first candidate whose key verifies the child; else the first name match (bad signature). */
function findIssuer<T>(
  child: ParsedCertificate,
  items: readonly T[],
  parsedOf: (item: T) => ParsedCertificate,
): Found<T> | undefined {
  let nameOnly: T | undefined;
  for (const item of items) {
    const candidate = parsedOf(item);
    if (sameCert(candidate, child) && child.cert.subject !== child.cert.issuer) continue;
    if (!isCandidateIssuer(child, candidate)) continue;
    if (signedBy(child, candidate)) return { item, verified: true };
    nameOnly ??= item;
  }
  return nameOnly === undefined ? undefined : { item: nameOnly, verified: false };
}

function findAnchor(
  child: ParsedCertificate,
  sources: readonly TrustSource[],
): Found<{ source: TrustSource; anchor: TrustAnchor }> | undefined {
  const all = sources.flatMap((source) => source.anchors.map((anchor) => ({ source, anchor })));
  return findIssuer(child, all, (entry) => entry.anchor.parsed);
}

function exactAnchor(
  cert: ParsedCertificate,
  sources: readonly TrustSource[],
): { source: TrustSource; anchor: TrustAnchor } | undefined {
  for (const source of sources) {
    const anchor = source.anchors.find((a) => sameCert(a.parsed, cert));
    if (anchor) return { source, anchor };
  }
  return undefined;
}

export function buildChain(
  leaf: ParsedCertificate,
  others: readonly ParsedCertificate[],
  sources: readonly TrustSource[],
): BuiltChain {
  const links: ChainLink[] = [{ parsed: leaf, origin: 'given', signature: 'unchecked' }];
  let pool = others.filter((c) => !sameCert(c, leaf));
  const finish = (end: BuiltChain['end'], anchor?: BuiltChain['anchor']): BuiltChain => ({
    links,
    end,
    // A supplied copy of a certificate the path uses (usually the root, which the trust source
    // holds too and which ends the path as the anchor) is part of this chain, not an extra.
    unused: pool.filter((c) => !links.some((link) => sameCert(link.parsed, c))),
    ...(anchor ? { anchor } : {}),
  });
  for (;;) {
    const current = links[links.length - 1] as ChainLink;
    const selfAnchor = exactAnchor(current.parsed, sources);
    if (selfAnchor) {
      if (current.parsed.facts.selfIssued) {
        current.signature = signedBy(current.parsed, current.parsed) ? 'valid' : 'invalid';
      }
      return finish('anchored', selfAnchor);
    }
    if (links.length >= MAX_PATH) return finish('too-long');
    const inTrust = findAnchor(current.parsed, sources);
    if (inTrust?.verified) {
      current.signature = 'valid';
      const anchorParsed = inTrust.item.anchor.parsed;
      links.push({ parsed: anchorParsed, origin: 'trust-source', signature: 'unchecked' });
      if (anchorParsed.facts.selfIssued) {
        (links[links.length - 1] as ChainLink).signature = signedBy(anchorParsed, anchorParsed)
          ? 'valid'
          : 'invalid';
      }
      return finish('anchored', inTrust.item);
    }
    const given = findIssuer(current.parsed, pool, (c) => c);
    if (given?.verified) {
      current.signature = 'valid';
      pool = pool.filter((c) => c !== given.item);
      links.push({ parsed: given.item, origin: 'given', signature: 'unchecked' });
      continue;
    }
    if (current.parsed.facts.selfIssued) {
      current.signature = signedBy(current.parsed, current.parsed) ? 'valid' : 'invalid';
      if (current.signature === 'valid') return finish('untrusted-root');
    }
    // A name match whose key does not verify: show that issuer, with the signature marked invalid.
    const impostor = inTrust ?? (given ? { item: given.item, verified: false } : undefined);
    if (impostor) {
      current.signature = 'invalid';
      if (inTrust) {
        links.push({
          parsed: inTrust.item.anchor.parsed,
          origin: 'trust-source',
          signature: 'unchecked',
        });
        return finish('anchored', inTrust.item);
      }
      const item = impostor.item as ParsedCertificate;
      pool = pool.filter((c) => c !== item);
      links.push({ parsed: item, origin: 'given', signature: 'unchecked' });
      continue;
    }
    return finish(current.parsed.facts.selfIssued ? 'untrusted-root' : 'issuer-missing');
  }
}

/** The leaf of an unordered set: a certificate that issued none of the others, preferring non-CAs. */
export function pickLeaf(certs: readonly ParsedCertificate[]): ParsedCertificate | undefined {
  const issuedSomething = (c: ParsedCertificate): boolean =>
    certs.some((other) => other !== c && !sameCert(other, c) && isCandidateIssuer(other, c));
  const notIssuers = certs.filter((c) => !issuedSomething(c));
  return notIssuers.find((c) => c.facts.isCA !== true) ?? notIssuers[0] ?? certs[0];
}
