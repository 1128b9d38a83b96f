// Content fingerprints for change detection: a file is "unchanged" when its bytes hash the same.
import { createHash } from 'node:crypto';

/** `sha256:<hex>` of the bytes (text is hashed as its UTF-8 bytes). */
export function contentHash(content: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

export function isContentHash(value: string): boolean {
  return /^sha256:[0-9a-f]{64}$/.test(value);
}
