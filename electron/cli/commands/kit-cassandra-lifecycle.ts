// `rwsec kit cassandra --renew` and `--rotate-ca STAGE`: the lifecycle of an existing kit.
import { resolve } from 'node:path';
import type { CliIo } from '../command';
import { planCassandraRenewal } from '../../services/kits/cassandra-renew';
import { UsageError } from '../cli-parse';
import { commitAndReport } from './kit-common';
import { list, type CassandraValues } from './kit-cassandra';
import { kitPasswords } from './kit-passwords';

export async function runCassandraLifecycle(values: CassandraValues, io: CliIo): Promise<number> {
  const outDir = resolve(values.out);
  const stage = values['rotate-ca'];
  if (values.renew && stage !== undefined)
    throw new UsageError('Give --renew or --rotate-ca, not both.');
  if (values.legacy || values['add-node'] !== undefined || values.config)
    throw new UsageError(
      '--renew and --rotate-ca work on an existing CA kit: drop --legacy, --add-node and --config.',
    );
  const days = values.days ?? 825;
  // A new CA (rotation's start) has its password typed twice.
  const passwords = await kitPasswords(io, values, outDir, {
    needed: true,
    confirm: stage === 'start',
  });
  if (stage === undefined) {
    const { nodes } = values;
    const plan = await planCassandraRenewal({
      outDir,
      ...(nodes !== undefined ? { nodes: list(nodes) } : {}),
      ...passwords,
      days,
    });
    return commitAndReport(
      'rwsec kit cassandra',
      {
        files: plan.files,
        warnings: [],
        summary: [
          `Renewed ${plan.nodes.join(', ')} in ${outDir}: new keys and certificates from the kit CA, same alias and store password. Roll out nodes/<node>/keystore.jks to each renewed node and restart it, one at a time; truststores are unchanged.`,
        ],
      },
      io,
    );
  }
  const { planRotation } = await import('../../services/kits/cassandra-rotate');
  const plan = await planRotation({
    outDir,
    stage,
    ...passwords,
    days,
  });
  const code = await commitAndReport(
    'rwsec kit cassandra',
    { files: plan.files, warnings: plan.warnings, summary: plan.summary },
    io,
  );
  await plan.after?.();
  return code;
}
