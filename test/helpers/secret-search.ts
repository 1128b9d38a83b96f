// Search helpers of the secrets sweeps (CLI and serve flows): list every file a flow left and the
// byte forms a plain password can take on disk (UTF-8, UTF-16 little and big endian; Java writes
// char[] passwords as UTF-16).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `folder`, recursively. */
export function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** The byte sequences that mean `password` stored in plain. */
export function forms(password: string): Buffer[] {
  const le = Buffer.from(password, 'utf16le');
  return [Buffer.from(password, 'utf8'), le, Buffer.from(le).swap16()];
}

/** True when `bytes` hold `password` in one of its plain forms. */
export function holdsPlain(bytes: Buffer, password: string): boolean {
  return forms(password).some((form) => bytes.includes(form));
}
