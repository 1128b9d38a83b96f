// A kit's planned files as the wizards show them: path, size, whether it replaces a file, and
// whether it holds a key or password (written owner-only).
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import type { PlannedFile } from '../services/kits/transaction';
import type { EditingSession } from '../services/session/editing-session';
import type { KeySpec } from '../services/x509/keys';

export interface KitFileView {
  path: string;
  bytes: number;
  exists: boolean;
  secret: boolean;
}

export function describeFiles(files: readonly PlannedFile[]): KitFileView[] {
  return files.map((f) => ({
    path: f.path,
    bytes: typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.byteLength,
    exists: existsSync(f.path),
    secret: f.mode !== undefined && (f.mode & 0o077) === 0,
  }));
}

/**
 * The folders a run would create: for each file, the outermost missing folder above it (creating
 * it creates the ones inside), so the review can say so before anything is written.
 */
export function missingFolders(files: readonly PlannedFile[]): string[] {
  const missing = new Set<string>();
  for (const f of files) {
    let outermost: string | undefined;
    for (let dir = dirname(f.path); !existsSync(dir); dir = dirname(dir)) {
      outermost = dir;
      if (dirname(dir) === dir) break;
    }
    if (outermost) missing.add(outermost);
  }
  return [...missing].sort();
}

/**
 * The value a path option gets in application.yaml. A path typed relative (as the guide writes
 * `keyStorePath: keystore`) stays relative to the config's folder, where RWS and our checks
 * resolve it; writing the absolute path of the copy being edited would break on the server.
 * `typed` is what the user typed for `file` or for a folder above it (a kit's output folder).
 */
export function configPathValue(session: EditingSession, typed: string, file: string): string {
  if (isAbsolute(typed) || !session.file) return file;
  return relative(dirname(session.file), file).split(sep).join('/');
}

/** The wizards' key choice ('rsa-2048', 'ec-p256', ...) as the kits' KeySpec. */
export function keySpecOf(choice: string): KeySpec {
  switch (choice) {
    case 'rsa-3072':
      return { algorithm: 'rsa', size: 3072 };
    case 'rsa-4096':
      return { algorithm: 'rsa', size: 4096 };
    case 'ec-p256':
      return { algorithm: 'ec', curve: 'P-256' };
    case 'ec-p384':
      return { algorithm: 'ec', curve: 'P-384' };
    default:
      return { algorithm: 'rsa', size: 2048 };
  }
}
