// Reads files on a node: over its sftp subsystem where it has one (no program or shell started on
// the node when sshd serves it in-process), else with nothing but its POSIX shell: one command
// reads any number of files, each framed by a random boundary, with `ls -lnd` for mode and owner.
import { randomBytes } from 'node:crypto';
import { MAX_STORE_BYTES } from '../files/bounded-read';
import { sftpReadFiles } from './sftp/sftp-read';
import { shellQuote, SshError, type SshSession, type SshTarget } from './ssh-transport';

/** A node's config, keystore or bundle is read whole into memory: bounded as locally. */
const REMOTE_LIMIT = MAX_STORE_BYTES;
const overLimit = `over the ${REMOTE_LIMIT / (1024 * 1024)} MiB this tool reads; check the path`;

export type RemoteFile =
  | { kind: 'file'; path: string; bytes: Buffer; mode: number; uid: number; gid: number }
  | { kind: 'missing'; path: string }
  | { kind: 'folder'; path: string }
  | { kind: 'unreadable'; path: string; reason: string };

/** `-rw-r-----` (ls -l) as 0o640, set-id and sticky bits included. */
export function modeFromLs(text: string): number {
  const bits = text.slice(1, 10);
  let mode = 0;
  const perms = [0o400, 0o200, 0o100, 0o40, 0o20, 0o10, 0o4, 0o2, 0o1];
  for (let i = 0; i < 9; i++) {
    const c = bits[i] ?? '-';
    if (c !== '-' && c !== 'S' && c !== 'T') mode |= perms[i] as number;
  }
  if (/[sS]/.test(bits[2] ?? '')) mode |= 0o4000;
  if (/[sS]/.test(bits[5] ?? '')) mode |= 0o2000;
  if (/[tT]/.test(bits[8] ?? '')) mode |= 0o1000;
  return mode;
}

function readScript(paths: readonly string[], boundary: string): string {
  // For each path: a header line (F <ls -lnd line> | M | D | U <reason>), then for F the bytes
  // followed by "\n<boundary>\n".
  return [
    `for p in ${paths.map(shellQuote).join(' ')}; do`,
    '  if [ -d "$p" ]; then printf "D\\n";',
    '  elif [ ! -e "$p" ]; then printf "M\\n";',
    // Only regular files: cat of a FIFO waits forever, of /dev/zero never ends.
    '  elif [ ! -f "$p" ]; then printf "U is a named pipe, device or socket, not a regular file\\n";',
    '  elif [ ! -r "$p" ]; then printf "U permission denied\\n";',
    '  else l="$(LC_ALL=C ls -lnd -- "$p")"; set -- $l;',
    `    if [ "$5" -gt ${REMOTE_LIMIT} ]; then printf "U is %s bytes, ${overLimit}\\n" "$5";`,
    `    else printf "F %s\\n" "$l"; cat -- "$p"; printf "\\n${boundary}\\n"; fi; fi`,
    'done',
  ].join('\n');
}

export class RemoteProtocolError extends Error {}

function parseRead(paths: readonly string[], out: Buffer, boundary: string): RemoteFile[] {
  const files: RemoteFile[] = [];
  let at = 0;
  const marker = Buffer.from(`\n${boundary}\n`);
  for (const path of paths) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) throw new RemoteProtocolError(`no answer for ${path}`);
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    if (header === 'D') files.push({ kind: 'folder', path });
    else if (header === 'M') files.push({ kind: 'missing', path });
    else if (header.startsWith('U '))
      files.push({ kind: 'unreadable', path, reason: header.slice(2) });
    else if (header.startsWith('F ')) {
      const end = out.indexOf(marker, at);
      if (end < 0) throw new RemoteProtocolError(`the content of ${path} was cut short`);
      const fields = header.slice(2).trim().split(/\s+/);
      files.push({
        kind: 'file',
        path,
        bytes: Buffer.from(out.subarray(at, end)),
        mode: modeFromLs(fields[0] ?? ''),
        uid: Number(fields[2]),
        gid: Number(fields[3]),
      });
      at = end + marker.length;
    } else throw new RemoteProtocolError(`unexpected answer for ${path}: ${header.slice(0, 80)}`);
  }
  return files;
}

/** Reads `paths` (absolute) on the node in one round trip. Throws SshError when unreachable. */
export async function readRemoteFiles(
  session: SshSession,
  target: SshTarget,
  paths: readonly string[],
): Promise<RemoteFile[]> {
  if (paths.length === 0) return [];
  const sftp = await session.sftp(target);
  if (sftp) {
    return sftpReadFiles(sftp, paths, REMOTE_LIMIT, overLimit).catch((error: unknown) => {
      if (error instanceof SshError) throw error; // ssh itself failed
      throw new RemoteProtocolError(
        `${target.name}: reading files failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }
  const boundary = `--rwsec-${randomBytes(16).toString('hex')}--`;
  const result = await session.run(target, readScript(paths, boundary));
  if (result.code !== 0) {
    throw new RemoteProtocolError(
      `${target.name}: reading files failed (exit ${result.code}): ${result.stderr.trim()}`,
    );
  }
  // A file that grew between ls and cat is still refused once read.
  return parseRead(paths, result.stdout, boundary).map((file) =>
    file.kind === 'file' && file.bytes.length > REMOTE_LIMIT
      ? {
          kind: 'unreadable',
          path: file.path,
          reason: `is ${file.bytes.length} bytes, ${overLimit}`,
        }
      : file,
  );
}
