// A PKCS#12 that is slow to open on purpose, made by openssl: every PBES2 bag and the MAC use the
// given iteration count (openssl 3 applies -iter to the MAC too). Below the cap it is a valid
// store that takes seconds of one core to open: the heavy request of the event-loop tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const haveOpenssl = spawnSync('openssl', ['version']).status === 0;

export function slowPkcs12(dir: string, password: string, iterations: number): string {
  const key = join(dir, 'slow-key.pem');
  const cert = join(dir, 'slow-cert.pem');
  const out = join(dir, 'slow.p12');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'].concat([
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=slow.test',
      '-days',
      '2',
    ]),
    { stdio: 'ignore' },
  );
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-in',
    cert,
    '-inkey',
    key,
    '-out',
    out,
    '-passout',
    `pass:${password}`,
    '-iter',
    String(iterations),
  ]);
  return out;
}
