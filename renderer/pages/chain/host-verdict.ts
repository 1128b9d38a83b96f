// The host name is part of the verdict: a chain can be trusted and still be wrong for the host RWS
// connects to. This turns both host-name verdicts into the leaf's check and the banner's words.
import type { HostnameVerdicts, Mark } from '../../../shared/tls/verdicts';

export interface HostCheck {
  id: 'hostname';
  mark: Mark;
  message: string;
}

/** The leaf's host-name check, or null while no host is typed. */
export function hostCheck(verdicts: HostnameVerdicts | null): HostCheck | null {
  if (!verdicts) return null;
  const { host, rfc6125, rws } = verdicts;
  const std = rfc6125.status;
  const own = rws.status;
  if (std === 'match' && own === 'match')
    return { id: 'hostname', mark: 'ok', message: `valid for ${host} under both rules` };
  if (std === 'mismatch' && own === 'mismatch')
    return { id: 'hostname', mark: 'fail', message: `not valid for ${host} under either rule` };
  const failing = [
    std !== 'match' ? `the standard rule (${std === 'unknown' ? 'unknown' : 'fails'})` : null,
    own !== 'match' ? `RWS's rule (${own === 'unknown' ? 'unknown' : 'fails'})` : null,
  ].filter((x) => x !== null);
  return {
    id: 'hostname',
    mark: 'warn',
    message: `${host}: ${failing.join(' and ')}; see the host-name verdicts below`,
  };
}

export interface Banner {
  severity: 'success' | 'warning' | 'error';
  title: string;
}

/** The banner: trust first, then whether it holds for the host typed. */
export function bannerOf(trusted: boolean, check: HostCheck | null): Banner {
  if (!trusted) return { severity: 'error', title: 'Not trusted' };
  if (!check || check.mark === 'ok') return { severity: 'success', title: 'Trusted' };
  if (check.mark === 'fail')
    return { severity: 'error', title: 'Trusted chain, but not for this host' };
  return { severity: 'warning', title: 'Trusted chain, host name in doubt' };
}
