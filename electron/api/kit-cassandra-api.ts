// The Cassandra wizard's main side: the kit's files (preview, then written both-or-none) and the
// cassandraCluster values for the open session.
import type { Request, Response } from '../../shared/api/contract';
import { cassandraEdits } from '../services/kits/config-values';
import { commitFiles } from '../services/kits/transaction';
import type { EditingSession } from '../services/session/editing-session';
import type { HeavyWork } from '../services/heavy/heavy-work';
import { configPathValue, describeFiles, keySpecOf, missingFolders } from './kit-files';
import { applyKitEdits, noConfigWarning, openDocument } from './session-doc';

type CassandraRequest = Request<'kit.cassandra.run'>;
type KitResult = Response<'kit.cassandra.run'>;

export async function cassandraKit(
  session: EditingSession,
  work: HeavyWork,
  r: CassandraRequest,
  run: boolean,
): Promise<KitResult> {
  const plan = await work.run('planCassandraKit', {
    outDir: session.resolvePath(r.outDir),
    nodes: r.nodes,
    storepass: r.password,
    ...(r.caPassword !== undefined ? { caPassword: r.caPassword } : {}),
    key: keySpecOf(r.key),
    days: r.days,
    legacy: r.legacy ?? false,
    door: 'app',
  });
  const warnings = [...plan.warnings];
  const doc = await openDocument(session);
  const edits = doc
    ? cassandraEdits({
        trustStore: configPathValue(session, r.outDir, plan.clientTruststore),
        storepass: r.password,
        ...(r.crypt ? { crypt: r.crypt } : {}),
      })
    : [];
  if (!doc) warnings.push(noConfigWarning);
  const summary = [
    `Cassandra TLS kit for ${plan.nodes.length} node(s) (${plan.nodes.join(', ')}) in ${session.resolvePath(r.outDir)}; see README.txt there for what goes where.`,
    `RWS trusts the nodes through ${plan.clientTruststore}.`,
  ];
  const described = {
    files: describeFiles(plan.files),
    newFolders: missingFolders(plan.files),
    warnings,
    summary,
    edits,
  };
  if (!run) return described;
  const result = await commitFiles(plan.files);
  const applied = await applyKitEdits(session, edits, warnings);
  return { ...described, backups: result.backups, applied };
}
