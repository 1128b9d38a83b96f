// One change on every node: each node's own file edited by the lossless document layer (its
// comments and unrelated differences kept), validated with the node's files before and after,
// and, only when every node has been read and planned, written node by node in inventory order
// with the remote safe save. The first failure stops the run; the result says which file each
// node holds.
import type { Diagnostic } from '../../../shared/diagnostics';
import {
  DocumentEditError,
  type DocumentEdit,
  type RwsDocument,
} from '../../../shared/yaml/document';
import { unifiedDiff } from '../session/line-diff';
import type { NodeRead } from './node-read';
import { validateOnNode } from './node-read';
import { readRemoteFiles } from './remote-read';
import {
  discardStaged,
  RemoteSaveError,
  stageRemote,
  switchRemote,
  type Staged,
} from './remote-save';
import { mapLimit, SshError, type SshSession } from './ssh-transport';

export interface NodePlan {
  node: NodeRead;
  /** Absent when the edit cannot be made on this node (`error` says why). */
  next?: RwsDocument;
  /** Unified diff of the node's file, secrets masked. */
  diff: string;
  /** Errors the change adds on this node. */
  added: Diagnostic[];
  unchanged: boolean;
  error?: string;
}

export type NodeOutcome =
  | 'written'
  | 'unchanged'
  | 'failed'
  /** Not tried: an earlier node failed. */
  | 'not-attempted';

export interface NodeResult {
  name: string;
  outcome: NodeOutcome;
  /** Which version the node's file holds after the run ('other': changed there by someone else). */
  holds: 'new' | 'old' | 'other' | 'unknown';
  backup?: string;
  error?: string;
}

const SECRET_LINE =
  /^([+\- ]\s*(?:-\s+)?["']?[\w.-]*(?:password|Password|PASSWORD|cryptoSecurityKey)[\w.-]*["']?\s*:\s*)(\S.*)$/;

/** A diff with every secret-looking value and every given secret replaced by ********. */
export function maskDiff(diff: string, secrets: readonly string[]): string {
  return diff
    .split('\n')
    .map((line) => {
      let out = line.replace(SECRET_LINE, '$1********');
      for (const s of secrets) if (s.length >= 3) out = out.split(s).join('********');
      return out;
    })
    .join('\n');
}

function diagnosticKey(d: Diagnostic): string {
  return `${d.rule}\u0000${d.path}`;
}

export async function planNode(
  node: NodeRead,
  edits: (doc: RwsDocument) => DocumentEdit[] | { error: string },
  secrets: readonly string[],
): Promise<NodePlan> {
  const doc = node.doc as RwsDocument;
  const file = node.host.config as string;
  const requested = edits(doc);
  if ('error' in requested)
    return { node, diff: '', added: [], unchanged: false, error: requested.error };
  let next: RwsDocument;
  try {
    next = doc.withEdits(requested);
  } catch (error) {
    if (!(error instanceof DocumentEditError)) throw error;
    return { node, diff: '', added: [], unchanged: false, error: error.message };
  }
  if (next.text === doc.text) return { node, next, diff: '', added: [], unchanged: true };
  const after = await validateOnNode(next, file, node.files as NonNullable<NodeRead['files']>);
  const known = new Set(node.diagnostics.filter((d) => d.severity === 'error').map(diagnosticKey));
  const added = after.filter((d) => d.severity === 'error' && !known.has(diagnosticKey(d)));
  const diff = maskDiff(unifiedDiff(doc.text, next.text, `${node.host.name}:${file}`), secrets);
  return { node, next, diff, added, unchanged: false };
}

export interface ApplyOptions {
  /** Called as each node's new file is uploaded beside the old one (nothing replaced yet). */
  onStaged?: (done: number, total: number) => void;
  /** Called before and after each node is written: per-node progress. */
  onNode?: (result: NodeResult, index: number, total: number) => void;
}

/** Which version a node holds after a failure, read again over a fresh command. */
async function versionOnNode(
  session: SshSession,
  plan: NodePlan,
): Promise<'new' | 'old' | 'unknown'> {
  try {
    const [file] = await readRemoteFiles(session, plan.node.host, [
      plan.node.host.config as string,
    ]);
    if (file?.kind !== 'file') return 'unknown';
    if (Buffer.compare(file.bytes, Buffer.from(plan.next?.text ?? '', 'utf8')) === 0) return 'new';
    if (plan.node.original && Buffer.compare(file.bytes, plan.node.original) === 0) return 'old';
    return 'unknown';
  } catch {
    return 'unknown';
  }
}

function failedHolds(error: RemoteSaveError | SshError): NodeResult['holds'] | undefined {
  if (error instanceof RemoteSaveError) return error.code === 'changed-on-disk' ? 'other' : 'old';
  return undefined;
}

/**
 * Writes the planned nodes. The new files are first uploaded beside every node's file (at most
 * `forks` at once; nothing is replaced yet), then switched in one node at a time in inventory
 * order; the first failure stops the run and the uploads not switched in are removed.
 */
export async function applyPlans(
  session: SshSession,
  plans: readonly NodePlan[],
  options: ApplyOptions & { forks?: number } = {},
): Promise<NodeResult[]> {
  const requestOf = (plan: NodePlan) => ({
    file: plan.node.host.config as string,
    original: plan.node.original as Buffer,
    next: Buffer.from(plan.next?.text ?? '', 'utf8'),
    mode: plan.node.mode as number,
    uid: plan.node.uid as number,
    gid: plan.node.gid as number,
  });
  const writing = (plan: NodePlan) => !plan.unchanged && plan.next !== undefined;
  // The uploads are most of the run's time: reported as they finish, failed ones included.
  const uploads = plans.filter(writing).length;
  let uploaded = 0;
  const staged = await mapLimit(plans, options.forks ?? 10, async (plan) => {
    if (!writing(plan)) return undefined;
    try {
      return await stageRemote(session, plan.node.host, requestOf(plan));
    } catch (error) {
      if (!(error instanceof RemoteSaveError) && !(error instanceof SshError)) throw error;
      return error;
    } finally {
      options.onStaged?.(++uploaded, uploads);
    }
  });
  const discardFrom = async (index: number) => {
    const left = staged
      .slice(index)
      .filter((s): s is Staged => s !== undefined && !(s instanceof Error));
    await Promise.all(left.map((s) => discardStaged(session, s)));
  };
  const results: NodeResult[] = [];
  let stopped = false;
  for (const [index, plan] of plans.entries()) {
    const name = plan.node.host.name;
    if (stopped) {
      results.push({ name, outcome: 'not-attempted', holds: 'old' });
      continue;
    }
    const stage = staged[index];
    if (!writing(plan) || stage === undefined) {
      results.push({ name, outcome: 'unchanged', holds: 'old' });
    } else {
      try {
        if (stage instanceof Error) throw stage;
        const saved = await switchRemote(session, stage);
        results.push({ name, outcome: 'written', holds: 'new', backup: saved.backup });
      } catch (error) {
        if (!(error instanceof RemoteSaveError) && !(error instanceof SshError)) throw error;
        stopped = true;
        const holds = failedHolds(error) ?? (await versionOnNode(session, plan));
        results.push({ name, outcome: 'failed', holds, error: error.message });
        await discardFrom(index + 1);
      }
    }
    options.onNode?.(results[results.length - 1] as NodeResult, index, plans.length);
  }
  return results;
}
