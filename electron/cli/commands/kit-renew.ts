// `rwsec kit https --renew --config FILE`: renews the HTTPS keystore the config names, then reads
// the written file back with the config's password, as the kit's verify step does.
import type { CliIo } from '../command';
import { planHttpsRenewal } from '../../services/kits/https-renew';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../cli-parse';
import type { HttpsValues } from './kit-https';
import { commitAndReport } from './kit-common';
import { EXIT_OK } from '../command';
import { KitError } from '../../services/kits/kit-error';

export async function runHttpsRenew(values: HttpsValues, io: CliIo): Promise<number> {
  const { config, alias, days } = values;
  if (config === undefined) throw new UsageError('--renew needs --config FILE.');
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
