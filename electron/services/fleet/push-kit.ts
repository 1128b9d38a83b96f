// `fleet push-kit`: a Cassandra TLS kit (rwsec kit cassandra) delivered to its hosts. Each
// Cassandra host, matched to a kit node by inventory name or ansible_host (never guessed), gets its
// keystore.jks, truststore.jks and cassandra-encryption.yaml; each RWS host (rws_config set) gets
// the kit's client truststore and its cassandraCluster trust settings, planned and written
// exactly as `fleet set` does. Every file is written with the remote safe save, 0600.
import { readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import { UserFacingError } from '../../../shared/user-error';
import type { FleetHost } from './inventory';
import { readRemoteFiles } from './remote-read';
import { discardStaged, stageRemote, switchRemote, type Staged } from './remote-save';
import { mapLimit, type SshSession } from './ssh-transport';
import { MAX_CONFIG_BYTES, MAX_STORE_BYTES, readRegularFile } from '../files/bounded-read';

export const NODE_FILES = ['keystore.jks', 'truststore.jks', 'cassandra-encryption.yaml'] as const;

export interface KitMatch {
  cassandra: { host: FleetHost; node: string }[];
  rws: FleetHost[];
  /** Kit nodes no host matches. */
  nodesWithoutHost: string[];
  /** Hosts that are neither RWS nodes nor match a kit node. */
  hostsWithoutNode: string[];
}

/** A kit folder that cannot be delivered as it is (not a kit, files missing). */
export class KitPushError extends UserFacingError {
  constructor(message: string) {
    super('unreadable', message);
  }
}

export async function kitNodes(kitDir: string): Promise<string[]> {
  try {
    return (await readdir(join(kitDir, 'nodes'), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    throw new KitPushError(
      `${kitDir}: not a Cassandra kit (no nodes/ folder); make one with rwsec kit cassandra`,
    );
  }
}

export function matchKit(hosts: readonly FleetHost[], nodes: readonly string[]): KitMatch {
  const cassandra: KitMatch['cassandra'] = [];
  const rws: FleetHost[] = [];
  const hostsWithoutNode: string[] = [];
  const used = new Set<string>();
  for (const host of hosts) {
    const node = nodes.find((n) => n === host.name) ?? nodes.find((n) => n === host.host);
    if (node !== undefined && !used.has(node)) {
      used.add(node);
      cassandra.push({ host, node });
    } else if (host.config !== undefined) rws.push(host);
    else hostsWithoutNode.push(host.name);
  }
  return { cassandra, rws, nodesWithoutHost: nodes.filter((n) => !used.has(n)), hostsWithoutNode };
}

/** The folder the kit's own cassandra-encryption.yaml names for the node's stores. */
export async function kitNodeDest(kitDir: string, node: string): Promise<string> {
  const yaml = join(kitDir, 'nodes', node, 'cassandra-encryption.yaml');
  const text = (await readRegularFile(yaml, MAX_CONFIG_BYTES)).toString('utf8');
  const keystore = (parse(text) as { client_encryption_options?: { keystore?: unknown } })
    ?.client_encryption_options?.keystore;
  if (typeof keystore !== 'string')
    throw new KitPushError(`${kitDir}: nodes/${node}/cassandra-encryption.yaml names no keystore`);
  return posix.dirname(keystore);
}

export interface PushFile {
  path: string;
  bytes: Buffer;
}

export interface PushResult {
  name: string;
  files: string[];
  error?: string;
}

/**
 * Writes `files` on one host: every current version read first, all uploaded, then each switched
 * in (existing files backed up and compared, new ones refused if one appeared meanwhile).
 */
export async function pushFiles(
  session: SshSession,
  host: FleetHost,
  files: readonly PushFile[],
): Promise<void> {
  const current = await readRemoteFiles(
    session,
    host,
    files.map((f) => f.path),
  );
  const staged: Staged[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const now = current[i];
      if (now?.kind === 'folder' || now?.kind === 'unreadable') {
        throw new KitPushError(
          `${host.name}: ${file.path} ${now.kind === 'folder' ? 'is a folder' : 'cannot be read'}`,
        );
      }
      const existing = now?.kind === 'file' ? now : undefined;
      staged.push(
        await stageRemote(session, host, {
          file: file.path,
          next: file.bytes,
          mode: 0o600,
          ...(existing ? { original: existing.bytes, uid: existing.uid, gid: existing.gid } : {}),
        }),
      );
    }
    while (staged.length > 0) await switchRemote(session, staged.shift() as Staged);
  } finally {
    await Promise.all(staged.map((s) => discardStaged(session, s)));
  }
}

export async function pushCassandraNodes(
  session: SshSession,
  kitDir: string,
  match: KitMatch,
  options: { dest?: string; forks?: number; onHost?: (r: PushResult) => void },
): Promise<PushResult[]> {
  return mapLimit(match.cassandra, options.forks ?? 10, async ({ host, node }) => {
    let result: PushResult;
    try {
      const dest = options.dest ?? (await kitNodeDest(kitDir, node));
      const files = await Promise.all(
        NODE_FILES.map(async (name) => ({
          path: posix.join(dest, name),
          bytes: await readRegularFile(join(kitDir, 'nodes', node, name), MAX_STORE_BYTES),
        })),
      );
      await pushFiles(session, host, files);
      result = { name: host.name, files: files.map((f) => f.path) };
    } catch (error) {
      result = {
        name: host.name,
        files: [],
        error: error instanceof Error ? error.message : String(error),
      };
    }
    options.onHost?.(result);
    return result;
  });
}
