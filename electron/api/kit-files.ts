// A kit's planned files as the wizards show them: path, size, whether it replaces a file, and
// whether it holds a key or password (written owner-only).
import { existsSync } from 'node:fs';
import type { PlannedFile } from '../services/kits/transaction';
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
