// Per-certificate checks of a built chain. Severity follows what Java 17 (RWS's runtime) does:
// a fail is something JSSE/PKIX rejects, a warn is something it accepts that an admin should fix.
import type {
  ChainReason,
  Check,
  CertificateReport,
  ChainRole,
  TlsPurpose,
} from '../../../shared/tls/verdicts';
import type { BuiltChain, ChainLink } from './build';

const DAY = 24 * 60 * 60 * 1000;
export const EXPIRY_WARNING_DAYS = 30;

export interface JudgedCertificate {
  report: CertificateReport;
  problems: ChainReason[];
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function validityCheck(link: ChainLink, isAnchor: boolean, now: Date): [Check, ChainReason?] {
  const { notBefore, notAfter } = link.parsed;
  // Java's PKIX does not check a trust anchor's own validity period: warn, do not fail.
  const mark = isAnchor ? 'warn' : 'fail';
  if (now < notBefore) {
    const message = `not valid before ${notBefore.toISOString()} (starts in ${Math.ceil((notBefore.getTime() - now.getTime()) / DAY)} days)`;
    return [{ id: 'validity', mark, message }, isAnchor ? undefined : 'not-yet-valid'];
  }
  if (now > notAfter) {
    const ago = Math.floor((now.getTime() - notAfter.getTime()) / DAY);
    const message = `expired on ${notAfter.toISOString()} (${ago} days ago)`;
    return [{ id: 'validity', mark, message }, isAnchor ? undefined : 'expired'];
  }
  const left = Math.floor((notAfter.getTime() - now.getTime()) / DAY);
  if (left < EXPIRY_WARNING_DAYS) {
    return [
      { id: 'validity', mark: 'warn', message: `expires in ${left} days (${day(notAfter)})` },
    ];
  }
  return [
    {
      id: 'validity',
      mark: 'ok',
      message: `valid ${day(notBefore)} to ${day(notAfter)} (${left} days left)`,
    },
  ];
}

function leafUsageChecks(link: ChainLink, purpose: TlsPurpose): [Check[], ChainReason[]] {
  const { keyUsage, extendedKeyUsage, keyAlgorithm } = link.parsed.facts;
  const checks: Check[] = [];
  const problems: ChainReason[] = [];
  if (keyUsage) {
    const rsa = keyAlgorithm.startsWith('RSA');
    const accepted = rsa
      ? ['digitalSignature', 'keyEncipherment']
      : ['digitalSignature', 'keyAgreement'];
    const fits = accepted.some((u) => keyUsage.includes(u));
    checks.push({
      id: 'key-usage',
      mark: fits ? 'ok' : 'fail',
      message: fits
        ? `key usage ${keyUsage.join(', ')} fits a TLS ${purpose}`
        : `key usage ${keyUsage.join(', ') || '(empty)'} lacks ${accepted.join(' or ')} needed by a TLS ${purpose}`,
    });
    if (!fits) problems.push('wrong-key-usage');
  } else {
    checks.push({
      id: 'key-usage',
      mark: 'info',
      message: 'no key usage extension (any use allowed)',
    });
  }
  if (extendedKeyUsage) {
    const wanted = purpose === 'server' ? 'serverAuth' : 'clientAuth';
    const fits =
      extendedKeyUsage.includes(wanted) || extendedKeyUsage.includes('anyExtendedKeyUsage');
    checks.push({
      id: 'extended-key-usage',
      mark: fits ? 'ok' : 'fail',
      message: fits
        ? `extended key usage includes ${wanted}`
        : `extended key usage ${extendedKeyUsage.join(', ')} lacks ${wanted} (TLS ${purpose})`,
    });
    if (!fits) problems.push('wrong-key-usage');
  }
  return [checks, problems];
}

function issuerChecks(link: ChainLink, index: number, isAnchor: boolean): [Check[], ChainReason[]] {
  const { isCA, pathLength, keyUsage } = link.parsed.facts;
  const checks: Check[] = [];
  const problems: ChainReason[] = [];
  // Java does not apply basicConstraints/keyUsage to the trust anchor itself (old v1 roots lack them).
  const failMark = isAnchor ? 'warn' : 'fail';
  if (isCA === true) {
    checks.push({
      id: 'ca-flag',
      mark: 'ok',
      message: `CA: yes${pathLength !== undefined ? `, path length ≤ ${pathLength}` : ''}`,
    });
  } else {
    checks.push({
      id: 'ca-flag',
      mark: failMark,
      message:
        isCA === false
          ? 'basicConstraints says CA:false, yet it issued the certificate below'
          : 'no basicConstraints extension: not marked as a CA, yet it issued the certificate below',
    });
    if (!isAnchor) problems.push('not-a-ca');
  }
  const intermediatesBelow = index - 1;
  if (pathLength !== undefined && intermediatesBelow > pathLength) {
    checks.push({
      id: 'path-length',
      mark: 'fail',
      message: `path length constraint ${pathLength} but ${intermediatesBelow} CA certificates below it`,
    });
    problems.push('path-length-exceeded');
  }
  if (keyUsage && !keyUsage.includes('keyCertSign')) {
    checks.push({
      id: 'key-usage',
      mark: failMark,
      message: `key usage ${keyUsage.join(', ')} lacks keyCertSign, needed to issue certificates`,
    });
    if (!isAnchor) problems.push('wrong-key-usage');
  }
  return [checks, problems];
}

function strengthChecks(link: ChainLink, isAnchor: boolean): [Check[], ChainReason[]] {
  const { keyAlgorithm, keySize, signatureAlgorithm } = link.parsed.facts;
  const checks: Check[] = [];
  const problems: ChainReason[] = [];
  const rsaLike = keyAlgorithm.startsWith('RSA') || keyAlgorithm === 'DSA';
  const ec = keyAlgorithm === 'EC';
  const size = keySize ?? 0;
  const label = `${keyAlgorithm}${keySize ? ` ${keySize}-bit` : ''} key`;
  if ((rsaLike && size > 0 && size < 1024) || (ec && size > 0 && size < 224)) {
    checks.push({ id: 'key-strength', mark: 'fail', message: `${label}: rejected by Java 17` });
    problems.push('weak-algorithm');
  } else if ((rsaLike && size > 0 && size < 2048) || (ec && size > 0 && size < 256)) {
    checks.push({
      id: 'key-strength',
      mark: 'warn',
      message: `${label} is weak (use RSA 2048+ or EC P-256+); Java 17 still accepts it`,
    });
  } else {
    checks.push({ id: 'key-strength', mark: 'ok', message: label });
  }
  const sig = signatureAlgorithm.toLowerCase();
  // A trust anchor's own signature is never checked by PKIX, so its algorithm cannot fail the chain.
  if (sig.startsWith('md2') || sig.startsWith('md5')) {
    checks.push({
      id: 'signature-algorithm',
      mark: isAnchor ? 'warn' : 'fail',
      message: `${signatureAlgorithm}: ${isAnchor ? 'broken, though not checked on a trust anchor' : 'rejected by Java'}`,
    });
    if (!isAnchor) problems.push('weak-algorithm');
  } else if (sig.includes('sha1') && !isAnchor) {
    checks.push({
      id: 'signature-algorithm',
      mark: 'warn',
      message: `${signatureAlgorithm} is weak; Java 17 rejects SHA-1 under public (cacerts) roots`,
    });
  } else {
    checks.push({ id: 'signature-algorithm', mark: 'ok', message: signatureAlgorithm });
  }
  return [checks, problems];
}

function signatureCheck(
  chain: BuiltChain,
  index: number,
  link: ChainLink,
): [Check[], ChainReason[]] {
  const next = chain.links[index + 1];
  const self = link.parsed.facts.selfIssued && !next;
  if (link.signature === 'valid') {
    const message = self
      ? 'self-signature verifies'
      : `signature verifies with the key of ${next?.parsed.facts.subject ?? 'its issuer'}`;
    return [[{ id: 'signature', mark: 'ok', message }], []];
  }
  if (link.signature === 'invalid') {
    const message = self
      ? 'self-signature does not verify: the certificate is corrupt or tampered with'
      : `signature does NOT verify with the key of ${next?.parsed.facts.subject ?? 'the issuer'} (same name, different key?)`;
    return [[{ id: 'signature', mark: 'fail', message }], ['bad-signature']];
  }
  return [[], []];
}

/** Checks for one link of `chain`; the anchor flag covers a trust-source link or an exactly trusted cert. */
export function judgeLink(
  chain: BuiltChain,
  index: number,
  purpose: TlsPurpose,
  now: Date,
): JudgedCertificate {
  const link = chain.links[index] as ChainLink;
  const last = index === chain.links.length - 1;
  const isAnchor = last && chain.end === 'anchored';
  const role: ChainRole =
    index === 0 ? 'leaf' : link.parsed.facts.selfIssued ? 'root' : 'intermediate';
  const checks: Check[] = [];
  const problems: ChainReason[] = [];
  const add = ([c, p]: [Check[], ChainReason[]]): void => {
    checks.push(...c);
    problems.push(...p);
  };
  add(signatureCheck(chain, index, link));
  const [validity, validityProblem] = validityCheck(link, isAnchor && index > 0, now);
  checks.push(validity);
  if (validityProblem) problems.push(validityProblem);
  if (index === 0) add(leafUsageChecks(link, purpose));
  else add(issuerChecks(link, index, isAnchor));
  add(strengthChecks(link, isAnchor && index > 0));
  if (last && link.parsed.facts.selfIssued) {
    checks.push({ id: 'self-signed', mark: 'info', message: 'self-signed (a root)' });
  }
  if (isAnchor && chain.anchor) {
    const alias = chain.anchor.anchor.alias;
    checks.push({
      id: 'trust-anchor',
      mark: 'ok',
      message: `trust anchor found in ${chain.anchor.source.name}${alias ? ` (alias ${alias})` : ''}`,
    });
  } else if (last) {
    const message =
      chain.end === 'issuer-missing'
        ? `issuer ${link.parsed.facts.issuer} not found among the given certificates or in the trust source`
        : chain.end === 'too-long'
          ? 'chain too long: stopped building'
          : 'not in the trust source';
    checks.push({
      id: last && chain.end === 'issuer-missing' ? 'issuer' : 'trust-anchor',
      mark: 'fail',
      message,
    });
  }
  return {
    report: {
      ...link.parsed.facts,
      index,
      role,
      origin: link.origin,
      checks,
    },
    problems,
  };
}
