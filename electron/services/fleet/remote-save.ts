// The safe save (electron/services/files/safe-save.ts) done on a node with its POSIX shell, under
// the same policy and names: the new content goes to `.NAME.rwsec-<hex>.tmp` in the file's own
// folder (exclusive create, the original's mode and owner, synced, read back); the previous
// version is kept as `.rwsec-backups/NAME.<UTC stamp>.bak` (newest 5 kept, folder 0700); the
// switch is one rename, and it is refused when the file no longer holds what was read. The
// backup is written from what we read and compared byte for byte with the file on the node, so
// "unchanged since read" and "the backup is the version replaced" are the same check.
//
// Two steps per node: stage (upload + read back), then switch. A kill at any point leaves the
// file either old or new: before the rename nothing but a temp file exists, and rename(2) in one
// folder is atomic. Where the node serves sftp, both steps go over it (sftp/sftp-save.ts, the same
// policy with no program run on the node); the shell scripts below are for nodes without it.
import { randomBytes } from 'node:crypto';
import { RemoteSaveError } from './remote-save-error';
import { BACKUP_FOLDER, DEFAULT_BACKUPS, utcStamp } from '../files/backups';
import { STALE_TEMP_AGE_MS } from '../files/stale-temps';
import { SaveStep, sftpDiscard, sftpStage, sftpSwitch, type SftpStaged } from './sftp/sftp-save';
import { shellQuote, SshError, type SshSession, type SshTarget } from './ssh-transport';

export { RemoteSaveError, type RemoteSaveErrorCode } from './remote-save-error';

export interface RemoteSaveRequest {
  file: string;
  /**
   * The bytes read from the node; the save is refused if the file holds anything else. Absent:
   * the file is new, and the save is refused if one appeared meanwhile.
   */
  original?: Uint8Array;
  next: Uint8Array;
  mode: number;
  /** Owner and group to keep; absent for a new file, which takes its folder's. */
  uid?: number;
  gid?: number;
  backups?: number;
}

export interface RemoteSaveResult {
  /** Where the previous version was kept on the node. */
  backup: string;
}

const CHANGED = 3;
/** write-lock.ts breaks locks older than 120 s. */
const STALE_LOCK_MINUTES = 2;

/** Sets f (symlinks followed, as the local save does), d (its folder), n (its name). */
function target(file: string): string {
  return [
    `f=${shellQuote(file)}`,
    'if [ -L "$f" ]; then f=$(readlink -f -- "$f"); fi',
    'd=$(dirname -- "$f"); n=$(basename -- "$f")',
  ].join('\n');
}

function stageScript(req: RemoteSaveRequest, hex: string): string {
  const staleMinutes = Math.ceil(STALE_TEMP_AGE_MS / 60_000);
  return [
    'set -e',
    'umask 077',
    target(req.file),
    ...(req.original === undefined
      ? [
          'mkdir -p -- "$d"',
          `[ ! -e "$f" ] || { echo "$f exists already" >&2; exit ${CHANGED}; }`,
          'set -- $(LC_ALL=C ls -lnd -- "$d"); o="$3:$4"',
        ]
      : [
          `[ -f "$f" ] || { echo "$f is not a file any more" >&2; exit ${CHANGED}; }`,
          `o="${req.uid}:${req.gid}"`,
        ]),
    `t="$d/.$n.rwsec-${hex}.tmp"`,
    // Temp files of earlier, killed saves of this file (old enough to be surely abandoned).
    `find "$d" -maxdepth 1 -type f -name ".$n.rwsec-????????????.tmp" -mmin +${staleMinutes} -exec rm -f {} + 2>/dev/null || true`,
    '(set -C; cat > "$t")',
    `chmod ${req.mode.toString(8)} "$t"`,
    'chown "$o" "$t" 2>/dev/null || true',
    // The file never changes hands: a copy that cannot keep the owner and group is refused.
    `set -- $(LC_ALL=C ls -lnd -- "$t")`,
    `[ "$3:$4" = "$o" ] || { rm -f -- "$t"; echo "cannot keep the owner and group $o of $f: connect as root or as its owner" >&2; exit 7; }`,
    'sync "$t" 2>/dev/null || sync',
    'cat -- "$t"',
  ].join('\n');
}

function lockScript(): string[] {
  return [
    // The write lock every saver of this tool takes beside the file (write-lock.ts): a live one is
    // waited for briefly, a stale one (older than any save) broken.
    `l="$d/.$n.rwsec-lock"`,
    'fail() { rm -f -- "$t" "$bt"; [ -z "$locked" ] || rm -f -- "$l"; echo "$2" >&2; exit "$1"; }',
    'locked=; w=0',
    'until (set -C; printf "%s %s\\n" "$$" "$(hostname 2>/dev/null || uname -n)" > "$l") 2>/dev/null; do',
    `  if [ -n "$(find "$l" -mmin +${Math.ceil(STALE_LOCK_MINUTES)} 2>/dev/null)" ]; then rm -f -- "$l"; continue; fi`,
    `  w=$((w+1)); [ $w -le 10 ] || fail 6 "another save of $f is running (lock $l); try again"`,
    '  sleep 1',
    'done',
    'locked=1',
  ];
}

/** A new file: refused if one appeared since the upload; no backup (there was no version). */
function createScript(req: RemoteSaveRequest, hex: string): string {
  return [
    'umask 077',
    target(req.file),
    `t="$d/.$n.rwsec-${hex}.tmp"; bt=`,
    ...lockScript(),
    `[ ! -e "$f" ] || fail ${CHANGED} "changed"`,
    'mv -f -- "$t" "$f" || fail 5 "cannot rename the new file into place"',
    'sync "$d" 2>/dev/null || sync',
    'rm -f -- "$l"',
  ].join('\n');
}

function switchScript(req: RemoteSaveRequest, hex: string, backupHex: string): string {
  if (req.original === undefined) return createScript(req, hex);
  const keep = req.backups ?? DEFAULT_BACKUPS;
  const stamp = utcStamp(new Date());
  return [
    'umask 077',
    target(req.file),
    `t="$d/.$n.rwsec-${hex}.tmp"`,
    `b="$d/${BACKUP_FOLDER}"`,
    `bt="$b/.$n.rwsec-${backupHex}.tmp"`,
    ...lockScript(),
    // Never written through a link someone planted: it would receive every previous version.
    `[ ! -L "$b" ] || fail 5 "$b is a symbolic link, not a folder this tool made; backups are never written through it. Remove it (or move it away) and save again"`,
    '[ -d "$b" ] || mkdir -m 700 -- "$b" || fail 5 "cannot create the backup folder $b"',
    'chmod 700 -- "$b" || fail 5 "cannot make $b private"',
    '(set -C; cat > "$bt") || fail 5 "cannot write a backup in $b"',
    `cmp -s -- "$bt" "$f" || fail ${CHANGED} "changed"`,
    `chmod ${req.mode.toString(8)} "$bt"`,
    'sync "$bt" 2>/dev/null || sync',
    `bn="$n.${stamp}.bak"; i=0`,
    'while ! ln -- "$bt" "$b/$bn" 2>/dev/null; do',
    '  i=$((i+1)); [ $i -lt 1000 ] || fail 5 "cannot name the backup in $b"',
    `  bn="$n.${stamp}-$i.bak"`,
    'done',
    'rm -f -- "$bt"',
    // The switch: atomic within one folder.
    'mv -f -- "$t" "$f" || fail 5 "cannot rename the new file into place"',
    'sync "$d" 2>/dev/null || sync',
    'rm -f -- "$l"',
    `pat="$b/$n.[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9].[0-9][0-9][0-9]Z*.bak"`,
    'c=0; for x in $pat; do [ -e "$x" ] && c=$((c+1)); done',
    `e=$((c-${keep}))`,
    'for x in $pat; do [ $e -gt 0 ] || break; [ -e "$x" ] || continue; rm -f -- "$x"; e=$((e-1)); done',
    'printf "%s\\n" "$b/$bn"',
  ].join('\n');
}

function cleanupScript(file: string, hex: string): string {
  return [target(file), `rm -f -- "$d/.$n.rwsec-${hex}.tmp"`].join('\n');
}

/** An SFTP step's failure as the shell version reports it; ssh's own failure passes through. */
function sftpRefusal(
  node: SshTarget,
  req: RemoteSaveRequest,
  error: unknown,
  step: 'stage' | 'switch',
): Error {
  if (error instanceof SshError) return error;
  if (error instanceof SaveStep && error.kind === 'changed') {
    return new RemoteSaveError(
      step === 'stage'
        ? `${node.name}: ${req.file} was deleted or moved since it was read; nothing was written`
        : `${node.name}: ${req.file} changed on the node since it was read; nothing was written (run again to start from its current content)`,
      'changed-on-disk',
    );
  }
  const why = error instanceof Error ? error.message : String(error);
  return new RemoteSaveError(
    `${node.name}: ${req.file}: not saved (${why}); the file is unchanged`,
    'write-failed',
  );
}

/** A new file uploaded beside the node's file, not yet in place. */
export interface Staged {
  node: SshTarget;
  req: RemoteSaveRequest;
  hex: string;
  /** What an SFTP stage left (absent: staged through the shell). */
  sftp?: SftpStaged;
}

/**
 * Step 1, harmless to the file: uploads `next` to a temp file beside it (mode and owner of the
 * original, synced) and reads it back. Throws RemoteSaveError, or SshError when ssh fails.
 */
export async function stageRemote(
  session: SshSession,
  node: SshTarget,
  req: RemoteSaveRequest,
): Promise<Staged> {
  const hex = randomBytes(6).toString('hex');
  const sftp = await session.sftp(node);
  if (sftp) {
    try {
      return {
        node,
        req,
        hex,
        sftp: await sftpStage(sftp, req, hex, randomBytes(6).toString('hex')),
      };
    } catch (error) {
      throw sftpRefusal(node, req, error, 'stage');
    }
  }
  const staged = await session.run(node, stageScript(req, hex), req.next);
  if (staged.code === CHANGED) {
    throw new RemoteSaveError(
      `${node.name}: ${req.file} was deleted or moved since it was read; nothing was written`,
      'changed-on-disk',
    );
  }
  if (staged.code !== 0 || Buffer.compare(staged.stdout, Buffer.from(req.next)) !== 0) {
    await session.run(node, cleanupScript(req.file, hex)).catch(() => undefined);
    const why =
      staged.code !== 0 ? staged.stderr.trim() : 'the written copy reads back differently';
    throw new RemoteSaveError(
      `${node.name}: ${req.file}: not saved (${why}); the file is unchanged`,
      'write-failed',
    );
  }
  return { node, req, hex };
}

/** Removes a staged temp file that will not be switched in (best effort). */
export async function discardStaged(session: SshSession, staged: Staged): Promise<void> {
  if (staged.sftp) {
    const sftp = await session.sftp(staged.node).catch(() => undefined);
    if (sftp) await sftpDiscard(sftp, staged.sftp);
    return;
  }
  await session.run(staged.node, cleanupScript(staged.req.file, staged.hex)).catch(() => undefined);
}

/**
 * Step 2: under the file's write lock, refuses unless the file still holds what was read, keeps
 * it as the backup and renames the staged file over it.
 */
export async function switchRemote(session: SshSession, staged: Staged): Promise<RemoteSaveResult> {
  const { node, req, hex } = staged;
  const sftp = staged.sftp && (await session.sftp(node));
  if (sftp && staged.sftp) {
    try {
      return { backup: await sftpSwitch(sftp, req, staged.sftp) };
    } catch (error) {
      throw sftpRefusal(node, req, error, 'switch');
    }
  }
  const switched = await session.run(
    node,
    switchScript(req, hex, randomBytes(6).toString('hex')),
    req.original,
  );
  if (switched.code === CHANGED) {
    throw new RemoteSaveError(
      `${node.name}: ${req.file} changed on the node since it was read; nothing was written (run again to start from its current content)`,
      'changed-on-disk',
    );
  }
  if (switched.code !== 0) {
    throw new RemoteSaveError(
      `${node.name}: ${req.file}: not saved (${switched.stderr.trim() || `exit ${switched.code}`}); the file is unchanged`,
      'write-failed',
    );
  }
  return { backup: switched.stdout.toString('utf8').trim() };
}

/** Saves `next` over `file` on the node: stage, then switch. */
export async function saveRemote(
  session: SshSession,
  node: SshTarget,
  req: RemoteSaveRequest,
): Promise<RemoteSaveResult> {
  return switchRemote(session, await stageRemote(session, node, req));
}
