// `rwsec kit https --renew --config FILE`: renews the HTTPS keystore the config names, then reads
// the written file back with the config's password, as the kit's verify step does.
import type { CliIo } from '../command';
import { planHttpsRenewal } from '../../services/kits/https-renew';
import { readFile } from 'node:fs/promises';
import { intOpt, requiredOpt, stringOpt, type Values } from '../parse-options';
import { commitAndReport } from './kit-common';
import { EXIT_OK } from '../command';
import { KitError } from '../../services/kits/kit-error';

export const httpsRenewHelp = [
  '  --renew --config FILE    renew the keystore ssl.keyStorePath names: new key and self-signed',
  '                           certificate for the same DN and SANs, same alias and password',
  '                           (ssl.keyStorePassword, plain or OBF:), new validity (--days N,',
  '                           default the old length; --alias A when it holds several keys).',
  '                           The old store is kept in .rwsec-backups/; the config is unchanged.',
];

export async function runHttpsRenew(values: Values, io: CliIo): Promise<number> {
  const config = requiredOpt(values, 'config');
  const alias = stringOpt(values, 'alias');
  const days = intOpt(values, 'days', { min: 1, max: 36500 });
  const plan = await planHttpsRenewal({
    config,
    ...(alias !== undefined ? { alias } : {}),
    ...(days !== undefined ? { days } : {}),
  });
  const leaf = plan.certificate;
  const code = await commitAndReport(
    'rwsec kit https',
    { files: plan.files, warnings: [], summary: plan.summary },
    io,
  );
  if (code !== EXIT_OK) return code;
  // Verify what is on disk now, not what was planned.
  const written = await readFile(plan.keystore);
  const planned = plan.files[0]?.data;
  if (!(planned instanceof Uint8Array) || !written.equals(planned))
    throw new KitError(`${plan.keystore} changed while it was written; run the renewal again.`);
  io.out(
    `Verified: ${plan.keystore} opens with the config's password; "${plan.alias}" holds the new key and certificate (SHA-256 ${leaf.fingerprint256}).\n`,
  );
  return EXIT_OK;
}
