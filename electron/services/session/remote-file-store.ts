// A fleet node's application.yaml as the editing session's file: read over SSH, validated with
// the node's own keystores and trust files, and saved with the remote safe save (temp file,
// fsync, rename, mode and owner kept, backup in .rwsec-backups/ on the node, refused when the
// file changed there since it was read): the same save `rwsec fleet set` does.
import { UserFacingError } from '../../../shared/user-error';
import { contentHash } from '../files/content-hash';
import type { FleetHost } from '../fleet/inventory';
import { NodeFiles } from '../fleet/node-files';
import { validateOnNode } from '../fleet/node-read';
import { readRemoteFiles } from '../fleet/remote-read';
import { RemoteSaveError, saveRemote } from '../fleet/remote-save';
import type { FileSource } from './editing-session';
import type { FileStore, ReadResult } from './file-store';
import type { IdleSsh } from './idle-ssh';

interface Read {
  bytes: Buffer;
  mode: number;
  uid: number;
  gid: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** How the editor names a node's file: `rws-1:/etc/rws/application.yaml`. */
export function remoteLabel(host: FleetHost): string {
  return `${host.name}:${host.config ?? ''}`;
}

/** `onSaved` runs after each save that reached the node (the fleet view reads the node again). */
export function remoteSource(
  ssh: IdleSsh,
  host: FleetHost,
  onSaved: () => void = () => undefined,
): FileSource {
  const file = host.config as string;
  /** What each stamp the session holds was read as: the save's "unchanged since read" check. */
  const reads = new Map<string, Read>();

  const readNode = async (): Promise<Read> => {
    // SshError and RemoteSaveError are user-facing errors: they reach the UI as they are.
    const [got] = await ssh.use((s) => readRemoteFiles(s, host, [file]));
    if (got?.kind !== 'file') {
      const why = got?.kind === 'unreadable' ? got.reason : `${got?.kind ?? 'no answer'}`;
      throw new UserFacingError('unreadable', `${remoteLabel(host)}: cannot be read (${why})`);
    }
    return got;
  };

  const store: FileStore = {
    async read(): Promise<ReadResult> {
      const got = await readNode();
      let text: string;
      try {
        text = strictUtf8.decode(got.bytes);
      } catch {
        throw new UserFacingError('unreadable', `${remoteLabel(host)} is not UTF-8 text`);
      }
      const stamp = contentHash(got.bytes);
      reads.set(stamp, got);
      return { text, stamp };
    },
    async write(_label, text, expected, force) {
      // Overwriting a file changed on the node (the user chose to) starts from what is there now.
      const base = force ? await readNode() : reads.get(expected);
      if (!base) return { saved: false, conflict: 'changed-on-disk' };
      const next = Buffer.from(text, 'utf8');
      try {
        const saved = await ssh.use((s) =>
          saveRemote(s, host, {
            file,
            original: base.bytes,
            next,
            mode: base.mode,
            uid: base.uid,
            gid: base.gid,
          }),
        );
        const stamp = contentHash(next);
        reads.set(stamp, { ...base, bytes: next });
        onSaved();
        return { saved: true, backup: saved.backup, stamp };
      } catch (error) {
        if (error instanceof RemoteSaveError && error.code === 'changed-on-disk') {
          return { saved: false, conflict: 'changed-on-disk' };
        }
        throw error;
      }
    },
  };
  return {
    store,
    validate: (doc) => ssh.use((s) => validateOnNode(doc, file, new NodeFiles(s, host))),
  };
}
