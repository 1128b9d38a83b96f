// `rwsec kit cassandra --renew` and `--rotate-ca STAGE`: the lifecycle of an existing kit.
import { resolve } from 'node:path';
import type { CliIo } from '../command';
import { planCassandraRenewal } from '../../services/kits/cassandra-renew';
import { UsageError } from '../cli-parse';
import { requireSecret } from '../secret-input';
import { commitAndReport, storepass } from './kit-common';
import { list, type CassandraValues } from './kit-cassandra';

async function caPass(
  io: CliIo,
  values: CassandraValues,
  outDir: string,
  confirm = false,
): Promise<string> {
  return requireSecret(io, {
    option: 'ca-pass',
    envName: values['ca-pass-env'],
    defaultEnv: 'RWSEC_CAPASS',
    prompt: `CA key password for the kit in ${outDir}: `,
    confirm,
    minLength: 6,
  });
}

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
  const pass = await storepass(io, values, `the kit in ${outDir}`);
  if (stage === undefined) {
    const { nodes } = values;
    const plan = await planCassandraRenewal({
      outDir,
      ...(nodes !== undefined ? { nodes: list(nodes) } : {}),
      storepass: pass,
      caPassword: await caPass(io, values, outDir),
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
    storepass: pass,
    caPassword: await caPass(io, values, outDir, stage === 'start'),
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
